import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
  createPermission,
} from '@backstage/plugin-permission-common';
import { UserInfoService } from '@backstage/backend-plugin-api';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import {
  scaffolderPermissions,
  taskCancelPermission,
  taskReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
import { BACKSTAGE_PERMISSIONS } from './backstagePermissions';
import {
  ROLE_GRANTS,
  SERVICE_GRANTS,
  grantCovers,
  isConditionalGrant,
} from './grants';
import { CatalogOwnershipResolver } from './membership';
import { QAZTECH_ROLES, readRoleMembership } from './roles';
import { SUITE_PERMISSIONS } from './suitePermissions';

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

const KNOWN = new Map<string, Permission>(
  [...SUITE_PERMISSIONS, ...BACKSTAGE_PERMISSIONS.map(e => e.permission)].map(
    p => [p.name, p],
  ),
);

/** The permission as its plugin defines it; a made-up one when unknown. */
function permission(name: string): Permission {
  return KNOWN.get(name) ?? createPermission({ name, attributes: {} });
}

function userOf(person: string) {
  return {
    credentials: mockCredentials.user(`user:default/${person}`),
    info: {
      userEntityRef: `user:default/${person}`,
      ownershipEntityRefs: [],
    },
  };
}

async function decideWith(
  p: QazTechPermissionPolicy,
  person: string | undefined,
  asked: Permission,
): Promise<PolicyDecision> {
  return p.handle({ permission: asked }, person ? userOf(person) : undefined);
}

async function decide(person: string | undefined, name: string) {
  const decision = await decideWith(policy, person, permission(name));
  return decision.result === AuthorizeResult.ALLOW ? 'allow' : 'deny';
}

type Row = [person: string, permission: string, expected: 'allow' | 'deny'];

const TABLE: Row[] = [
  // Reading the register and the record is open to every role, not to a
  // person without one.
  ['developer', 'registry.system.read', 'allow'],
  ['auditor', 'registry.system.read', 'allow'],
  // (Dossiers are narrower: moratoriumRoles.test.ts pins their conditions.)
  ['commissionMember', 'moratorium.decision.read', 'allow'],
  ['noRole', 'registry.system.read', 'deny'],
  ['noRole', 'moratorium.request.create', 'deny'],
  // Registering systems goes through the scaffolder and the catalog: the
  // register has no permission of that name (yet), so the grants of it are
  // denied as unknown.
  ['developer', 'registry.system.create', 'deny'],
  ['digitalHead', 'registry.system.update', 'deny'],
  ['secretary', 'registry.system.create', 'deny'],
  ['auditor', 'registry.system.update', 'deny'],
  // Exemption requests: a developer drafts, only the head submits.
  ['developer', 'moratorium.request.create', 'allow'],
  ['developer', 'moratorium.request.submit', 'deny'],
  ['digitalHead', 'moratorium.request.submit', 'allow'],
  // Reviews, agenda, votes and decisions belong to their roles only.
  ['platformArchitect', 'moratorium.review.platform', 'allow'],
  ['developer', 'moratorium.review.platform', 'deny'],
  ['platformArchitect', 'moratorium.request.request-info', 'allow'],
  ['secretary', 'moratorium.request.intake', 'allow'],
  ['developer', 'moratorium.request.intake', 'deny'],
  ['secretary', 'moratorium.decision.revoke', 'allow'],
  ['commissionMember', 'moratorium.decision.revoke', 'deny'],
  ['secretary', 'moratorium.agenda.set', 'allow'],
  ['secretary', 'moratorium.decision.record', 'allow'],
  ['secretary', 'moratorium.vote.cast', 'deny'],
  ['commissionMember', 'moratorium.vote.cast', 'allow'],
  ['commissionMember', 'moratorium.decision.record', 'deny'],
  ['securityOfficer', 'moratorium.vote.cast', 'deny'],
  ['auditor', 'moratorium.vote.cast', 'deny'],
  // Security readiness: officers attest, decide waivers and sign off.
  ['securityOfficer', 'security-readiness.attestation.create', 'allow'],
  ['securityOfficer', 'security-readiness.signoff.create', 'allow'],
  ['developer', 'security-readiness.attestation.create', 'deny'],
  ['developer', 'security-readiness.waiver.request', 'allow'],
  ['developer', 'security-readiness.waiver.decide', 'deny'],
  ['securityOfficer', 'security-readiness.waiver.decide', 'allow'],
  ['developer', 'security-readiness.signoff.create', 'deny'],
  // Facts come from pipelines with a static token, not from people.
  ['developer', 'security-readiness.fact.create', 'deny'],
  ['digitalHead', 'security-readiness.waiver.request', 'allow'],
  ['digitalHead', 'security-readiness.waiver.decide', 'deny'],
  ['auditor', 'security-readiness.scorecard.read', 'allow'],
  ['auditor', 'security-readiness.summary.read', 'allow'],
  ['auditor', 'security-readiness.attestation.create', 'deny'],
  ['auditor', 'security-readiness.waiver.request', 'deny'],
  // The admin holds every suite permission.
  ['admin', 'moratorium.decision.record', 'allow'],
  ['admin', 'security-readiness.waiver.decide', 'allow'],
  // Backstage's own permissions: reads for all, deletes for admins, other
  // changes for every role but the read-only auditor.
  ['noRole', 'catalog.entity.read', 'allow'],
  ['auditor', 'catalog.entity.read', 'allow'],
  ['developer', 'catalog.location.create', 'allow'],
  ['developer', 'scaffolder.task.create', 'allow'],
  ['auditor', 'catalog.location.create', 'deny'],
  ['noRole', 'scaffolder.task.create', 'deny'],
  ['developer', 'catalog.entity.delete', 'deny'],
  ['admin', 'catalog.entity.delete', 'allow'],
];

const ALL_PEOPLE = [...QAZTECH_ROLES, 'noRole'];

describe('QazTechPermissionPolicy', () => {
  it.each(TABLE)('%s on %s → %s', async (person, name, expected) => {
    await expect(decide(person, name)).resolves.toBe(expected);
  });

  describe('permissions it does not know', () => {
    const UNKNOWN = [
      // Backstage plugins the app does not have, or names that never were.
      'kubernetes.proxy',
      'kubernetes.clusters.read',
      'catalog.entity.purge',
      'scaffolder.task.delete',
      'notifications.everything',
      // Made-up suite permissions: the prefix alone is not enough.
      'registry.system.delete',
      'moratorium.request.read-all',
      'security-readiness.fact.delete',
      'something-else.read',
    ];
    it.each(ALL_PEOPLE.flatMap(person => UNKNOWN.map(name => [person, name])))(
      '%s on %s → deny',
      async (person, name) => {
        for (const action of [undefined, 'read', 'create'] as const) {
          const asked = createPermission({
            name,
            attributes: action ? { action } : {},
          });
          expect((await decideWith(policy, person, asked)).result).toBe(
            AuthorizeResult.DENY,
          );
        }
      },
    );

    it.each(UNKNOWN)('%s without a user → deny', async name => {
      const asked = createPermission({ name, attributes: { action: 'read' } });
      expect((await decideWith(policy, undefined, asked)).result).toBe(
        AuthorizeResult.DENY,
      );
    });

    it('denies a known name asked with other attributes than its owner gave it', async () => {
      // Dressing a vote up as a read does not make it one.
      for (const attributes of [{ action: 'read' as const }, {}]) {
        const forged = createPermission({
          name: 'moratorium.vote.cast',
          attributes,
        });
        expect((await decideWith(policy, 'developer', forged)).result).toBe(
          AuthorizeResult.DENY,
        );
      }
      // A resource permission asked as a basic one, and the other way round.
      const basicRead = createPermission({
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
      });
      expect((await decideWith(policy, 'developer', basicRead)).result).toBe(
        AuthorizeResult.DENY,
      );
    });
  });

  describe("Backstage's own permissions", () => {
    it('decides every permission the catalog and the scaffolder export', () => {
      // A Backstage upgrade that adds a permission fails here until someone
      // decides who may use it (until then the policy denies it).
      const listed = BACKSTAGE_PERMISSIONS.map(e => e.permission.name).sort();
      const exported = [...catalogPermissions, ...scaffolderPermissions]
        .map(p => p.name)
        .sort();
      expect(listed).toEqual(exported);
    });

    const EXPECTED: Record<string, Record<string, 'allow' | 'deny'>> = {
      'catalog.entity.read': { noRole: 'allow', auditor: 'allow' },
      'catalog.location.read': { noRole: 'allow', auditor: 'allow' },
      'catalog.entity.create': {
        noRole: 'deny',
        auditor: 'deny',
        developer: 'allow',
      },
      'catalog.entity.refresh': {
        noRole: 'deny',
        auditor: 'deny',
        secretary: 'allow',
      },
      'catalog.location.create': { auditor: 'deny', developer: 'allow' },
      'catalog.location.analyze': { auditor: 'deny', developer: 'allow' },
      'catalog.entity.validate': { noRole: 'deny', developer: 'allow' },
      'catalog.entity.delete': { developer: 'deny', admin: 'allow' },
      'catalog.location.delete': { securityOfficer: 'deny', admin: 'allow' },
      'catalog.ingestion.read': { auditor: 'deny', admin: 'allow' },
      'catalog.ingestion.manage': { developer: 'deny', admin: 'allow' },
      'scaffolder.template.parameter.read': {
        noRole: 'deny',
        auditor: 'allow',
        developer: 'allow',
      },
      'scaffolder.template.step.read': { noRole: 'deny', developer: 'allow' },
      'scaffolder.task.create': {
        noRole: 'deny',
        auditor: 'deny',
        developer: 'allow',
      },
      'scaffolder.action.execute': {
        noRole: 'deny',
        auditor: 'deny',
        digitalHead: 'allow',
      },
      'scaffolder.template.dry-run': { developer: 'deny', admin: 'allow' },
      'scaffolder.template.management': {
        secretary: 'deny',
        admin: 'allow',
      },
    };
    it.each(
      Object.entries(EXPECTED).flatMap(([name, people]) =>
        Object.entries(people).map(([person, expected]) => [
          person,
          name,
          expected,
        ]),
      ),
    )('%s on %s → %s', async (person, name, expected) => {
      await expect(decide(person, name)).resolves.toBe(expected);
    });
  });

  describe('scaffolder tasks: their owner and admins', () => {
    it.each([taskReadPermission, taskCancelPermission])(
      "%s is conditional on the scaffolder's isTaskOwner rule, for the person asking",
      async asked => {
        for (const person of ALL_PEOPLE.filter(p => p !== 'admin')) {
          expect(await decideWith(policy, person, asked)).toEqual({
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'scaffolder',
            resourceType: 'scaffolder-task',
            conditions: {
              rule: 'IS_TASK_OWNER',
              resourceType: 'scaffolder-task',
              params: { createdBy: [`user:default/${person}`] },
            },
          });
        }
        expect((await decideWith(policy, 'admin', asked)).result).toBe(
          AuthorizeResult.ALLOW,
        );
      },
    );
  });

  describe('callers without a user (only the listed permissions)', () => {
    it.each([
      ['registry.system.read', 'allow'],
      ['security-readiness.scorecard.read', 'allow'],
      ['security-readiness.summary.read', 'allow'],
      ['catalog.entity.read', 'allow'],
      // CI pipelines push facts with a static token.
      ['security-readiness.fact.create', 'allow'],
      // Reads are no longer open as a class.
      ['registry.export.read', 'deny'],
      ['moratorium.request.read', 'deny'],
      ['moratorium.audit.read', 'deny'],
      ['catalog.location.read', 'deny'],
      ['scaffolder.task.read', 'deny'],
      ['scaffolder.template.parameter.read', 'deny'],
      ['moratorium.decision.record', 'deny'],
      ['registry.system.update', 'deny'],
      ['security-readiness.attestation.create', 'deny'],
      ['security-readiness.signoff.create', 'deny'],
      ['catalog.entity.create', 'deny'],
    ] as const)('%s → %s', async (name, expected) => {
      await expect(decide(undefined, name)).resolves.toBe(expected);
    });
  });

  it('grants only permissions it knows: every grant names or matches one', () => {
    // A typo in a grant, or a grant for a permission its plugin does not
    // export, would silently never apply.
    // Granted ahead of a permission the register does not define yet; the
    // policy denies them as unknown until registry-common exports them.
    const AHEAD = ['registry.system.create', 'registry.system.update'];
    const all = [...KNOWN.values()];
    const grants = [...Object.values(ROLE_GRANTS).flat(), ...SERVICE_GRANTS];
    for (const grant of grants) {
      if (typeof grant === 'object' && !isConditionalGrant(grant)) {
        continue;
      }
      if (typeof grant === 'string' && AHEAD.includes(grant)) {
        continue;
      }
      const covered = all.filter(p => grantCovers(grant, p));
      expect({
        grant: isConditionalGrant(grant) ? grant.permission : grant,
        covers: covered.length > 0,
      }).toEqual({
        grant: isConditionalGrant(grant) ? grant.permission : grant,
        covers: true,
      });
    }
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
    const vote = permission('moratorium.vote.cast');
    const asNitecMember = await decideWith(custom, 'platformArchitect', vote);
    expect(asNitecMember.result).toBe(AuthorizeResult.ALLOW);
    // ... and the default members group no longer does.
    const asDefault = await decideWith(custom, 'commissionMember', vote);
    expect(asDefault.result).toBe(AuthorizeResult.DENY);
  });

  describe('roles from the catalog, cached at most the TTL', () => {
    const TTL = 5 * 60 * 1000;
    const record = permission('moratorium.decision.record');

    function setup() {
      let now = 1_000_000;
      const groups = new Map<string, string[] | Error>([
        [
          'user:default/gulnara',
          [
            'group:default/mcriap',
            'group:default/qaztech-commission-secretaries',
          ],
        ],
      ]);
      const lookup = jest.fn(async (ref: string) => {
        const value = groups.get(ref);
        if (value instanceof Error) throw value;
        return value;
      });
      const catalogPolicy = new QazTechPermissionPolicy({
        membership: readRoleMembership(new ConfigReader({})),
        ownership: new CatalogOwnershipResolver({
          lookup,
          ttlMs: TTL,
          now: () => now,
        }),
      });
      return {
        groups,
        lookup,
        advance: (ms: number) => {
          now += ms;
        },
        decide: async () =>
          (await decideWith(catalogPolicy, 'gulnara', record)).result,
      };
    }

    it('a person removed from a role group loses the role when the cached membership expires', async () => {
      const t = setup();
      expect(await t.decide()).toBe(AuthorizeResult.ALLOW);
      // Taken out of the secretaries in the catalog.
      t.groups.set('user:default/gulnara', ['group:default/mcriap']);
      t.advance(TTL - 1);
      expect(await t.decide()).toBe(AuthorizeResult.ALLOW);
      t.advance(1);
      expect(await t.decide()).toBe(AuthorizeResult.DENY);
      expect(t.lookup).toHaveBeenCalledTimes(2);
    });

    it('ignores the claims of the token: only the catalog counts', async () => {
      const t = setup();
      // The token (mockCredentials) claims nothing; the catalog is asked.
      expect(await t.decide()).toBe(AuthorizeResult.ALLOW);
      expect(t.lookup).toHaveBeenCalledWith('user:default/gulnara');
    });

    it('a new token asks the catalog again at once', async () => {
      const t = setup();
      const resolver = new CatalogOwnershipResolver({
        lookup: t.lookup,
        ttlMs: TTL,
      });
      const session = (expiresAt: number) => ({
        credentials: {
          ...mockCredentials.user('user:default/gulnara'),
          expiresAt: new Date(expiresAt),
        },
        info: {
          userEntityRef: 'user:default/gulnara',
          ownershipEntityRefs: [],
        },
      });
      expect(await resolver.ownershipOf(session(1))).toContain(
        'group:default/qaztech-commission-secretaries',
      );
      t.groups.set('user:default/gulnara', ['group:default/mcriap']);
      // The same token: the cached answer, within the lifetime.
      expect(await resolver.ownershipOf(session(1))).toContain(
        'group:default/qaztech-commission-secretaries',
      );
      // Signed in again: the catalog's answer now.
      expect(await resolver.ownershipOf(session(2))).toEqual([
        'user:default/gulnara',
        'group:default/mcriap',
      ]);
    });

    it('a person no longer in the catalog holds no role', async () => {
      const t = setup();
      t.groups.delete('user:default/gulnara');
      expect(await t.decide()).toBe(AuthorizeResult.DENY);
      // Still signed in: reads of the catalog stay open to them.
      expect(t.lookup).toHaveBeenCalledTimes(1);
    });

    it('does not cache a failed look-up, and fails rather than guess', async () => {
      const t = setup();
      t.groups.set('user:default/gulnara', new Error('catalog unreachable'));
      await expect(t.decide()).rejects.toThrow('catalog unreachable');
      t.groups.set('user:default/gulnara', [
        'group:default/qaztech-commission-secretaries',
      ]);
      expect(await t.decide()).toBe(AuthorizeResult.ALLOW);
    });

    it('asks the catalog once for concurrent decisions about one person', async () => {
      const t = setup();
      await Promise.all([t.decide(), t.decide(), t.decide()]);
      expect(t.lookup).toHaveBeenCalledTimes(1);
    });

    it('refuses a cache lifetime over 5 minutes', () => {
      expect(
        () =>
          new CatalogOwnershipResolver({
            lookup: async () => [],
            ttlMs: 5 * 60 * 1000 + 1,
          }),
      ).toThrow(/at most 300000 ms/);
    });
  });
});
