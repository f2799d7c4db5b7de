import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { UserInfoService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  RequestAction,
  WORKFLOW,
  moratoriumPermissions,
} from '@qaztech/plugin-moratorium-common';
import { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
import { readRoleMembership } from './roles';
import { QazTechRole } from './roles';

// Who may take each action of the exemption workflow, as DOMAIN.md describes
// the people: the applicant side drafts, the head signs, the secretary runs
// intake, agenda and decisions, the architect reviews feasibility, members
// vote, the auditor only reads. Expiry is the scheduler's alone: the
// workflow refuses it from any person, whatever their grants.
const WHO_MAY: Record<RequestAction | 'vote' | 'recuse', QazTechRole[]> = {
  submit: ['digitalHead', 'admin'],
  accept: ['secretary', 'admin'],
  return: ['secretary', 'admin'],
  'complete-platform-review': ['platformArchitect', 'admin'],
  'request-info': ['platformArchitect', 'secretary', 'admin'],
  'provide-info': ['developer', 'digitalHead', 'admin'],
  'set-agenda': ['secretary', 'admin'],
  'propose-decision': ['secretary', 'admin'],
  decide: ['secretary', 'admin'],
  withdraw: ['developer', 'digitalHead', 'admin'],
  'propose-revocation': ['secretary', 'admin'],
  revoke: ['secretary', 'admin'],
  expire: [],
  'mark-condition': ['secretary', 'admin'],
  vote: ['commissionMember', 'admin'],
  recuse: ['commissionMember', 'admin'],
};

const ROLES: QazTechRole[] = [
  'developer',
  'digitalHead',
  'platformArchitect',
  'secretary',
  'commissionMember',
  'securityOfficer',
  'auditor',
  'admin',
];

const GROUP: Record<QazTechRole, string> = {
  developer: 'group:default/qaztech-developers',
  digitalHead: 'group:default/qaztech-digital-heads',
  platformArchitect: 'group:default/qaztech-platform-architects',
  secretary: 'group:default/qaztech-commission-secretaries',
  commissionMember: 'group:default/qaztech-commission-members',
  securityOfficer: 'group:default/qaztech-security-officers',
  auditor: 'group:default/qaztech-auditors',
  admin: 'group:default/qaztech-admins',
};

const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const userEntityRef = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    const role = userEntityRef.replace('user:default/', '') as QazTechRole;
    return {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, GROUP[role]],
    };
  },
};

const policy = new QazTechPermissionPolicy({
  userInfo,
  membership: readRoleMembership(new ConfigReader({})),
});

const permissionOf = (action: RequestAction | 'vote' | 'recuse') => {
  if (action === 'vote') {
    return moratoriumPermissions.find(p => p.name === 'moratorium.vote.cast')!;
  }
  if (action === 'recuse') {
    return moratoriumPermissions.find(
      p => p.name === 'moratorium.vote.recuse',
    )!;
  }
  return WORKFLOW.find(rule => rule.action === action)!.permission;
};

const rows = (Object.keys(WHO_MAY) as (keyof typeof WHO_MAY)[]).flatMap(
  action =>
    ROLES.map(
      role =>
        [action, role, WHO_MAY[action].includes(role) ? 'allow' : 'deny'] as [
          keyof typeof WHO_MAY,
          QazTechRole,
          'allow' | 'deny',
        ],
    ),
);

describe('the exemption workflow × the roles', () => {
  it('covers every action of the workflow', () => {
    expect(Object.keys(WHO_MAY).sort()).toEqual(
      [...WORKFLOW.map(rule => rule.action), 'vote', 'recuse'].sort(),
    );
  });

  it.each(rows)('%s by %s → %s', async (action, role, expected) => {
    const userEntityRef = `user:default/${role}`;
    const decision = await policy.handle(
      { permission: permissionOf(action) },
      {
        credentials: mockCredentials.user(userEntityRef),
        info: { userEntityRef, ownershipEntityRefs: [] },
      },
    );
    const rule = WORKFLOW.find(r => r.action === action);
    const allowed =
      decision.result === AuthorizeResult.ALLOW && rule?.actor !== 'system';
    expect(allowed ? 'allow' : 'deny').toBe(expected);
  });

  it.each(ROLES.filter(role => role !== 'admin'))(
    'reads decisions and the audit record as %s',
    async role => {
      const userEntityRef = `user:default/${role}`;
      for (const name of [
        'moratorium.decision.read',
        'moratorium.audit.read',
      ]) {
        const decision = await policy.handle(
          { permission: moratoriumPermissions.find(p => p.name === name)! },
          {
            credentials: mockCredentials.user(userEntityRef),
            info: { userEntityRef, ownershipEntityRefs: [] },
          },
        );
        expect(decision.result).toBe(AuthorizeResult.ALLOW);
      }
    },
  );

  // Dossiers: the architect, the secretary and auditors read all; members
  // those on an agenda and their own body's; everyone else their own body's.
  const DOSSIER_READERS: Record<QazTechRole, unknown> = {
    platformArchitect: 'allow',
    secretary: 'allow',
    auditor: 'allow',
    admin: 'allow',
    commissionMember: {
      anyOf: [
        {
          rule: 'IS_APPLICANT_BODY',
          resourceType: 'moratorium-request',
          params: {
            refs: [
              'user:default/commissionmember',
              'group:default/qaztech-commission-members',
            ],
          },
        },
        {
          rule: 'IS_ON_AGENDA',
          resourceType: 'moratorium-request',
          params: {},
        },
      ],
    },
    developer: 'own body',
    digitalHead: 'own body',
    securityOfficer: 'own body',
  };

  it.each(ROLES)(
    'reads dossiers as %s only as far as the role allows',
    async role => {
      const userEntityRef = `user:default/${role}`;
      const decision = await policy.handle(
        {
          permission: moratoriumPermissions.find(
            p => p.name === 'moratorium.request.read',
          )!,
        },
        {
          credentials: mockCredentials.user(userEntityRef),
          info: { userEntityRef, ownershipEntityRefs: [] },
        },
      );
      const expected = DOSSIER_READERS[role];
      const conditional = (conditions: unknown) => ({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'moratorium',
        resourceType: 'moratorium-request',
        conditions,
      });
      const ownBody = {
        rule: 'IS_APPLICANT_BODY',
        resourceType: 'moratorium-request',
        params: { refs: [userEntityRef.toLowerCase(), GROUP[role]] },
      };
      const wanted: Record<string, unknown> = {
        allow: { result: AuthorizeResult.ALLOW },
        'own body': conditional(ownBody),
      };
      expect(decision).toEqual(
        typeof expected === 'string' ? wanted[expected] : conditional(expected),
      );
    },
  );
});
