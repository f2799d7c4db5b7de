import { Exemption, exemptionsFromRecord } from './exemptions';
import { MoratoriumStatus, evaluateMoratorium } from './moratorium';
import { CalendarDate, RegistryRecord, STATE_BODY_GROUP_TYPE } from './types';

/**
 * Where the moratorium rule took an input from:
 *
 * - `register`: a trusted national register import (or a location named in
 *   `registry.trustedRecordLocations`), whose record is believed;
 * - `first-seen`: the day the register first saw the system, kept by the
 *   register and never moved back;
 * - `platform-inventory`: the platform's own list of deployed systems;
 * - `none`: no evidence at all (a system the inventory does not list is off
 *   the platform);
 * - `catalog`: the catalog's state bodies (Groups with `spec.type:
 *   state-body`), which say whether a record's owner is a state body.
 *
 * @public
 */
export type MoratoriumInputSource =
  | 'register'
  | 'first-seen'
  | 'platform-inventory'
  | 'none'
  | 'catalog';

/**
 * Where a system is deployed, as the platform inventory lists it.
 *
 * @public
 */
export type PlatformDeployment = {
  /** The id of the inventory source that listed the system. */
  source: string;
  cluster: string;
  namespace: string;
};

/**
 * The evidence about one system from sources the governed cannot write.
 *
 * @public
 */
export interface MoratoriumEvidence {
  /**
   * Whether the record itself comes from a trusted register import (or a
   * location of `registry.trustedRecordLocations`): then its `createdAt`,
   * platform status and exemption are believed.
   */
  trustedRecord: boolean;
  /**
   * The Asia/Almaty day the register first saw the system. An untrusted
   * record's creation date is this day, whatever the record says.
   */
  firstSeen: CalendarDate;
  /** The platform inventory's entry of the system, when it lists it. */
  deployment?: PlatformDeployment;
}

/**
 * A claim of a record that the evidence does not bear out, with what the
 * record says and what the evidence says, both as text (a date, `true` or
 * `false`).
 *
 * @public
 */
export type UnverifiedClaim = {
  field: 'createdAt' | 'onPlatform' | 'exemption' | 'owner';
  /** What the record claims. */
  claimed: string;
  /** What the evidence shows; the rule uses this. */
  evidence: string;
  /** Where the evidence comes from. */
  source: MoratoriumInputSource;
};

/**
 * The inputs of the moratorium rule taken from the evidence, and the claims
 * of the record that the evidence does not bear out.
 *
 * @public
 */
export interface VerifiedMoratoriumInputs {
  /**
   * The record with `createdAt`, `platform.onPlatform` and (for an untrusted
   * record) `platform.exemption` replaced by what the evidence shows: the
   * record {@link evaluateMoratorium} should see.
   */
  record: RegistryRecord;
  /** The source of each input. */
  sources: {
    createdAt: MoratoriumInputSource;
    onPlatform: MoratoriumInputSource;
  };
  /** Claims of the record the evidence does not bear out; empty when none. */
  unverified: UnverifiedClaim[];
}

/**
 * Takes the inputs of the moratorium rule from sources the governed cannot
 * write. A trusted record is believed. An untrusted one (a hand-written
 * catalog-info.yaml, a template) is evaluated on the evidence: its creation
 * date is the day the register first saw it, it is on the platform only when
 * the platform inventory lists it, and its own exemption does not count (only
 * the commission's decisions do). A claim that would be better for the system
 * than the evidence is reported as unverified; a claim never improves the
 * outcome.
 *
 * @public
 */
export function verifyMoratoriumInputs(
  record: RegistryRecord,
  evidence: MoratoriumEvidence,
): VerifiedMoratoriumInputs {
  const unverified: UnverifiedClaim[] = [];
  const inInventory = evidence.deployment !== undefined;

  let createdAt: CalendarDate;
  let createdSource: MoratoriumInputSource;
  if (evidence.trustedRecord) {
    createdAt = record.createdAt;
    createdSource = 'register';
  } else {
    createdAt = evidence.firstSeen;
    createdSource = 'first-seen';
    // Dates are validated `YYYY-MM-DD`, so string order is date order.
    if (record.createdAt < evidence.firstSeen) {
      unverified.push({
        field: 'createdAt',
        claimed: record.createdAt,
        evidence: evidence.firstSeen,
        source: 'first-seen',
      });
    }
  }

  let onPlatform: boolean;
  let platformSource: MoratoriumInputSource;
  if (inInventory) {
    // The platform's own word beats any record, trusted or not.
    onPlatform = true;
    platformSource = 'platform-inventory';
  } else if (evidence.trustedRecord) {
    onPlatform = record.platform.onPlatform;
    platformSource = 'register';
  } else {
    onPlatform = false;
    platformSource = 'none';
    if (record.platform.onPlatform) {
      unverified.push({
        field: 'onPlatform',
        claimed: 'true',
        evidence: 'false',
        source: 'platform-inventory',
      });
    }
  }

  const platform = { ...record.platform, onPlatform };
  if (!evidence.trustedRecord && platform.exemption) {
    // Only an exemption source (the commission's decisions) may exempt an
    // untrusted record; the processor compares the claim with them.
    delete platform.exemption;
  }

  return {
    record: { ...record, createdAt, platform },
    sources: { createdAt: createdSource, onPlatform: platformSource },
    unverified,
  };
}

/**
 * Whether an untrusted record claims an exemption that no exemption source
 * knows: the claim is then reported as unverified.
 *
 * @public
 */
export function unverifiedExemptionClaim(
  record: RegistryRecord,
  trustedRecord: boolean,
  knownDecisionNumbers: readonly string[],
): UnverifiedClaim | undefined {
  const claimed = record.platform.exemption;
  if (
    trustedRecord ||
    !claimed ||
    knownDecisionNumbers.includes(claimed.decisionNumber)
  ) {
    return undefined;
  }
  return {
    field: 'exemption',
    claimed: claimed.decisionNumber,
    evidence: 'none',
    source: 'none',
  };
}

/**
 * What {@link evaluateMoratoriumOnEvidence} needs.
 *
 * @public
 */
export interface EvaluateMoratoriumOnEvidenceOptions {
  record: RegistryRecord;
  evidence: MoratoriumEvidence;
  /** The exemptions of exemption sources (the commission's decisions). */
  exemptions: readonly Exemption[];
  at: Date;
  moratoriumStart?: CalendarDate;
}

/**
 * The moratorium status of a system on the evidence, with the sources of its
 * inputs and the record's unverified claims.
 *
 * @public
 */
export type MoratoriumStatusOnEvidence = MoratoriumStatus & {
  sources: VerifiedMoratoriumInputs['sources'];
  /** The creation date the rule used. */
  createdAt: CalendarDate;
  unverified: UnverifiedClaim[];
};

/**
 * The moratorium rule on the evidence: {@link verifyMoratoriumInputs}, then
 * {@link evaluateMoratorium} with the exemptions of the sources and, for a
 * trusted record only, the exemption written in the record. A record's own
 * claims never improve the outcome.
 *
 * @public
 */
export function evaluateMoratoriumOnEvidence(
  options: EvaluateMoratoriumOnEvidenceOptions,
): MoratoriumStatusOnEvidence {
  const { evidence } = options;
  const verified = verifyMoratoriumInputs(options.record, evidence);
  const status = evaluateMoratorium({
    record: verified.record,
    exemptions: [
      ...(evidence.trustedRecord ? exemptionsFromRecord(options.record) : []),
      ...options.exemptions,
    ],
    at: options.at,
    moratoriumStart: options.moratoriumStart,
  });
  const exemptionClaim = unverifiedExemptionClaim(
    options.record,
    evidence.trustedRecord,
    options.exemptions
      .filter(e => e.status === 'approved')
      .map(e => e.decisionNumber),
  );
  return {
    ...status,
    sources: verified.sources,
    createdAt: verified.record.createdAt,
    unverified: exemptionClaim
      ? [...verified.unverified, exemptionClaim]
      : verified.unverified,
  };
}

/**
 * What {@link applyOwnerEvidence} reads of a status: the status, its reason
 * and the unverified claims.
 *
 * @public
 */
export type OwnerCheckedStatus<S extends string = string> = {
  status: S | 'violation';
  reason: string;
  unverified: UnverifiedClaim[];
};

/**
 * The register's check of a record's owner body: an untrusted record (a
 * hand-written catalog-info.yaml, a template) whose owner is not a state
 * body (a Group with `spec.type: state-body`) is not believed at all. Its
 * status becomes `violation`, whatever the rest of the evidence says, and
 * the owner is reported as an unverified claim (evidence `not-a-state-body`,
 * source `catalog`). A trusted record, or an owner that is a state body,
 * leaves the status as it is. The check never improves a status.
 *
 * @public
 */
export function applyOwnerEvidence<S extends string>(
  status: OwnerCheckedStatus<S>,
  owner: { ref: string; isStateBody: boolean; trustedRecord: boolean },
): OwnerCheckedStatus<S> {
  if (owner.trustedRecord || owner.isStateBody) {
    return status;
  }
  return {
    status: 'violation',
    reason: `The owner ${owner.ref} is not a state body (a Group with spec.type ${STATE_BODY_GROUP_TYPE}); the register does not believe a record from an untrusted location that names it`,
    unverified: [
      ...status.unverified.filter(c => c.field !== 'owner'),
      {
        field: 'owner',
        claimed: owner.ref,
        evidence: 'not-a-state-body',
        source: 'catalog',
      },
    ],
  };
}
