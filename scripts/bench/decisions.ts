/*
 * yarn bench:decisions — concurrent decisions on one exemption request.
 *
 * The real moratorium backend (its test harness: real plugin, router,
 * service and store; stand-in catalog, permissions and registry) on each
 * database. Each round takes a new request through the workflow over HTTP
 * (create, submit, accept, platform review, agenda, two votes for), then
 * the commission secretary sends `--clients` decisions on it at once, each
 * with its own Idempotency-Key and the version it saw: exactly one must
 * succeed (200) and every other one must be refused with 409. After all
 * rounds the database must hold exactly one decision, one `decide` history
 * entry and one `decide` audit entry per request, every request approved at
 * the version after its decision (no lost update), and the audit chain must
 * verify.
 *
 * Options: --rounds 1000  --clients 50  --db sqlite,postgres
 *          --prepare 10 (requests prepared concurrently, ahead of the races)
 * Figures go to bench-results/decisions-<time>.json; exit 1 when any round
 * has other than one success or a check of the database fails.
 */
import { DateTime } from 'luxon';
import { Knex } from 'knex';
import {
  USERS,
  as,
  startMoratoriumBackend,
} from '../../plugins/moratorium-backend/src/__testUtils__/startMoratoriumBackend';
import {
  dbsArg,
  freshDatabase,
  intArg,
  percentile,
  round1,
  writeResults,
} from './cli';

const rounds = intArg('rounds', 1000);
const clients = intArg('clients', 50);
const prepareConcurrency = intArg('prepare', 10);
const dbs = dbsArg('sqlite,postgres');

type Backend = Awaited<ReturnType<typeof startMoratoriumBackend>>;

/** A day `days` ahead in Asia/Almaty. */
function day(days: number): string {
  return DateTime.now().setZone('Asia/Almaty').plus({ days }).toISODate()!;
}

/** What a complete request about a planned system says. */
function content(system: string) {
  return {
    system: {
      kind: 'planned',
      entityRef: system,
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
}

class Api {
  constructor(private readonly base: string) {}

  async call(
    method: string,
    path: string,
    user: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: any; ms: number }> {
    const started = performance.now();
    const res = await fetch(`${this.base}/api/moratorium${path}`, {
      method,
      headers: {
        authorization: as(user),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: res.status, body: parsed, ms };
  }

  /** A call that must answer `status`, else an error showing the body. */
  async expect(
    status: number,
    method: string,
    path: string,
    user: string,
    body?: unknown,
  ) {
    const res = await this.call(method, path, user, body);
    if (res.status !== status) {
      throw new Error(
        `${method} ${path} as ${user}: expected ${status}, got ${
          res.status
        }: ${JSON.stringify(res.body)}`,
      );
    }
    return res.body;
  }
}

/** A request on the agenda with two votes for: ready for a decision. */
async function prepare(api: Api, round: number, runId: string) {
  const created = await api.expect(201, 'POST', '/requests', USERS.applicant, {
    content: content(`system:default/race-${runId}-${round}`),
  });
  const id: string = created.id;
  const act = (user: string, body: object) =>
    api.expect(200, 'POST', `/requests/${id}/transitions`, user, body);
  await act(USERS.applicant, { action: 'submit' });
  await act(USERS.secretary, { action: 'accept' });
  await act(USERS.architect, {
    action: 'complete-platform-review',
    finding: 'platform-cannot-serve',
    text: 'Платформа не обрабатывает секретные данные.',
  });
  await act(USERS.secretary, {
    action: 'set-agenda',
    sittingDate: day(7),
    ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
  });
  for (const member of [USERS.member1, USERS.member2]) {
    await api.expect(200, 'POST', `/requests/${id}/votes`, member, {
      choice: 'for',
    });
  }
  const current = await api.expect(
    200,
    'GET',
    `/requests/${id}`,
    USERS.secretary,
  );
  return { id, version: current.version as number };
}

type RoundOutcome = {
  round: number;
  requestId: string;
  success: number;
  conflict: number;
  other: number;
  otherStatuses: number[];
  latenciesMs: number[];
  winnerMs?: number;
  wallMs: number;
};

/** Fires the concurrent decisions on one prepared request. */
async function race(
  api: Api,
  round: number,
  request: { id: string; version: number },
  runId: string,
): Promise<RoundOutcome> {
  const decision = {
    action: 'decide',
    outcome: 'approved',
    protocolNumber: `П-${round}`,
    sittingDate: day(7),
    expiresAt: day(400),
    version: request.version,
  };
  const started = performance.now();
  const responses = await Promise.all(
    Array.from({ length: clients }, (_, client) =>
      api.call(
        'POST',
        `/requests/${request.id}/transitions`,
        USERS.secretary,
        decision,
        `decide-${runId}-${round}-${client}`,
      ),
    ),
  );
  const wallMs = performance.now() - started;
  const outcome: RoundOutcome = {
    round,
    requestId: request.id,
    success: 0,
    conflict: 0,
    other: 0,
    otherStatuses: [],
    latenciesMs: responses.map(r => r.ms),
    wallMs,
  };
  for (const res of responses) {
    if (res.status === 200) {
      outcome.success += 1;
      outcome.winnerMs = res.ms;
    } else if (res.status === 409) {
      outcome.conflict += 1;
    } else {
      outcome.other += 1;
      outcome.otherStatuses.push(res.status);
    }
  }
  return outcome;
}

/** What the database says after all rounds; each problem is named. */
async function verify(
  knex: Knex,
  api: Api,
  prepared: Map<string, number>,
): Promise<{ ok: boolean; problems: string[]; auditChecked: number }> {
  const problems: string[] = [];
  const ids = [...prepared.keys()];
  const countBy = async (
    table: string,
    where: (q: Knex.QueryBuilder) => void,
  ) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const q = knex(table)
        .whereIn('request_id', ids.slice(i, i + 500))
        .select('request_id')
        .count({ n: '*' })
        .groupBy('request_id');
      where(q);
      for (const row of (await q) as Array<{
        request_id: string;
        n: number | string;
      }>) {
        counts.set(row.request_id, Number(row.n));
      }
    }
    return counts;
  };
  const decisions = await countBy('moratorium_decisions', () => {});
  const history = await countBy('moratorium_history', q =>
    q.where('action', 'decide'),
  );
  const audit = await countBy('moratorium_audit', q =>
    q.where('action', 'decide'),
  );
  const requests = new Map<string, { state: string; version: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await knex('moratorium_requests')
      .whereIn('id', ids.slice(i, i + 500))
      .select('id', 'state', 'version')) {
      requests.set(row.id, { state: row.state, version: Number(row.version) });
    }
  }
  for (const [id, version] of prepared) {
    const name = `request ${id}`;
    if ((decisions.get(id) ?? 0) !== 1) {
      problems.push(`${name}: ${decisions.get(id) ?? 0} decisions, not 1`);
    }
    if ((history.get(id) ?? 0) !== 1) {
      problems.push(
        `${name}: ${history.get(id) ?? 0} 'decide' history entries, not 1`,
      );
    }
    if ((audit.get(id) ?? 0) !== 1) {
      problems.push(
        `${name}: ${audit.get(id) ?? 0} 'decide' audit entries, not 1`,
      );
    }
    const row = requests.get(id);
    if (!row || row.state !== 'approved' || row.version !== version + 1) {
      problems.push(
        `${name}: ${row?.state} at version ${
          row?.version
        }, expected approved at ${version + 1} (a lost or extra update)`,
      );
    }
  }
  const verified = await api.expect(200, 'GET', '/audit/verify', USERS.auditor);
  if (!verified.ok) {
    problems.push(
      `the audit chain does not verify: ${JSON.stringify(
        verified.firstBroken,
      )}`,
    );
  }
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, 50),
    auditChecked: verified.checked,
  };
}

async function bench(db: 'sqlite' | 'postgres') {
  const runId = `${process.pid}-${Date.now()}`;
  // The backend's pool: enough connections for the racing transactions.
  const { knex, drop } = await freshDatabase(
    db,
    `qaztech_decisions_${process.pid}_${Date.now()}`,
    { min: 0, max: 20 },
  );
  let backend: Backend | undefined;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  try {
    backend = await startMoratoriumBackend({ knex });
    const api = new Api(`http://localhost:${backend.server.port()}`);
    const outcomes: RoundOutcome[] = [];
    const prepared = new Map<string, number>();
    let prepareMs = 0;
    let raceMs = 0;
    const started = performance.now();
    for (let next = 0; next < rounds; ) {
      // A batch prepared concurrently, then raced one request at a time, so
      // preparation never overlaps a race.
      const batch = Array.from(
        { length: Math.min(prepareConcurrency * 5, rounds - next) },
        (_, k) => next + k,
      );
      const t0 = performance.now();
      const ready: Array<{ id: string; version: number }> = [];
      for (let i = 0; i < batch.length; i += prepareConcurrency) {
        ready.push(
          ...(await Promise.all(
            batch
              .slice(i, i + prepareConcurrency)
              .map(round => prepare(api, round, runId)),
          )),
        );
      }
      prepareMs += performance.now() - t0;
      for (const [k, request] of ready.entries()) {
        prepared.set(request.id, request.version);
        const t1 = performance.now();
        outcomes.push(await race(api, batch[k], request, runId));
        raceMs += performance.now() - t1;
      }
      next += batch.length;
      process.stderr.write(`\r${db}: ${next}/${rounds} rounds`);
    }
    process.stderr.write('\n');
    const totalMs = performance.now() - started;
    const verification = await verify(knex, api, prepared);

    const latencies = outcomes
      .flatMap(o => o.latenciesMs)
      .sort((a, b) => a - b);
    const winners = outcomes
      .map(o => o.winnerMs)
      .filter((ms): ms is number => ms !== undefined)
      .sort((a, b) => a - b);
    const badRounds = outcomes.filter(
      o => o.success !== 1 || o.conflict !== clients - 1,
    );
    return {
      db,
      rounds,
      clients,
      success: outcomes.reduce((n, o) => n + o.success, 0),
      conflict: outcomes.reduce((n, o) => n + o.conflict, 0),
      other: outcomes.reduce((n, o) => n + o.other, 0),
      otherStatuses: [...new Set(outcomes.flatMap(o => o.otherStatuses))],
      roundsWithOneSuccess: outcomes.filter(o => o.success === 1).length,
      badRounds: badRounds.slice(0, 20).map(o => ({
        round: o.round,
        requestId: o.requestId,
        success: o.success,
        conflict: o.conflict,
        other: o.other,
        otherStatuses: o.otherStatuses,
      })),
      decisionP50Ms: round1(percentile(latencies, 50)),
      decisionP99Ms: round1(percentile(latencies, 99)),
      decisionMaxMs: round1(latencies[latencies.length - 1] ?? NaN),
      winnerP50Ms: round1(percentile(winners, 50)),
      winnerP99Ms: round1(percentile(winners, 99)),
      roundWallP50Ms: round1(
        percentile(
          outcomes.map(o => o.wallMs).sort((a, b) => a - b),
          50,
        ),
      ),
      roundsPerSecond: round1(rounds / (totalMs / 1000)),
      raceRoundsPerSecond: round1(rounds / (raceMs / 1000)),
      prepareSeconds: round1(prepareMs / 1000),
      raceSeconds: round1(raceMs / 1000),
      totalSeconds: round1(totalMs / 1000),
      auditEntriesVerified: verification.auditChecked,
      databaseChecks: verification.ok ? 'PASS' : 'FAIL',
      problems: verification.problems,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      pass: badRounds.length === 0 && verification.ok,
    };
  } finally {
    clearInterval(sampler);
    await backend?.stop();
    await drop();
  }
}

async function main() {
  const results = [];
  for (const db of dbs) {
    process.stderr.write(
      `decisions: ${rounds} rounds of ${clients} concurrent decisions on ${db}…\n`,
    );
    results.push(await bench(db));
  }
  console.table(
    results.map(r => ({
      db: r.db,
      rounds: r.rounds,
      'ok (200)': r.success,
      'conflict (409)': r.conflict,
      other: r.other,
      'rounds 1×200': `${r.roundsWithOneSuccess}/${r.rounds}`,
      'p50 ms': r.decisionP50Ms,
      'p99 ms': r.decisionP99Ms,
      'rounds/s': r.roundsPerSecond,
      'race rounds/s': r.raceRoundsPerSecond,
      'database checks': r.databaseChecks,
      result: r.pass ? 'PASS' : 'FAIL',
    })),
  );
  for (const r of results) {
    for (const problem of r.problems) {
      console.error(`${r.db}: ${problem}`);
    }
    for (const bad of r.badRounds) {
      console.error(`${r.db}: round ${bad.round}: ${JSON.stringify(bad)}`);
    }
  }
  const file = writeResults('decisions', {
    rounds,
    clients,
    prepareConcurrency,
    results,
  });
  console.log(`figures written to ${file}`);
  // Timers of the stopped backends would keep the process alive.
  process.exit(results.every(r => r.pass) ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
