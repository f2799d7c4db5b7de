import { createPermission } from '@backstage/plugin-permission-common';

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
];
