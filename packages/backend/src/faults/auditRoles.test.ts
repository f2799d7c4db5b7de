import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import moratoriumPlugin from '@qaztech/plugin-moratorium-backend';
import { Knex, knex as createKnex } from 'knex';
import {
  GRANTS,
  MEMBERSHIP,
  MORATORIUM_ENTITIES,
  completeRequest,
  expectStatus,
  moratoriumApi,
} from './__testUtils__/moratoriumFixtures';
import {
  FaultBackend,
  startFaultBackend,
} from './__testUtils__/startFaultBackend';

jest.setTimeout(180_000);

const run = promisify(execFile);
const DEPLOY = resolve(__dirname, '../../../../deploy/postgres');
const PSQL = '/usr/lib/postgresql/15/bin/psql';

/** The shared test cluster; this test is about PostgreSQL only. */
function adminUrl(): URL {
  const url = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!url) {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set: the audit role test needs PostgreSQL',
    );
  }
  return new URL(url);
}

/** Runs one of the deployment docs' SQL files with psql, as an operator would. */
async function psql(file: string, variables: Record<string, string>) {
  const url = adminUrl();
  url.pathname = '/postgres';
  await run(PSQL, [
    url.toString(),
    '--no-psqlrc',
    '--quiet',
    ...Object.entries(variables).flatMap(([k, v]) => ['-v', `${k}=${v}`]),
    '-f',
    resolve(DEPLOY, file),
  ]);
}

/** A connection to the test database as one of the deployment's roles. */
function connectAs(user: string, database: string): Knex {
  const url = adminUrl();
  return createKnex({
    client: 'pg',
    connection: {
      host: url.hostname,
      port: Number(url.port || 5432),
      user,
      database,
    },
    pool: { min: 0, max: 3 },
  });
}

/** The SQLSTATE and message a statement fails with. */
async function failure(statement: PromiseLike<unknown>) {
  try {
    await statement;
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('The statement succeeded');
}

describe('the audit trail on PostgreSQL with the recommended roles', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const owner = `qaztech_owner_${suffix}`;
  const app = `qaztech_app_${suffix}`;
  const database = `qaztech_audit_${suffix}`;
  const open: Knex[] = [];
  let backend: FaultBackend | undefined;

  afterAll(async () => {
    await backend?.stop();
    await Promise.all(open.map(k => k.destroy()));
    const admin = createKnex({ client: 'pg', connection: adminUrl().href });
    try {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
      await admin.raw('DROP ROLE IF EXISTS ??', [app]);
      await admin.raw('DROP ROLE IF EXISTS ??', [owner]);
    } finally {
      await admin.destroy();
    }
  });

  it('lets the application role insert and read audit rows, never change or delete them', async () => {
    await psql('roles.sql', { owner, app });
    await psql('plugin-database.sql', { owner, app, database });

    // The owner runs the migrations (the deployment's migration step).
    const asOwner = connectAs(owner, database);
    open.push(asOwner);
    await asOwner.migrate.latest({
      directory: resolvePackagePath(
        '@qaztech/plugin-moratorium-backend',
        'migrations',
      ),
    });

    // The plugin runs as the application role, without migrating, and works.
    const asApp = connectAs(app, database);
    open.push(asApp);
    backend = await startFaultBackend({
      features: [moratoriumPlugin],
      databases: { moratorium: asApp },
      skipMigrations: ['moratorium'],
      entities: MORATORIUM_ENTITIES,
      grants: GRANTS,
      membership: MEMBERSHIP,
    });
    await backend.waitForCatalog();
    const api = moratoriumApi(backend);
    const created = await api.create(
      completeRequest({
        kind: 'planned',
        entityRef: 'system:default/e-permits',
        title: { ru: 'Электронные разрешения', kk: 'Электрондық рұқсаттар' },
      }),
    );
    expectStatus(created, 201);
    const verified = await api.verify();
    expectStatus(verified, 200);
    expect(verified.body).toMatchObject({
      ok: true,
      checked: 1,
      firstBroken: null,
    });

    // SELECT and INSERT work for the application role…
    const rows = await asApp('moratorium_audit').select('seq', 'action');
    expect(rows).toEqual([{ seq: '1', action: 'create' }]);
    await expect(
      asApp.transaction(async tx => {
        await tx('moratorium_audit').insert({
          seq: 2,
          actor: 'user:default/aidar',
          action: 'probe',
          payload: '{}',
          at: new Date().toISOString(),
          prev_hash: 'a'.repeat(64),
          hash: 'b'.repeat(64),
        });
        throw new Error('roll back the probe');
      }),
    ).rejects.toThrow('roll back the probe');

    // …UPDATE, DELETE and TRUNCATE are refused as a permission error, even
    // with the maintenance setting, which is the owner's.
    for (const statement of [
      asApp('moratorium_audit').update({ actor: 'user:default/mallory' }),
      asApp('moratorium_audit').where({ seq: 1 }).delete(),
      asApp.raw('TRUNCATE moratorium_audit'),
      asApp.transaction(async tx => {
        await tx.raw("SET LOCAL qaztech.audit_maintenance = 'on'");
        await tx('moratorium_audit').where({ seq: 1 }).delete();
      }),
    ]) {
      expect(await failure(statement)).toEqual({
        code: '42501',
        message: expect.stringContaining(
          'permission denied for table moratorium_audit',
        ),
      });
    }

    // The head only moves forward onto the entry just appended, and the
    // published checkpoints cannot be changed or removed by the application.
    await asApp('moratorium_audit_checkpoints').insert({
      count: 1,
      head_hash: 'c'.repeat(64),
      published_at: new Date().toISOString(),
      key_id: 'probe',
      signature: 'probe',
    });
    for (const statement of [
      asApp('moratorium_audit_head').update({ seq: 0, hash: '0'.repeat(64) }),
      asApp('moratorium_audit_head').update({ seq: 2, hash: 'd'.repeat(64) }),
    ]) {
      expect(await failure(statement)).toEqual({
        code: '42501',
        message: expect.stringContaining(
          'moratorium_audit_head only moves forward',
        ),
      });
    }
    for (const statement of [
      asApp('moratorium_audit_checkpoints').update({ count: 0 }),
      asApp('moratorium_audit_checkpoints').delete(),
      asApp.raw('TRUNCATE moratorium_audit_checkpoints'),
    ]) {
      expect(await failure(statement)).toEqual({
        code: '42501',
        message: expect.stringContaining(
          'permission denied for table moratorium_audit_checkpoints',
        ),
      });
    }
    // (A checkpoint the application could insert without the signing key
    // is named by verification and not relied on.)
    const forged = await api.verify();
    expect(forged.body.findings).toEqual([
      expect.objectContaining({ problem: 'checkpoint-signature-invalid' }),
    ]);
    await asOwner.transaction(async tx => {
      await tx.raw("SET LOCAL qaztech.audit_maintenance = 'on'");
      await tx('moratorium_audit_checkpoints').delete();
    });

    // The owner is refused too, by the trigger, outside maintenance…
    expect(
      await failure(
        asOwner('moratorium_audit').update({ actor: 'user:default/mallory' }),
      ),
    ).toEqual({
      code: '42501',
      message: expect.stringContaining('moratorium_audit is append-only'),
    });
    expect(await asApp('moratorium_audit').select('actor')).toEqual([
      { actor: 'user:default/aidar' },
    ]);

    // …and a deliberate maintenance edit is what verification then names.
    await asOwner.transaction(async tx => {
      await tx.raw("SET LOCAL qaztech.audit_maintenance = 'on'");
      await tx('moratorium_audit')
        .where({ seq: 1 })
        .update({ actor: 'user:default/mallory' });
    });
    const broken = await api.verify();
    expectStatus(broken, 200);
    expect(broken.body).toMatchObject({
      ok: false,
      firstBroken: {
        seq: 1,
        requestId: created.body.id,
        problem: 'hash-mismatch',
      },
    });
  });
});
