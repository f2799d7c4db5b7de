import request from 'supertest';
import {
  databases,
  dropDatabases,
  eventually,
} from '../authz/__testUtils__/demoBackend';
import {
  REGISTER_BODIES,
  REGISTER_PEOPLE,
  RegisterSystemBackend,
  startRegisterSystemBackend,
} from './__testUtils__/registerSystemBackend';

// Issue 15, item 1: "the template also lets anyone name any state body as
// owner". A developer of one state body runs the repository's "Register an
// existing information system" template through the scaffolder's HTTP API,
// signed in for real, under the real policy, naming another body.

jest.setTimeout(300_000);

const TEMPLATE_REF = 'template:default/qaztech-register-system';
const DEVELOPER = REGISTER_PEOPLE.developer;

/** The template's form, for a system on the platform (no exemption needed). */
function formValues(systemName: string, stateBody: string) {
  return {
    stateBody,
    systemName,
    titleRu: 'Запись инсайдера',
    titleKk: 'Инсайдер жазбасы',
    purpose: 'Проверка владельца.',
    createdAt: '2026-11-01',
    stage: 'creation',
    onPlatform: true,
    hostingKind: 'platform',
    hostingCountry: 'KZ',
    critical: false,
    confidentiality: 'low',
    integrity: 'low',
    availability: 'low',
    dataCategories: ['open'],
  };
}

describe.each(databases('qaztech_insider_register_template_'))(
  'insiders against the register-system template, on %s',
  (_name, database) => {
    let backend: RegisterSystemBackend;
    let token: string;

    beforeAll(async () => {
      backend = await startRegisterSystemBackend({ database });
      // Sign-in finds the person once the catalog has read them.
      token = await eventually(() => backend.signIn(DEVELOPER.name), 120_000);
      // The catalog has read the template and the state bodies.
      await eventually(async () => {
        for (const ref of [
          'template/default/qaztech-register-system',
          `group/default/${REGISTER_BODIES.other}`,
          `group/default/${REGISTER_BODIES.own}`,
        ]) {
          const res = await request(backend.server)
            .get(`/api/catalog/entities/by-name/${ref}`)
            .set('authorization', `Bearer ${token}`);
          if (res.status !== 200) {
            throw new Error(`The catalog has no ${ref} yet`);
          }
        }
      }, 120_000);
    });

    afterAll(async () => {
      await backend?.stop();
      await dropDatabases(database);
    });

    /** Runs the template as the developer; the finished task and its log. */
    async function run(values: object) {
      const created = await request(backend.server)
        .post('/api/scaffolder/v2/tasks')
        .set('authorization', `Bearer ${token}`)
        .send({ templateRef: TEMPLATE_REF, values });
      expect(created.body.error).toBeUndefined();
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const status = await eventually(async () => {
        const task = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${id}`)
          .set('authorization', `Bearer ${token}`);
        expect(task.status).toBe(200);
        expect(['completed', 'failed']).toContain(task.body.status);
        return task.body.status as string;
      }, 120_000);
      const events = await request(backend.server)
        .get(`/api/scaffolder/v2/tasks/${id}/events`)
        .set('authorization', `Bearer ${token}`);
      expect(events.status).toBe(200);
      const log = (events.body as Array<{ body?: { message?: string } }>)
        .map(e => e.body?.message ?? '')
        .join('\n');
      return { status, log };
    }

    it('refuses a developer naming a state body they do not belong to as owner', async () => {
      const refused = await run(
        formValues('insider-foreign', `group:default/${REGISTER_BODIES.other}`),
      );
      expect(refused.status).toBe('failed');
      expect(refused.log).toContain(
        `owner: user:default/${DEVELOPER.name} is not a member of group:default/${REGISTER_BODIES.other}; a system may be registered only for your own state body`,
      );
      // Nothing was registered in the catalog.
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-name/system/default/insider-foreign')
        .set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(404);
    });

    it('registers a system of the developer’s own state body', async () => {
      const done = await run(
        formValues('insider-own', `group:default/${REGISTER_BODIES.own}`),
      );
      expect(done.log).not.toContain('is not a member of');
      // With the log, so that a failure says which step failed and why.
      expect([done.status, done.log]).toEqual([
        'completed',
        expect.stringContaining('Wrote system:default/insider-own'),
      ]);
      const system = await eventually(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities/by-name/system/default/insider-own')
          .set('authorization', `Bearer ${token}`);
        expect(res.status).toBe(200);
        return res.body;
      }, 120_000);
      expect(system.spec.owner).toBe(`group:default/${REGISTER_BODIES.own}`);
    });
  },
);
