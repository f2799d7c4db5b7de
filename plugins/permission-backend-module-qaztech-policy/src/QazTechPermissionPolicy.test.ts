import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { UserInfoService } from '@backstage/backend-plugin-api';
import { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
import { readRoleMembership } from './roles';

// One demo person per role, each also a member of their state body's group,
// as examples/org/people.yaml has them.
const PEOPLE: Record<string, string[]> = {
  developer: ['group:default/minzdrav', 'group:default/qaztech-developers'],
  digitalHead: [
    'group:default/minzdrav',
    'group:default/qaztech-digital-heads',
  ],
  platformArchitect: [
    'group:default/nitec',
    'group:default/qaztech-platform-architects',
  ],
  secretary: [
    'group:default/mcriap',
    'group:default/qaztech-commission-secretaries',
  ],
  commissionMember: [
    'group:default/minfin',
    'group:default/qaztech-commission-members',
  ],
  securityOfficer: [
    'group:default/gts',
    'group:default/qaztech-security-officers',
  ],
  auditor: ['group:default/mcriap', 'group:default/qaztech-auditors'],
  admin: ['group:default/mcriap', 'group:default/qaztech-admins'],
  noRole: ['group:default/minfin'],
};

/** Resolves ownership the way the catalog does: the user plus their groups. */
const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const userEntityRef = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    const person = userEntityRef.replace('user:default/', '');
    return {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...(PEOPLE[person] ?? [])],
    };
  },
};

const policy = new QazTechPermissionPolicy({
  userInfo,
  membership: readRoleMembership(new ConfigReader({})),
});

function permission(
  name: string,
  action?: 'read' | 'create' | 'update' | 'delete',
) {
  return createPermission({ name, attributes: action ? { action } : {} });
}

async function decide(
  person: string | undefined,
  name: string,
  action?: 'read' | 'create' | 'update' | 'delete',
) {
  const user = person
    ? {
        credentials: mockCredentials.user(`user:default/${person}`),
        info: {
          userEntityRef: `user:default/${person}`,
          ownershipEntityRefs: [],
        },
      }
    : undefined;
  const decision = await policy.handle(
    { permission: permission(name, action) },
    user,
  );
  return decision.result === AuthorizeResult.ALLOW ? 'allow' : 'deny';
}

type Row = [
  person: string,
  permission: string,
  action: 'read' | 'create' | 'update' | 'delete' | undefined,
  expected: 'allow' | 'deny',
];

const TABLE: Row[] = [
  // Reading the register and the record is open to every role, not to a
  // person without one.
  ['developer', 'registry.system.read', 'read', 'allow'],
  ['auditor', 'registry.system.read', 'read', 'allow'],
  ['commissionMember', 'moratorium.request.read', 'read', 'allow'],
  ['noRole', 'registry.system.read', 'read', 'deny'],
  ['noRole', 'moratorium.request.create', 'create', 'deny'],
  // Registering systems: developers and digitalization heads.
  ['developer', 'registry.system.create', 'create', 'allow'],
  ['digitalHead', 'registry.system.update', 'update', 'allow'],
  ['secretary', 'registry.system.create', 'create', 'deny'],
  ['auditor', 'registry.system.update', 'update', 'deny'],
  // Exemption requests: a developer drafts, only the head submits.
  ['developer', 'moratorium.request.create', 'create', 'allow'],
  ['developer', 'moratorium.request.submit', undefined, 'deny'],
  ['digitalHead', 'moratorium.request.submit', undefined, 'allow'],
  // Reviews, agenda, votes and decisions belong to their roles only.
  ['platformArchitect', 'moratorium.review.platform', undefined, 'allow'],
  ['developer', 'moratorium.review.platform', undefined, 'deny'],
  ['platformArchitect', 'moratorium.request.request-info', undefined, 'allow'],
  ['secretary', 'moratorium.request.intake', undefined, 'allow'],
  ['developer', 'moratorium.request.intake', undefined, 'deny'],
  ['secretary', 'moratorium.decision.revoke', undefined, 'allow'],
  ['commissionMember', 'moratorium.decision.revoke', undefined, 'deny'],
  ['secretary', 'moratorium.agenda.update', 'update', 'allow'],
  ['secretary', 'moratorium.decision.record', 'create', 'allow'],
  ['secretary', 'moratorium.vote.cast', 'create', 'deny'],
  ['commissionMember', 'moratorium.vote.cast', 'create', 'allow'],
  ['commissionMember', 'moratorium.decision.record', 'create', 'deny'],
  ['securityOfficer', 'moratorium.vote.cast', 'create', 'deny'],
  ['auditor', 'moratorium.vote.cast', 'create', 'deny'],
  // Security readiness: officers attest, decide waivers and sign off.
  [
    'securityOfficer',
    'security-readiness.attestation.create',
    'create',
    'allow',
  ],
  ['securityOfficer', 'security-readiness.signoff.create', 'create', 'allow'],
  ['developer', 'security-readiness.attestation.create', 'create', 'deny'],
  ['developer', 'security-readiness.waiver.request', 'create', 'allow'],
  ['developer', 'security-readiness.waiver.decide', 'update', 'deny'],
  ['securityOfficer', 'security-readiness.waiver.decide', 'update', 'allow'],
  ['developer', 'security-readiness.signoff.create', 'create', 'deny'],
  // Facts come from pipelines with a static token, not from people.
  ['developer', 'security-readiness.fact.create', 'create', 'deny'],
  ['digitalHead', 'security-readiness.waiver.request', 'create', 'allow'],
  ['digitalHead', 'security-readiness.waiver.decide', 'update', 'deny'],
  ['auditor', 'security-readiness.scorecard.read', 'read', 'allow'],
  ['auditor', 'security-readiness.summary.read', 'read', 'allow'],
  ['auditor', 'security-readiness.attestation.create', 'create', 'deny'],
  ['auditor', 'security-readiness.waiver.request', 'create', 'deny'],
  // The admin holds every suite permission.
  ['admin', 'moratorium.decision.record', 'create', 'allow'],
  ['admin', 'security-readiness.waiver.decide', 'update', 'allow'],
  // Backstage's own permissions: reads for all, deletes for admins, other
  // changes for every role but the read-only auditor.
  ['noRole', 'catalog.entity.read', 'read', 'allow'],
  ['auditor', 'catalog.entity.read', 'read', 'allow'],
  ['developer', 'catalog.location.create', 'create', 'allow'],
  ['developer', 'scaffolder.task.create', 'create', 'allow'],
  ['auditor', 'catalog.location.create', 'create', 'deny'],
  ['noRole', 'scaffolder.task.create', 'create', 'deny'],
  ['developer', 'catalog.entity.delete', 'delete', 'deny'],
  ['admin', 'catalog.entity.delete', 'delete', 'allow'],
];

describe('QazTechPermissionPolicy', () => {
  it.each(TABLE)(
    '%s on %s (%s) → %s',
    async (person, name, action, expected) => {
      await expect(decide(person, name, action)).resolves.toBe(expected);
    },
  );

  describe('service principals (other plugins, static tokens)', () => {
    it.each([
      ['registry.system.read', 'read', 'allow'],
      ['security-readiness.scorecard.read', 'read', 'allow'],
      ['moratorium.decision.record', 'create', 'deny'],
      ['registry.system.update', 'update', 'deny'],
      ['catalog.entity.read', 'read', 'allow'],
      // CI pipelines push facts with a static token.
      ['security-readiness.fact.create', 'create', 'allow'],
      ['security-readiness.attestation.create', 'create', 'deny'],
      ['security-readiness.signoff.create', 'create', 'deny'],
    ] as const)('%s (%s) → %s', async (name, action, expected) => {
      await expect(decide(undefined, name, action)).resolves.toBe(expected);
    });
  });

  it('takes roles from the groups named in config, not the defaults', async () => {
    const custom = new QazTechPermissionPolicy({
      userInfo,
      membership: readRoleMembership(
        new ConfigReader({
          qaztech: { roles: { commissionMember: ['group:default/nitec'] } },
        }),
      ),
    });
    // The platform architect is a member of nitec, which now grants the
    // member role ...
    const asNitecMember = await custom.handle(
      { permission: permission('moratorium.vote.cast', 'create') },
      {
        credentials: mockCredentials.user('user:default/platformArchitect'),
        info: {
          userEntityRef: 'user:default/platformArchitect',
          ownershipEntityRefs: [],
        },
      },
    );
    expect(asNitecMember.result).toBe(AuthorizeResult.ALLOW);
    // ... and the default members group no longer does.
    const asDefault = await custom.handle(
      { permission: permission('moratorium.vote.cast', 'create') },
      {
        credentials: mockCredentials.user('user:default/commissionMember'),
        info: {
          userEntityRef: 'user:default/commissionMember',
          ownershipEntityRefs: [],
        },
      },
    );
    expect(asDefault.result).toBe(AuthorizeResult.DENY);
  });
});
