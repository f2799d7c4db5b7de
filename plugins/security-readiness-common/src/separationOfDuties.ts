import type { Attestation, AttestationResult, ScorecardResult } from './types';
import { attestationScore } from './attestations';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Whether a person belongs to the body that owns a system: their ownership
 * refs (their user ref and their groups, from their token) include the
 * System's owner Group.
 *
 * @public
 */
export function isMemberOfOwningBody(
  ownershipRefs: readonly string[],
  ownerRef: string,
): boolean {
  const owner = lower(ownerRef);
  return !!owner && ownershipRefs.some(ref => lower(ref) === owner);
}

/**
 * Why a person may not attest or sign off a system: they belong to the
 * body that owns it (nobody grades their own systems). `undefined` when
 * there is no conflict.
 *
 * @public
 */
export function owningBodyConflict(options: {
  action: 'attest' | 'sign off';
  systemRef: string;
  ownerRef: string;
  ownershipRefs: readonly string[];
}): string | undefined {
  const { action, systemRef, ownerRef, ownershipRefs } = options;
  return isMemberOfOwningBody(ownershipRefs, ownerRef)
    ? `Conflict of interest: you are a member of ${ownerRef}, the body that owns ${systemRef}, and may not ${action} its scorecard`
    : undefined;
}

/**
 * Why a security officer may not act (decide a waiver) on a system of their
 * own body, unless the deployment allows it (`securityReadiness.allowOwnBody`).
 * `undefined` when there is no conflict.
 *
 * @public
 */
export function ownBodyConflict(options: {
  systemRef: string;
  ownerRef: string;
  ownershipRefs: readonly string[];
  allowOwnBody: boolean;
}): string | undefined {
  const { systemRef, ownerRef, ownershipRefs, allowOwnBody } = options;
  return !allowOwnBody && isMemberOfOwningBody(ownershipRefs, ownerRef)
    ? `Conflict of interest: ${systemRef} belongs to your own body ${ownerRef}; an officer of another body must decide (securityReadiness.allowOwnBody is off)`
    : undefined;
}

/**
 * The attestations a result rests on: those whose id a check of the result
 * names as its evidence.
 *
 * @public
 */
export function attestationsOfResult(
  result: Pick<ScorecardResult, 'checks'>,
  attestations: readonly Attestation[],
): Attestation[] {
  const ids = new Set(
    result.checks
      .map(c => c.evidence.attestationId)
      .filter((id): id is string => !!id),
  );
  return attestations.filter(a => ids.has(a.id));
}

/**
 * Why a person may not sign off a result: they attested one of the checks
 * it rests on (the one who signs off must be a second pair of eyes on every
 * attestation). `undefined` when there is no conflict.
 *
 * @public
 */
export function signOffAttesterConflict(options: {
  signer: string;
  result: Pick<ScorecardResult, 'checks' | 'systemRef'>;
  attestations: readonly Attestation[];
}): string | undefined {
  const { signer, result, attestations } = options;
  const own = attestationsOfResult(result, attestations).filter(
    a => lower(a.attestedBy) === lower(signer),
  );
  if (own.length === 0) {
    return undefined;
  }
  const checks = [...new Set(own.map(a => a.checkId))].sort().join(', ');
  return `Separation of duties: you attested ${checks} of ${result.systemRef}; someone who attested none of its checks must sign off the result`;
}

/**
 * Why an attestation may not be recorded: the check's fresh automatic facts
 * fail (score below 10) and the attestation would score it higher. A
 * failing automatic check is left out of the score only by a waiver, which
 * a second person decides. `undefined` when there is no conflict.
 *
 * @public
 */
export function attestationOverrulesFacts(options: {
  checkId: string;
  /** The score of the check's automatic facts; undefined without fresh data. */
  factScore: number | undefined;
  result: AttestationResult;
}): string | undefined {
  const { checkId, factScore, result } = options;
  if (factScore === undefined || factScore >= 10) {
    return undefined;
  }
  return attestationScore(result) > factScore
    ? `The automatic facts of ${checkId} fail (score ${factScore} of 10); an attestation may not overrule them: fix the finding or request a waiver`
    : undefined;
}
