import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { withDecisionCache } from './decisionCache';

const read = createPermission({
  name: 'registry.system.read',
  attributes: { action: 'read' },
});
const exportAll = createPermission({
  name: 'registry.export',
  attributes: { action: 'read' },
});
const resourceRead = createPermission({
  name: 'registry.campaign.read',
  attributes: { action: 'read' },
  resourceType: 'registry-campaign',
});

/** A policy that allows `read` to alice only, and counts what it was asked. */
function policy() {
  const asked: string[] = [];
  let failing = false;
  const service: PermissionsService = {
    async authorize(requests, { credentials }) {
      const who = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      asked.push(`${who} ${requests.map(r => r.permission.name).join(',')}`);
      if (failing) throw new Error('permission backend unreachable');
      return requests.map(r => ({
        result:
          r.permission.name === read.name && who === 'user:default/alice'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional(requests) {
      asked.push('conditional');
      return requests.map(() => ({ result: AuthorizeResult.DENY }));
    },
  };
  return {
    service,
    asked,
    fail(value: boolean) {
      failing = value;
    },
  };
}

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

describe('withDecisionCache', () => {
  afterEach(() => jest.useRealTimers());

  it('asks once per person and permission within the time, and again after it', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-08T10:00:00Z') });
    const p = policy();
    const cached = withDecisionCache(p.service, { ttlMs: 5_000 });
    const ask = (credentials: typeof alice, permission = read) =>
      cached.authorize([{ permission }], { credentials });

    for (let i = 0; i < 20; i++) {
      expect((await ask(alice))[0].result).toBe(AuthorizeResult.ALLOW);
      expect((await ask(bob))[0].result).toBe(AuthorizeResult.DENY);
    }
    expect((await ask(alice, exportAll))[0].result).toBe(AuthorizeResult.DENY);
    expect(p.asked).toEqual([
      'user:default/alice registry.system.read',
      'user:default/bob registry.system.read',
      'user:default/alice registry.export',
    ]);

    jest.setSystemTime(new Date('2026-12-08T10:00:05Z'));
    await ask(alice);
    expect(p.asked).toHaveLength(4);
  });

  it('never keeps a failure: the next request asks again', async () => {
    const p = policy();
    const cached = withDecisionCache(p.service);
    p.fail(true);
    await expect(
      cached.authorize([{ permission: read }], { credentials: alice }),
    ).rejects.toThrow('unreachable');
    p.fail(false);
    const [decision] = await cached.authorize([{ permission: read }], {
      credentials: alice,
    });
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
    expect(p.asked).toHaveLength(2);
  });

  it('passes resource, several-permission, conditional and anonymous questions through', async () => {
    const p = policy();
    const cached = withDecisionCache(p.service);
    for (let i = 0; i < 2; i++) {
      await cached.authorize(
        [{ permission: resourceRead, resourceRef: 'campaign:a' }],
        { credentials: alice },
      );
      await cached.authorize(
        [{ permission: read }, { permission: exportAll }],
        {
          credentials: alice,
        },
      );
      await cached.authorizeConditional([{ permission: resourceRead }], {
        credentials: alice,
      });
      await cached.authorize([{ permission: read }], {
        credentials: mockCredentials.none(),
      });
    }
    expect(p.asked).toHaveLength(8);
  });
});
