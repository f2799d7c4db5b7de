import { Exemption } from './exemptions';

/**
 * The events topic on which the moratorium announces that the exemptions of a
 * system changed (a decision, a revocation, an expiry). The registry catalog
 * module subscribes and refreshes that one entity at once.
 *
 * @public
 */
export const EXEMPTIONS_CHANGED_TOPIC = 'qaztech.registry.exemptions-changed';

/**
 * The payload of {@link EXEMPTIONS_CHANGED_TOPIC}.
 *
 * @public
 */
export interface ExemptionsChangedEvent {
  /** The System entity ref whose exemptions changed. */
  systemRef: string;
  /** What changed them: the workflow action, e.g. `decide`, `revoke`, `expire`. */
  action?: string;
}

/**
 * The events topic on which the registry catalog module announces that it
 * has processed a system after {@link EXEMPTIONS_CHANGED_TOPIC}; the register
 * projection writes that one system from the payload.
 *
 * @public
 */
export const SYSTEM_PROCESSED_TOPIC = 'qaztech.registry.system-processed';

/**
 * The payload of {@link SYSTEM_PROCESSED_TOPIC}: the fields of the processed
 * entity that the register projection reads (no relations).
 *
 * @public
 */
export interface SystemProcessedEvent {
  systemRef: string;
  entity: {
    apiVersion: string;
    kind: string;
    metadata: {
      name: string;
      namespace?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    spec?: Record<string, unknown>;
  };
}

/**
 * The annotation the registry catalog module writes on a state information
 * system: the exemption in force (if any) and the earlier decisions, taken
 * from the same evaluation as the status and its reason, so the card's
 * exemption row and its «Основание» never disagree.
 *
 * @public
 */
export const EXEMPTIONS_ANNOTATION = 'qaztech.kz/exemptions';

/**
 * Why an earlier exemption is no longer (or not yet) the one in force.
 *
 * @public
 */
export type EarlierExemptionState =
  | 'revoked'
  | 'expired'
  | 'not-yet'
  | 'superseded';

/**
 * The value of {@link EXEMPTIONS_ANNOTATION}.
 *
 * @public
 */
export interface ExemptionsOfSystem {
  /** The exemption the status rests on; absent when none is in force. */
  inForce?: Exemption;
  /** Every other known decision, the latest first. */
  earlier: Array<Exemption & { state: EarlierExemptionState }>;
}

/** Why an exemption other than the one in force does not hold on `today`. */
function stateOf(exemption: Exemption, today: string): EarlierExemptionState {
  if (exemption.status === 'revoked') {
    return 'revoked';
  }
  if (exemption.status === 'expired') {
    return 'expired';
  }
  if (today < exemption.decisionDate) {
    return 'not-yet';
  }
  if (exemption.expiresAt && today > exemption.expiresAt) {
    return 'expired';
  }
  return 'superseded';
}

/**
 * Splits a system's known exemptions into the one in force and the earlier
 * ones, each earlier one with why it is not in force on `today`.
 *
 * @param all - every known exemption of the system, from all sources
 * @param inForce - the exemption the moratorium rule found in effect
 * @param today - the Almaty calendar day, `YYYY-MM-DD`
 * @public
 */
export function exemptionsOfSystem(
  all: readonly Exemption[],
  inForce: Exemption | undefined,
  today: string,
): ExemptionsOfSystem {
  const same = (a: Exemption, b: Exemption) =>
    a.decisionNumber === b.decisionNumber &&
    a.decisionDate === b.decisionDate &&
    a.source === b.source;
  const seen = new Set<string>();
  const earlier = all
    .filter(e => !inForce || !same(e, inForce))
    .filter(e => {
      const key = JSON.stringify([e.decisionNumber, e.decisionDate, e.source]);
      if (seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    })
    .map(e => ({ ...e, state: stateOf(e, today) }))
    .sort((a, b) => {
      if (a.decisionDate === b.decisionDate) {
        return b.decisionNumber.localeCompare(a.decisionNumber);
      }
      return a.decisionDate < b.decisionDate ? 1 : -1;
    });
  return { ...(inForce ? { inForce } : {}), earlier };
}

/**
 * Reads {@link EXEMPTIONS_ANNOTATION}; undefined when absent or unreadable
 * (an entity processed before the module wrote it).
 *
 * @public
 */
export function readExemptionsAnnotation(
  json: string | undefined,
): ExemptionsOfSystem | undefined {
  if (!json) {
    return undefined;
  }
  try {
    const value = JSON.parse(json);
    if (!value || !Array.isArray(value.earlier)) {
      return undefined;
    }
    const valid = (e: any) =>
      e &&
      typeof e.decisionNumber === 'string' &&
      typeof e.decisionDate === 'string';
    return {
      ...(valid(value.inForce) ? { inForce: value.inForce } : {}),
      earlier: value.earlier.filter(valid),
    };
  } catch {
    return undefined;
  }
}
