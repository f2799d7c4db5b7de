import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { UserInfoService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  securityReadinessEvidenceReadPermission,
  securityReadinessConditions,
} from '@qaztech/plugin-security-readiness-common';
import { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
import { readRoleMembership } from './roles';

// Raw readiness evidence (facts, waivers, attestations): officers, admins and
// auditors read all of it; every other role reads that of their own body's
// systems, through the plugin's IS_OWNER_BODY rule.
const GROUPS: Record<string, string[]> = {
  developer: ['group:default/minzdrav', 'group:default/qaztech-developers'],
  commissionMember: [
    'group:default/minfin',
    'group:default/qaztech-commission-members',
  ],
  securityOfficer: [
    'group:default/gts',
    'group:default/qaztech-security-officers',
  ],
  auditor: ['group:default/vap', 'group:default/qaztech-auditors'],
  admin: ['group:default/mcriap', 'group:default/qaztech-admins'],
  noRole: ['group:default/minfin'],
};

const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const userEntityRef = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...(GROUPS[userEntityRef.replace('user:default/', '')] ?? []),
      ],
    };
  },
};

const policy = new QazTechPermissionPolicy({
  userInfo,
  membership: readRoleMembership(new ConfigReader({})),
});

function decide(person?: string) {
  return policy.handle(
    { permission: securityReadinessEvidenceReadPermission },
    person
      ? {
          credentials: mockCredentials.user(`user:default/${person}`),
          info: {
            userEntityRef: `user:default/${person}`,
            ownershipEntityRefs: [],
          },
        }
      : undefined,
  );
}

describe('security readiness evidence grants', () => {
  it.each(['securityOfficer', 'auditor', 'admin'])(
    'let %s read all evidence',
    async person => {
      await expect(decide(person)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    },
  );

  it.each(['developer', 'commissionMember'])(
    'let %s read the evidence of their own body’s systems only',
    async person => {
      await expect(decide(person)).resolves.toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'security-readiness',
        resourceType: 'security-readiness-system',
        conditions: securityReadinessConditions.isOwnerBody([
          `user:default/${person}`,
          ...GROUPS[person],
        ]),
      });
    },
  );

  it('deny people without a role and static tokens', async () => {
    await expect(decide('noRole')).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(decide(undefined)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
