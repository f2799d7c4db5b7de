import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { knex as createKnex } from 'knex';
import { parseAllDocuments } from 'yaml';
import { ReplicaProcess } from './__testUtils__/ReplicaProcess';
import { ScannerStub } from './__testUtils__/ScannerStub';
import { TaskRunRecorder } from './__testUtils__/TaskRunRecorder';
import {
  CADENCE_SECONDS,
  CATALOG_FILES,
  EVALUATE_TIMEOUT_SECONDS,
  EXAMPLES,
  TASKS,
  replicaConfig,
} from './__testUtils__/replicaConfig';

// Two whole backends start as processes, run their tasks over many
// cadences and one is killed mid-run: minutes, not jest's 5 s.
jest.setTimeout(300_000);

/** How long each replica serves cached counts and pages (the default). */
const REGISTRY_CACHE_TTL_MS = 5_000;
/** The Backstage scheduler's janitor frees the tasks of dead replicas once a minute. */
const JANITOR_INTERVAL_MS = 60_000;
/** How many cadences the once-per-cadence window lasts. */
const WINDOW_CADENCES = 6;

/**
 * The PostgreSQL server of the test run. Replicas share a database server by
 * definition (SQLite is one process's), so without it this test fails.
 */
function postgres(): string {
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pg) {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set: two replicas need one PostgreSQL',
    );
  }
  return pg;
}

/** Every registry system of the demo data: the catalog's and the import's. */
function expectedSystemNames(importSource: string): string[] {
  const fromCatalog = parseAllDocuments(readFileSync(CATALOG_FILES[3], 'utf8'))
    .map(doc => doc.toJS())
    .filter(e => e?.kind === 'System')
    .map(e => e.metadata.name as string);
  const fromImport = readFileSync(importSource, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map(line => line.split(',')[1]);
  return [...fromCatalog, ...fromImport].sort();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise(done => server.close(done));
  return port;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function eventually<T>(
  fn: () => Promise<T>,
  timeoutMs: number,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(intervalMs);
    }
  }
}

/** Whether any two [start, end] intervals overlap. */
function overlapping(intervals: Array<{ start: number; end: number }>) {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  return sorted.filter((r, i) => i > 0 && r.start < sorted[i - 1].end);
}

type Json = any;

/** Calls a replica's API as a signed-in person. */
async function call(
  replica: ReplicaProcess,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${replica.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

async function signIn(replica: ReplicaProcess, user: string): Promise<string> {
  const res = await fetch(`${replica.baseUrl}/api/auth/demo/refresh`, {
    headers: {
      'x-requested-with': 'XMLHttpRequest',
      'x-qaztech-demo-user': user,
    },
  });
  if (!res.ok) {
    throw new Error(`Sign-in of ${user}: ${res.status} ${await res.text()}`);
  }
  return (await res.json()).backstageIdentity.token;
}

/** A request with everything submission needs. */
const REQUEST_CONTENT = {
  system: {
    kind: 'planned',
    entityRef: 'system:default/e-permits',
    title: { ru: 'Электронные разрешения', kk: 'Электрондық рұқсаттар' },
  },
  purpose: 'Учёт разрешений и уведомлений для предпринимателей',
  capabilityGaps: [
    {
      capability: 'Обработка секретных данных',
      reason: 'Платформа не аттестована для секретных данных.',
    },
  ],
  cost: { amountKzt: 120_000_000, budgetProgramme: '001 «Цифровизация»' },
  dataCategories: ['personal'],
  hosting: { kind: 'state-operator-dc', country: 'KZ' },
  securityPlan: 'План обеспечения ИБ согласован с ГТС.',
  exitPlan: 'Переход на платформу к 2028 году.',
};

describe('two backend replicas on one PostgreSQL', () => {
  const connection = postgres();
  const prefix = `qaztech_replicas_${process.pid}_${Date.now()}_`;
  const directory = mkdtempSync(resolve(tmpdir(), 'qaztech-replicas-'));
  const importSource = resolve(directory, 'regional-register.csv');
  const replicas: ReplicaProcess[] = [];
  /** What the test measured, printed at the end for the record. */
  const figures: Record<string, unknown> = {};
  let scanner: ScannerStub;
  let a: ReplicaProcess;
  let b: ReplicaProcess;
  let admin: string;
  let systems: string[];

  beforeAll(async () => {
    copyFileSync(
      resolve(EXAMPLES, 'register/regional-register.csv'),
      importSource,
    );
    systems = expectedSystemNames(importSource);
    scanner = await ScannerStub.start();
    // One after the other: started at the same moment on fresh databases,
    // two replicas race to create the migration tables and one fails to
    // start (knex's "Migration table is already locked" in the catalog,
    // "knex_migrations already exists" in the suite's plugins).
    for (const name of ['A', 'B']) {
      const port = await freePort();
      const replica = ReplicaProcess.start({
        name,
        port,
        directory,
        config: replicaConfig({
          name,
          port,
          connection,
          prefix,
          importSource,
          scannerUrl: scanner.url,
        }),
      });
      replicas.push(replica);
      const started = Date.now();
      await replica.waitUntilReady(120_000);
      figures[`replica${name}StartSeconds`] = (Date.now() - started) / 1000;
    }
    [a, b] = replicas;
    // Users come from the catalog: sign-in works once it has loaded them.
    admin = await eventually(() => signIn(a, 'platform.admin'), 90_000);
  });

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.stop()));
    await scanner?.stop();
    const pg = createKnex({ client: 'pg', connection });
    try {
      const { rows } = await pg.raw(
        'SELECT datname FROM pg_database WHERE datname LIKE ?',
        [`${prefix}%`],
      );
      for (const { datname } of rows) {
        await pg.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
      }
    } finally {
      await pg.destroy();
    }
    if (process.env.QAZTECH_KEEP_REPLICA_LOGS) {
      process.stderr.write(`Replica configs and logs kept in ${directory}\n`);
    } else {
      rmSync(directory, { recursive: true, force: true });
    }
    process.stderr.write(
      `Two-replica figures: ${JSON.stringify(figures, null, 2)}\n`,
    );
  });

  it('evaluates and imports every system before the window opens', async () => {
    // The whole register: the demo systems and the import's, evaluated by a
    // scheduled run of whichever replica.
    await eventually(async () => {
      const { status, body } = await call(
        b,
        admin,
        '/api/security-readiness/runs?limit=5',
      );
      expect(status).toBe(200);
      expect(body.items).toContainEqual(
        expect.objectContaining({
          trigger: 'schedule',
          status: 'succeeded',
          total: systems.length,
          done: systems.length,
          changed: 0,
        }),
      );
    }, 120_000);
    const { body: imports } = await call(a, admin, '/api/registry/imports');
    expect(imports.items).toContainEqual(
      expect.objectContaining({ status: 'succeeded', imported: 12 }),
    );
  });

  it('serves what one replica writes through the other', async () => {
    // A developer and the digitalization head of the Ministry of Finance;
    // the tokens A signs are good on B (the signing keys are in the
    // database).
    const developer = await signIn(a, 'dana.zhaksylykova');
    const developerOnB = developer;
    const head = await signIn(a, 'asel.bekmukhambetova');

    // A draft made through A is there through B, and B's edit through A.
    const created = await call(a, developer, '/api/moratorium/requests', {
      method: 'POST',
      body: { content: { purpose: 'Черновик' } },
    });
    expect(created.status).toBe(201);
    const onB = await call(
      b,
      developerOnB,
      `/api/moratorium/requests/${created.body.id}`,
    );
    expect(onB.status).toBe(200);
    expect(onB.body).toMatchObject({
      id: created.body.id,
      state: 'draft',
      version: created.body.version,
      content: { purpose: 'Черновик' },
    });
    // The reuse check: a reason for each similar system the register finds.
    const similar = await call(
      b,
      developerOnB,
      `/api/moratorium/similar-systems?q=${encodeURIComponent(
        `${REQUEST_CONTENT.system.title.ru} ${REQUEST_CONTENT.system.title.kk} ${REQUEST_CONTENT.purpose}`,
      )}`,
      { method: 'GET' },
    );
    expect(similar.status).toBe(200);
    const content = {
      ...REQUEST_CONTENT,
      reuseAnswers: (
        similar.body as unknown as { items: Array<{ entityRef: string }> }
      ).items.map(s => ({
        entityRef: s.entityRef,
        reason: 'Система решает другую задачу.',
      })),
    };
    const edited = await call(
      b,
      developerOnB,
      `/api/moratorium/requests/${created.body.id}`,
      {
        method: 'PUT',
        body: { content, version: created.body.version },
      },
    );
    expect(edited.status).toBe(200);
    // An edit through A of the version B has replaced is refused.
    const stale = await call(
      a,
      developer,
      `/api/moratorium/requests/${created.body.id}`,
      {
        method: 'PUT',
        body: { content: REQUEST_CONTENT, version: created.body.version },
      },
    );
    expect(stale.status).toBe(409);
    const submitted = await call(
      a,
      head,
      `/api/moratorium/requests/${created.body.id}/transitions`,
      {
        method: 'POST',
        body: { action: 'submit', version: edited.body.version },
      },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const afterSubmit = await call(
      b,
      developerOnB,
      `/api/moratorium/requests/${created.body.id}`,
    );
    expect(afterSubmit.body).toMatchObject({
      state: 'submitted',
      number: submitted.body.number,
    });

    // An officer's attestation through A is on the scorecard through B.
    const officer = await signIn(b, 'yerzhan.baizhanov');
    const system = systems[0];
    const attested = await call(
      a,
      officer,
      '/api/security-readiness/attestations',
      {
        method: 'POST',
        body: {
          systemRef: `system:default/${system}`,
          checkId: 'security-governance',
          result: 'pass',
          evidence: { notes: 'Политика ИБ утверждена приказом' },
        },
      },
    );
    expect(attested.status).toBe(201);
    const scorecard = await call(
      b,
      officer,
      `/api/security-readiness/scorecards/default/${system}`,
    );
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.attestations).toContainEqual(
      expect.objectContaining({ id: attested.body.id, result: 'pass' }),
    );
  });

  it('runs every scheduled task once per cadence across the two replicas', async () => {
    const recorder = new TaskRunRecorder({
      connection,
      prefix,
      tasks: Object.values(TASKS),
    });
    const historyPath = `/api/security-readiness/scorecards/default/${systems[1]}/history`;
    const historyBefore = (await call(a, admin, historyPath)).body;
    let ends: Map<string, number[]>;
    const windowMs = WINDOW_CADENCES * CADENCE_SECONDS * 1000;
    const from = Date.now();
    try {
      await recorder.start();
      await sleep(windowMs);
      ends = await recorder.stop();
    } finally {
      await recorder.destroy();
    }
    const to = Date.now();
    const inWindow = (iso: string) => {
      const t = Date.parse(iso);
      return t >= from && t <= to;
    };

    // The scheduler's own record: about one run per cadence for each task
    // across both replicas, never one per replica (that would be twice as
    // many).
    const perTask = Object.fromEntries(
      Object.values(TASKS).map(({ taskId }) => [
        taskId,
        ends.get(taskId)!.length,
      ]),
    );
    figures.runsPerTaskIn6Cadences = perTask;
    expect(
      Object.entries(perTask).filter(
        ([, count]) =>
          count < WINDOW_CADENCES - 2 || count > WINDOW_CADENCES + 1,
      ),
    ).toEqual([]);
    // The plugins' own records of the same runs (give or take the run that
    // ended as the window opened or closed).
    const aboutAsMany = (list: unknown[], taskId: string) => {
      const count = ends.get(taskId)!.length;
      expect(list.length).toBeGreaterThanOrEqual(count - 1);
      expect(list.length).toBeLessThanOrEqual(count + 1);
    };

    // The import log: one entry a run, the runs one after another.
    const { body: imports } = await call(
      b,
      admin,
      '/api/registry/imports?limit=100',
    );
    const windowImports = (imports.items as Json[]).filter(i =>
      inWindow(i.finishedAt),
    );
    aboutAsMany(windowImports, TASKS.import.taskId);
    expect(new Set(windowImports.map(i => i.id)).size).toBe(
      windowImports.length,
    );
    expect(
      overlapping(
        windowImports.map(i => ({
          start: Date.parse(i.startedAt),
          end: Date.parse(i.finishedAt),
        })),
      ),
    ).toEqual([]);
    expect(windowImports.every(i => i.imported === 12)).toBe(true);

    // Readiness: one scheduled run over the whole register a cadence, each
    // complete, none overlapping, and no history entry added for unchanged
    // results.
    const { body: runs } = await call(
      a,
      admin,
      '/api/security-readiness/runs?limit=100',
    );
    const windowRuns = (runs.items as Json[]).filter(
      r => r.trigger === 'schedule' && r.finishedAt && inWindow(r.finishedAt),
    );
    aboutAsMany(windowRuns, TASKS.evaluate.taskId);
    for (const run of windowRuns) {
      expect(run).toMatchObject({
        status: 'succeeded',
        total: systems.length,
        done: systems.length,
      });
    }
    expect(
      overlapping(
        windowRuns.map(r => ({
          start: Date.parse(r.startedAt),
          end: Date.parse(r.finishedAt),
        })),
      ),
    ).toEqual([]);
    const historyAfter = (await call(b, admin, historyPath)).body;
    expect(historyAfter).toEqual(historyBefore);

    // The moratorium's deadline scan: one log line a run over both
    // replicas, and the reminder of the request submitted above sent once
    // although every run saw it due.
    const scans = replicas.flatMap(r =>
      r
        .log()
        .filter(l => l.text.startsWith('Moratorium task run finished'))
        .map(l => ({ ...l, replica: r.name })),
    );
    const windowScans = scans.filter(s => s.at >= from && s.at <= to);
    aboutAsMany(windowScans, TASKS.deadlines.taskId);
    const reminders = scans
      .map(s => Number(/reminders=(\d+)/.exec(s.text)?.[1] ?? 0))
      .reduce((x, y) => x + y, 0);
    expect(reminders).toBe(1);

    // Who ran what: the work is spread, not doubled.
    figures.runsByReplica = Object.fromEntries(
      replicas.map(r => [
        r.name,
        {
          deadlineScans: windowScans.filter(s => s.replica === r.name).length,
          evaluations: r
            .log()
            .filter(
              l =>
                l.at >= from &&
                l.at <= to &&
                /^Evaluated \d+ systems/.test(l.text),
            ).length,
          imports: r
            .log()
            .filter(
              l =>
                l.at >= from &&
                l.at <= to &&
                l.text.startsWith('Import of the national register'),
            ).length,
        },
      ]),
    );
  });

  it('shows a register change through both replicas, the other within the cache time', async () => {
    // A new row of the national register export; the import, the catalog
    // and the register sync each run on whichever replica.
    const lines = readFileSync(importSource, 'utf8').trim().split('\n');
    const row = lines[lines.length - 1].replace(
      /^ИС-\d+,shkolnoe-pitanie-astana,/,
      'ИС-99017,shkolnoe-pitanie-replica,',
    );
    expect(row).toContain('shkolnoe-pitanie-replica');
    const { body: statsBefore } = await call(a, admin, '/api/registry/stats');
    appendFileSync(importSource, `${row}\n`);

    const detailPath = '/api/registry/systems/default/shkolnoe-pitanie-replica';
    // A single system is read from the database, never cached: the moment
    // one replica shows it, the other does too.
    const first = await eventually(
      async () => {
        for (const replica of replicas) {
          const { status } = await call(replica, admin, detailPath);
          if (status === 200) return replica;
        }
        throw new Error('the new system is on neither replica yet');
      },
      90_000,
      250,
    );
    const other = replicas.find(r => r !== first)!;
    expect((await call(other, admin, detailPath)).status).toBe(200);

    // Counts are cached per replica for the cache time: a replica that did
    // not run the sync may show the old total until its cache expires.
    const statsSeen: Record<string, number> = {};
    await eventually(
      async () => {
        for (const replica of replicas) {
          const { body } = await call(replica, admin, '/api/registry/stats');
          if (body.total === statsBefore.total + 1) {
            statsSeen[replica.name] ??= Date.now();
          }
        }
        expect(Object.keys(statsSeen).sort()).toEqual(['A', 'B']);
      },
      REGISTRY_CACHE_TTL_MS + 30_000,
      250,
    );
    const statsLag = Math.abs(statsSeen.A - statsSeen.B);
    figures.registryStatsLagMs = statsLag;
    expect(statsLag).toBeLessThanOrEqual(REGISTRY_CACHE_TTL_MS + 1_500);
    systems = [...systems, 'shkolnoe-pitanie-replica'].sort();
  });

  it('finishes on the other replica the evaluation of a replica killed mid-run', async () => {
    // The scanner slows down: a run over the register takes ~100 ms a
    // system on one replica, which the test kills part-way.
    scanner.delayMs = 100;
    const slowFrom = scanner.requests.length;
    const victimName = await eventually(
      async () => {
        const slow = scanner.requests.slice(slowFrom);
        const names = new Set(slow.map(r => r.replica));
        expect(slow.length).toBeGreaterThanOrEqual(20);
        expect(names.size).toBe(1);
        return slow[0].replica;
      },
      60_000,
      100,
    );
    const victim = replicas.find(r => r.name === victimName)!;
    const survivor = replicas.find(r => r.name !== victimName)!;
    const { body: running } = await call(
      survivor,
      admin,
      '/api/security-readiness/runs?limit=5',
    );
    const killedRun = (running.items as Json[]).find(
      r => r.status === 'running',
    );
    expect(killedRun).toBeDefined();
    expect(killedRun.done).toBeLessThan(systems.length);

    const killedAt = Date.now();
    await victim.kill();

    // The survivor takes the task once the dead replica's claim times out
    // (the task's timeout, then the scheduler's janitor) and evaluates the
    // whole register.
    const budgetMs =
      EVALUATE_TIMEOUT_SECONDS * 1000 +
      JANITOR_INTERVAL_MS +
      2 * systems.length * scanner.delayMs +
      15_000;
    const diagnose = async () => {
      figures.killDiagnostics = {
        scansAfterKill: scanner.requests
          .filter(r => r.at > killedAt)
          .reduce<Record<string, number>>(
            (n, r) => ({ ...n, [r.replica]: (n[r.replica] ?? 0) + 1 }),
            {},
          ),
        runs: (
          await call(survivor, admin, '/api/security-readiness/runs?limit=5')
        ).body,
      };
    };
    // The run the dead replica held is put back in the queue once it has
    // made no progress for the task's timeout, and the survivor resumes it.
    const findFinished = () =>
      eventually(
        async () => {
          const { body } = await call(
            survivor,
            admin,
            `/api/security-readiness/runs/${killedRun.id}`,
          );
          if (body.status !== 'succeeded') {
            throw new Error(`the killed run is ${body.status}`);
          }
          return body;
        },
        budgetMs,
        1_000,
      );
    let finished: Json;
    try {
      finished = await findFinished();
    } catch (error) {
      await diagnose();
      throw error;
    }
    const recoveredMs = Date.parse(finished.finishedAt) - killedAt;
    figures.killedReplica = victimName;
    figures.killedRunProgress = `${killedRun.done}/${killedRun.total}`;
    figures.survivorTookTaskAfterMs = Date.parse(finished.startedAt) - killedAt;
    figures.survivorFinishedAfterMs = recoveredMs;
    expect(finished).toMatchObject({
      total: systems.length,
      done: systems.length,
    });
    expect(recoveredMs).toBeLessThan(budgetMs);

    // Nothing lost: the survivor asked the scanner about every system after
    // the kill, and every scorecard was evaluated after it.
    const askedAfter = new Set(
      scanner.requests
        .filter(r => r.at > killedAt && r.replica === survivor.name)
        .map(r => r.name),
    );
    expect([...askedAfter].sort()).toEqual(systems);
    const { body: scorecards } = await call(
      survivor,
      admin,
      '/api/security-readiness/scorecards?limit=500',
    );
    expect(scorecards.totalCount).toBe(systems.length);
    const stale = (scorecards.items as Json[]).filter(
      s => Date.parse(s.evaluatedAt) < killedAt,
    );
    expect(stale.map(s => s.systemRef)).toEqual([]);

    // The other tasks go on, on the survivor alone.
    await eventually(
      async () => {
        const { body } = await call(survivor, admin, '/api/registry/imports');
        expect(
          (body.items as Json[]).some(
            i => Date.parse(i.startedAt) > killedAt && i.status !== 'failed',
          ),
        ).toBe(true);
      },
      EVALUATE_TIMEOUT_SECONDS * 1000 + JANITOR_INTERVAL_MS,
      1_000,
    );
  });
});
