import {
  createPermission,
  PermissionCondition,
  PermissionCriteria,
  PermissionRuleParams,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of a system's readiness record (its facts, waivers,
 * attestations): the resource permissions below are decided per system, and
 * conditional decisions name the system's owner body.
 *
 * @public
 */
export const SECURITY_READINESS_SYSTEM_RESOURCE_TYPE =
  'security-readiness-system';

/**
 * A system's readiness record as the permission rules see it.
 *
 * @public
 */
export type SecurityReadinessSystemResource = {
  /** `system:<namespace>/<name>`, lower case. */
  systemRef: string;
  /** The System's owner Group ref, lower case. */
  ownerRef: string;
};

/**
 * Read systems' scorecards, their checks, evidence, waivers, history and
 * sign-offs. Owners see their own systems' through the backend's ownership
 * rule; auditors and security officers see all.
 *
 * @public
 */
export const securityReadinessScorecardReadPermission = createPermission({
  name: 'security-readiness.scorecard.read',
  attributes: { action: 'read' },
});

/** Read the national summary: levels, by state body, trend. @public */
export const securityReadinessSummaryReadPermission = createPermission({
  name: 'security-readiness.summary.read',
  attributes: { action: 'read' },
});

/** Ask for an evaluation of one system, or of all, now. @public */
export const securityReadinessEvaluatePermission = createPermission({
  name: 'security-readiness.evaluate',
  attributes: {},
});

/** Push facts about a system (CI and collectors). @public */
export const securityReadinessFactCreatePermission = createPermission({
  name: 'security-readiness.fact.create',
  attributes: { action: 'create' },
});

/** Attest a manual check's result with evidence (security officers). @public */
export const securityReadinessAttestationCreatePermission = createPermission({
  name: 'security-readiness.attestation.create',
  attributes: { action: 'create' },
});

/** Request a waiver of one check of one system. @public */
export const securityReadinessWaiverRequestPermission = createPermission({
  name: 'security-readiness.waiver.request',
  attributes: { action: 'create' },
});

/**
 * Grant or reject a waiver (security officers; never the requester, which
 * the backend checks).
 *
 * @public
 */
export const securityReadinessWaiverDecidePermission = createPermission({
  name: 'security-readiness.waiver.decide',
  attributes: {},
});

/** Sign off a system's scorecard, freezing its evidence. @public */
export const securityReadinessSignOffCreatePermission = createPermission({
  name: 'security-readiness.signoff.create',
  attributes: { action: 'create' },
});

/**
 * Read a system's raw evidence: its facts, waivers and attestations (and
 * the review queue built from them). A resource permission: the owning
 * body, security officers and auditors are granted it (the owning body
 * conditionally, through {@link securityReadinessConditions}).
 *
 * It carries no `action: 'read'` attribute on purpose: a blanket grant of
 * every read permission must not cover raw vulnerability facts.
 *
 * @public
 */
export const securityReadinessEvidenceReadPermission = createPermission({
  name: 'security-readiness.evidence.read',
  attributes: {},
  resourceType: SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
});

/** The names of the security readiness permission rules. @public */
export const SECURITY_READINESS_RULES = {
  /** The system's owner Group is one of `ownerRefs`. */
  isOwnerBody: 'IS_OWNER_BODY',
} as const;

/** The parameters of the `IS_OWNER_BODY` rule. @public */
export type IsOwnerBodyParams = PermissionRuleParams & {
  /** Group refs; compared in lower case. */
  ownerRefs: string[];
};

/**
 * Builds the conditions of conditional decisions on
 * {@link SECURITY_READINESS_SYSTEM_RESOURCE_TYPE} as plain data, for the
 * permission policy; the backend registers the rules that apply them (as
 * SQL for lists).
 *
 * @public
 */
export const securityReadinessConditions = {
  /** Systems owned by one of the groups (e.g. the person's ownership refs). */
  isOwnerBody(
    ownerRefs: readonly string[],
  ): PermissionCriteria<PermissionCondition<string, IsOwnerBodyParams>> {
    return {
      rule: SECURITY_READINESS_RULES.isOwnerBody,
      resourceType: SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
      params: {
        ownerRefs: ownerRefs.map(ref => ref.toLocaleLowerCase('en-US')),
      },
    };
  },
};

/**
 * Every permission of the security readiness plugin, for the permission
 * integration router.
 *
 * @public
 */
export const securityReadinessPermissions = [
  securityReadinessScorecardReadPermission,
  securityReadinessSummaryReadPermission,
  securityReadinessEvaluatePermission,
  securityReadinessFactCreatePermission,
  securityReadinessAttestationCreatePermission,
  securityReadinessWaiverRequestPermission,
  securityReadinessWaiverDecidePermission,
  securityReadinessSignOffCreatePermission,
  securityReadinessEvidenceReadPermission,
];
