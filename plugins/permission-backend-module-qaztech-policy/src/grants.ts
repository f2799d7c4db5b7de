import {
  Permission,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
  securityReadinessConditions,
} from '@qaztech/plugin-security-readiness-common';
import { moratoriumRequestConditions } from '@qaztech/plugin-moratorium-common';
import { QazTechRole } from './roles';

/**
 * The name prefixes of the suite's own permissions. A permission with one of
 * these prefixes is denied unless a grant below allows it.
 *
 * @public
 */
export const SUITE_PERMISSION_PREFIXES = [
  'registry.',
  'moratorium.',
  'security-readiness.',
] as const;

/**
 * One grant: a permission name, or a name pattern where `*` stands for any
 * run of characters, or every permission with a given action attribute.
 * Grants only ever cover permissions the policy knows (the suite's
 * `-common` packages' exported lists, see `SUITE_PERMISSIONS`): an unknown
 * name is denied before any grant is looked at.
 *
 * @public
 */
export type PermissionGrant = string | { action: 'read' } | ConditionalGrant;

/**
 * Who is asking, as a conditional grant sees them.
 *
 * @public
 */
export interface GrantSubject {
  /** The person's user entity ref. */
  userEntityRef: string;
  /** The person's user ref and the groups they belong to (lower case). */
  ownershipEntityRefs: readonly string[];
  /** The QazTech roles the person holds. */
  roles: ReadonlySet<QazTechRole>;
}

/**
 * A grant that holds only for some resources: the policy answers with a
 * conditional decision whose conditions the owning plugin applies (as SQL on
 * list endpoints, through its permission rules). Only resource permissions of
 * `resourceType` can be granted this way.
 *
 * @public
 */
export interface ConditionalGrant {
  /** A permission name, or a pattern where `*` stands for any run of characters. */
  permission: string;
  /** The resource type the conditions are written for (e.g. `moratorium-request`). */
  resourceType: string;
  /** The plugin that owns the resource type and evaluates the conditions. */
  pluginId: string;
  /** The conditions, built from the person asking. */
  conditions(subject: GrantSubject): PermissionCriteria<PermissionCondition>;
}

/** Whether a grant is a {@link ConditionalGrant}. @public */
export function isConditionalGrant(
  grant: PermissionGrant,
): grant is ConditionalGrant {
  return typeof grant === 'object' && 'conditions' in grant;
}

/**
 * Raw readiness evidence (facts, waivers, attestations) of the systems the
 * person's own body owns.
 */
const READINESS_OWN_EVIDENCE: ConditionalGrant = {
  permission: 'security-readiness.evidence.read',
  resourceType: SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
  pluginId: 'security-readiness',
  conditions: subject =>
    securityReadinessConditions.isOwnerBody(subject.ownershipEntityRefs),
};

/**
 * Exemption dossiers (costs, security and exit plans, attachments) are read
 * by the applicant's state body; the conditions become SQL in the
 * moratorium backend, so a list shows no other body's requests.
 */
const MORATORIUM_READ_OWN_BODY: ConditionalGrant = {
  permission: 'moratorium.request.read',
  resourceType: 'moratorium-request',
  pluginId: 'moratorium',
  conditions: subject =>
    moratoriumRequestConditions.isApplicantBody({
      refs: [subject.userEntityRef, ...subject.ownershipEntityRefs],
    }),
};

/** Commission members read their own body's requests and those on an agenda. */
const MORATORIUM_READ_ON_AGENDA: ConditionalGrant = {
  ...MORATORIUM_READ_OWN_BODY,
  conditions: subject => ({
    anyOf: [
      moratoriumRequestConditions.isApplicantBody({
        refs: [subject.userEntityRef, ...subject.ownershipEntityRefs],
      }),
      moratoriumRequestConditions.isOnAgenda(),
    ],
  }),
};

/**
 * What each role may do in the suite. Plugins name their permissions
 * `<pluginId>.<resource>.<verb>` in their `-common` packages; each issue that
 * adds permissions adds its grants here, so this table is the one place that
 * says who may do what. Rules that depend on the resource (own state body)
 * are conditions the plugins add on top of these grants.
 *
 * @public
 */
export const ROLE_GRANTS: Record<QazTechRole, readonly PermissionGrant[]> = {
  // Registers and keeps the agency's systems true, files exemption requests,
  // fixes failing readiness checks and asks for waivers.
  developer: [
    { action: 'read' },
    'registry.system.create',
    'registry.system.update',
    MORATORIUM_READ_OWN_BODY,
    'moratorium.request.create',
    'moratorium.request.update',
    'moratorium.request.withdraw',
    'security-readiness.evaluate',
    'security-readiness.waiver.request',
    READINESS_OWN_EVIDENCE,
  ],
  // Owns the agency's register and signs (submits) its requests.
  digitalHead: [
    { action: 'read' },
    'registry.system.create',
    'registry.system.update',
    MORATORIUM_READ_OWN_BODY,
    'moratorium.request.create',
    'moratorium.request.update',
    'moratorium.request.submit',
    'moratorium.request.withdraw',
    'security-readiness.waiver.request',
    READINESS_OWN_EVIDENCE,
  ],
  // Gives the feasibility opinion: could the platform serve instead?
  platformArchitect: [
    { action: 'read' },
    'moratorium.request.read',
    'moratorium.review.platform',
    'moratorium.request.request-info',
    READINESS_OWN_EVIDENCE,
  ],
  // Checks completeness, runs the agenda, records decisions and protocols.
  secretary: [
    { action: 'read' },
    'moratorium.request.read',
    'moratorium.request.intake',
    'moratorium.review.ministry',
    'moratorium.request.request-info',
    'moratorium.agenda.*',
    'moratorium.decision.record',
    'moratorium.decision.revoke',
    'moratorium.condition.update',
    'registry.campaign.*',
    READINESS_OWN_EVIDENCE,
  ],
  commissionMember: [
    { action: 'read' },
    MORATORIUM_READ_ON_AGENDA,
    'moratorium.vote.cast',
    'moratorium.vote.recuse',
    READINESS_OWN_EVIDENCE,
  ],
  securityOfficer: [
    { action: 'read' },
    MORATORIUM_READ_OWN_BODY,
    'security-readiness.*',
    'registry.campaign.*',
  ],
  // Reads everything, changes nothing.
  auditor: [
    { action: 'read' },
    'security-readiness.evidence.read',
    'moratorium.request.read',
  ],
  admin: ['registry.*', 'moratorium.*', 'security-readiness.*'],
};

/**
 * Everything a caller without a user may do, when a call reaches the policy
 * at all (Backstage's permissions service answers service tokens itself,
 * from their `accessRestrictions`): CI pipelines and collectors push facts
 * about systems, and a few plain reads of the register, the catalog and
 * scorecards. An explicit list: no pattern, no action-wide grant, so a new
 * permission is never open to callers without a user by accident.
 *
 * @public
 */
export const SERVICE_GRANTS: readonly PermissionGrant[] = [
  'security-readiness.fact.create',
  'catalog.entity.read',
  'registry.system.read',
  'security-readiness.scorecard.read',
  'security-readiness.summary.read',
];

/** Whether a permission belongs to this suite. @public */
export function isSuitePermission(permission: Permission): boolean {
  return SUITE_PERMISSION_PREFIXES.some(prefix =>
    permission.name.startsWith(prefix),
  );
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** Whether one grant covers a permission. @public */
export function grantCovers(
  grant: PermissionGrant,
  permission: Permission,
): boolean {
  if (isConditionalGrant(grant)) {
    return (
      'resourceType' in permission &&
      permission.resourceType === grant.resourceType &&
      namePatternCovers(grant.permission, permission.name)
    );
  }
  if (typeof grant === 'object') {
    return permission.attributes.action === grant.action;
  }
  return namePatternCovers(grant, permission.name);
}

function namePatternCovers(pattern: string, name: string): boolean {
  return pattern.includes('*')
    ? globToRegExp(pattern).test(name)
    : pattern === name;
}
