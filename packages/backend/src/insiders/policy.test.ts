/*
 * Insider tests of the role policy (issue 15, items 8 and 9): through the
 * HTTP API, with real sign-in tokens and the real policy, on SQLite and
 * PostgreSQL.
 *
 * - "anyone reads anyone's scaffolder tasks": a developer reads a
 *   colleague's task, its log, or lists it; cancels it.
 * - "unknown permissions are allowed": the permission backend answers a
 *   permission no plugin defines.
 * - "a person removed from a role keeps it": the token's claims were fixed
 *   at sign-in.
 */
import request from 'supertest';
import { registryCampaignCreatePermission } from '@qaztech/plugin-registry-common';
import {
  databases,
  dropDatabases,
  eventually,
} from '../authz/__testUtils__/demoBackend';
import {
  POLICY_PEOPLE,
  PolicyBackend,
  startPolicyBackend,
} from './__testUtils__/policyBackend';

jest.setTimeout(180_000);

/** The membership cache's lifetime in this test (5 minutes in the app). */
const TTL_MS = 3_000;

describe.each(databases('qaztech_insider_policy_'))(
  'the role policy against insiders, on %s',
  (_name, database) => {
    let backend: PolicyBackend;

    beforeAll(async () => {
      backend = await startPolicyBackend({ database, cacheTtlMs: TTL_MS });
      // The catalog has processed the template before anyone uses it.
      await eventually(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities/by-name/template/default/insider-noop')
          .set(
            'authorization',
            `Bearer ${await backend.token(POLICY_PEOPLE.admin.name)}`,
          );
        if (res.status !== 200) throw new Error(`template: ${res.status}`);
      }, 120_000);
    });

    afterAll(async () => {
      await backend?.stop();
      await dropDatabases(database);
    });

    const as = async (person: { name: string }) =>
      `Bearer ${await backend.token(person.name)}`;

    async function authorize(person: { name: string }, permission: object) {
      const res = await request(backend.server)
        .post('/api/permission/authorize')
        .set('authorization', await as(person))
        .send({ items: [{ id: '1', permission }] });
      expect(res.status).toBe(200);
      return res.body.items[0].result as string;
    }

    describe("scaffolder tasks are their owner's and the admins'", () => {
      let taskId: string;

      beforeAll(async () => {
        const res = await request(backend.server)
          .post('/api/scaffolder/v2/tasks')
          .set('authorization', await as(POLICY_PEOPLE.owner))
          .send({
            templateRef: 'template:default/insider-noop',
            values: { note: 'private' },
          });
        if (res.status !== 201) {
          throw new Error(
            `The owner could not start a task: ${res.status} ${JSON.stringify(
              res.body,
            )}`,
          );
        }
        taskId = res.body.id;
      });

      it('a colleague of the same body cannot read the task', async () => {
        const res = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${taskId}`)
          .set('authorization', await as(POLICY_PEOPLE.colleague));
        expect([403, 404]).toContain(res.status);
        expect(JSON.stringify(res.body)).not.toContain('private');
      });

      it('nor its log, nor cancel it, nor find it in the list', async () => {
        const colleague = await as(POLICY_PEOPLE.colleague);
        const log = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
          .set('authorization', colleague);
        expect([403, 404]).toContain(log.status);
        const cancel = await request(backend.server)
          .post(`/api/scaffolder/v2/tasks/${taskId}/cancel`)
          .set('authorization', colleague);
        expect([403, 404]).toContain(cancel.status);
        const list = await request(backend.server)
          .get('/api/scaffolder/v2/tasks')
          .set('authorization', colleague);
        expect(list.status).toBe(200);
        expect(list.body.tasks.map((t: { id: string }) => t.id)).not.toContain(
          taskId,
        );
        // Asking for the owner's tasks by name does not help either.
        const byOwner = await request(backend.server)
          .get(
            `/api/scaffolder/v2/tasks?createdBy=user:default/${POLICY_PEOPLE.owner.name}`,
          )
          .set('authorization', colleague);
        expect(byOwner.status).toBe(200);
        expect(byOwner.body.tasks).toEqual([]);
      });

      it('an auditor cannot read it either', async () => {
        const res = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${taskId}`)
          .set('authorization', await as(POLICY_PEOPLE.auditor));
        expect([403, 404]).toContain(res.status);
      });

      it('the owner and an admin can', async () => {
        for (const person of [POLICY_PEOPLE.owner, POLICY_PEOPLE.admin]) {
          const res = await request(backend.server)
            .get(`/api/scaffolder/v2/tasks/${taskId}`)
            .set('authorization', await as(person));
          expect(res.status).toBe(200);
          expect(res.body.id).toBe(taskId);
          const list = await request(backend.server)
            .get('/api/scaffolder/v2/tasks')
            .set('authorization', await as(person));
          expect(list.body.tasks.map((t: { id: string }) => t.id)).toContain(
            taskId,
          );
        }
      });
    });

    describe('permissions the policy does not know', () => {
      it.each([
        [{ type: 'basic', name: 'kubernetes.proxy', attributes: {} }],
        [
          {
            type: 'basic',
            name: 'registry.system.delete',
            attributes: { action: 'delete' },
          },
        ],
        [
          {
            type: 'basic',
            name: 'moratorium.dossier.export',
            attributes: { action: 'read' },
          },
        ],
        // A known name dressed up as a read.
        [
          {
            type: 'basic',
            name: 'moratorium.vote.cast',
            attributes: { action: 'read' },
          },
        ],
      ])('are denied, even to an admin: %j', async permission => {
        for (const person of [
          POLICY_PEOPLE.owner,
          POLICY_PEOPLE.auditor,
          POLICY_PEOPLE.admin,
        ]) {
          expect(await authorize(person, permission)).toBe('DENY');
        }
      });

      it("while Backstage's own known permissions are decided by role", async () => {
        const create = {
          type: 'basic',
          name: 'scaffolder.task.create',
          attributes: { action: 'create' },
        };
        expect(await authorize(POLICY_PEOPLE.owner, create)).toBe('ALLOW');
        expect(await authorize(POLICY_PEOPLE.auditor, create)).toBe('DENY');
      });
    });

    it('a person taken out of a role group loses the role within the cache lifetime, without signing in again', async () => {
      // Starting a campaign: the secretaries' (and security officers').
      const record = registryCampaignCreatePermission;
      const secretary = POLICY_PEOPLE.secretary;
      // Signed in as a secretary; the decision is cached.
      await backend.signIn(secretary.name);
      expect(await authorize(secretary, record)).toBe('ALLOW');

      // Taken out of the secretaries in the catalog; an admin refreshes the
      // User (the catalog's own schedule would do it too).
      await backend.setMemberOf(secretary.name, ['mcriap']);
      const admin = await as(POLICY_PEOPLE.admin);
      let changedAt = 0;
      await eventually(async () => {
        await request(backend.server)
          .post('/api/catalog/refresh')
          .set('authorization', admin)
          .send({ entityRef: `user:default/${secretary.name}` });
        const res = await request(backend.server)
          .get(`/api/catalog/entities/by-name/user/default/${secretary.name}`)
          .set('authorization', admin);
        const groups = (res.body.relations ?? [])
          .filter((r: { type: string }) => r.type === 'memberOf')
          .map((r: { targetRef: string }) => r.targetRef);
        if (groups.includes('group:default/qaztech-commission-secretaries')) {
          throw new Error(`still a secretary in the catalog: ${groups}`);
        }
        changedAt = Date.now();
      }, 120_000);

      // With the same token (its claims still say secretary), the role is
      // gone once the cached membership expires.
      await eventually(async () => {
        const result = await authorize(secretary, record);
        if (result !== 'DENY') throw new Error(`still ${result}`);
      }, TTL_MS + 10_000);
      expect(Date.now() - changedAt).toBeLessThanOrEqual(TTL_MS + 2_000);
    });
  },
);
