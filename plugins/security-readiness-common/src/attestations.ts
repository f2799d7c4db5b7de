import { DateTime } from 'luxon';
import type {
  Attestation,
  AttestationResult,
  CheckDefinition,
  Scorecard,
} from './types';

/** How long an attestation counts unless the scorecard or check says. @public */
export const DEFAULT_ATTESTATION_VALIDITY_MONTHS = 12;

/** The zone in which attested dates (`performedOn`) are read. */
const ZONE = 'Asia/Almaty';

/** The score of an attestation's result: pass 10, fail 0, or the number. @public */
export function attestationScore(result: AttestationResult): number {
  if (result === 'pass') {
    return 10;
  }
  if (result === 'fail') {
    return 0;
  }
  return Math.min(10, Math.max(0, result));
}

/** Whether a check can be decided by an officer's attestation. @public */
export function acceptsAttestation(check: CheckDefinition): boolean {
  const kind = check.evaluation.kind;
  return (
    kind === 'attestation' ||
    kind === 'entity+attestation' ||
    kind === 'facts-or-attestation'
  );
}

/** How many months an attestation of a check counts. @public */
export function attestationValidityMonths(
  check: CheckDefinition,
  scorecard?: Pick<Scorecard, 'attestationValidityMonths'>,
): number {
  const evaluation = check.evaluation;
  const own =
    evaluation.kind === 'attestation' ||
    evaluation.kind === 'entity+attestation' ||
    evaluation.kind === 'facts-or-attestation'
      ? evaluation.validityMonths
      : undefined;
  return (
    own ??
    scorecard?.attestationValidityMonths ??
    DEFAULT_ATTESTATION_VALIDITY_MONTHS
  );
}

/**
 * The latest instant an attestation of a check may count: its validity from
 * the attestation, or from the day the activity was performed (Asia/Almaty)
 * when the check counts from `performedOn`. The backend uses it as the
 * default `expiresAt`, and scoring never lets an attestation count longer,
 * whatever `expiresAt` it was stored with.
 *
 * @public
 */
export function maxAttestationExpiry(
  check: CheckDefinition,
  attestation: Pick<Attestation, 'attestedAt' | 'evidence'>,
  scorecard?: Pick<Scorecard, 'attestationValidityMonths'>,
): string {
  const months = attestationValidityMonths(check, scorecard);
  const performedOn = attestation.evidence?.performedOn;
  const fromPerformed =
    check.evaluation.kind === 'attestation' &&
    check.evaluation.fromPerformedOn &&
    performedOn;
  const base = fromPerformed
    ? DateTime.fromISO(performedOn, { zone: ZONE })
    : DateTime.fromISO(attestation.attestedAt, { zone: 'utc' });
  return base.plus({ months }).toUTC().toISO()!;
}

/**
 * When an attestation stops counting: the earlier of its `expiresAt` and
 * {@link maxAttestationExpiry}.
 *
 * @public
 */
export function effectiveAttestationExpiry(
  check: CheckDefinition,
  attestation: Attestation,
  scorecard?: Pick<Scorecard, 'attestationValidityMonths'>,
): string {
  const max = maxAttestationExpiry(check, attestation, scorecard);
  const own = Date.parse(attestation.expiresAt);
  return Number.isNaN(own) || own > Date.parse(max)
    ? max
    : new Date(own).toISOString();
}
