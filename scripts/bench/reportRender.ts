/*
 * The benchmark report as a pure function of the figures the benchmarks
 * wrote (bench-results/<name>-<time>.json): targets with PASS/FAIL and, for
 * a miss, its ratio to the limit; inline SVG charts of time, latency and
 * memory against the number of systems per database; the tables behind
 * them. Unknown latency scenarios (e.g. a replica scenario) are rendered
 * like the known ones.
 */

/** One latency scenario of the register bench. */
export type LatencyFigures = {
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests?: number;
  requestsPerSecond?: number;
};

/** bench-results/registry-*.json, as far as the report reads it. */
export type RegistryFigures = {
  clients?: number;
  results: Array<{
    db: string;
    size: number;
    mode: string;
    ingestSeconds: number;
    ingestCpuSeconds?: number;
    projectionSeconds?: number;
    peakRssMb: number;
    latency?: Record<string, LatencyFigures>;
  }>;
};

/**
 * bench-results/registry-replica-*.json: latency against a separate backend
 * replica (any scenarios).
 */
export type ReplicaFigures = {
  size: number;
  db: string;
  clients?: number;
  latency: Record<string, LatencyFigures>;
};

/** bench-results/readiness-*.json. */
export type ReadinessFigures = {
  results: Array<{
    db: string;
    systems: number;
    seconds: number;
    peakRssMb: number;
    secondRunRowsWritten?: number;
  }>;
};

/** bench-results/decisions-*.json. */
export type DecisionsFigures = {
  rounds: number;
  clients: number;
  results: Array<{
    db: string;
    rounds: number;
    clients: number;
    success: number;
    conflict: number;
    other: number;
    roundsWithOneSuccess: number;
    decisionP50Ms: number;
    decisionP99Ms: number;
    roundsPerSecond: number;
    databaseChecks?: string;
    peakRssMb?: number;
    pass: boolean;
  }>;
};

/** bench-results/plans-*.json. */
export type PlansFigures = {
  size: number;
  threshold: number;
  results: Array<{
    db: string;
    plugin: string;
    queries: Array<{
      store: string;
      scenario: string;
      topNode: string;
      access: Array<{ table: string; node: string; index?: string }>;
      executionMs: number;
      seqScans: string[];
    }>;
  }>;
  violations: Array<{
    db: string;
    store: string;
    scenario: string;
    tables: string[];
  }>;
};

/** Everything the report is made of; any part may be missing. */
export type ReportInput = {
  registry?: RegistryFigures[];
  replica?: ReplicaFigures[];
  readiness?: ReadinessFigures[];
  decisions?: DecisionsFigures[];
  plans?: PlansFigures[];
  /** Shown under the title (e.g. the files the figures come from). */
  sources?: string[];
  generatedAt?: string;
};

/** One row of the targets table. */
export type TargetRow = {
  target: string;
  value: string;
  limit: string;
  result: 'PASS' | 'FAIL' | 'not measured' | 'reported';
  /** For a miss: the value's ratio to the limit. */
  miss?: string;
};

const DBS_PG = new Set(['postgres', 'pg']);

function isPg(db: string): boolean {
  return DBS_PG.has(db);
}

function dbName(db: string): string {
  return isPg(db) ? 'PostgreSQL' : db === 'sqlite' ? 'SQLite' : db;
}

function fmt(n: number | undefined, digits = 1): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(digits);
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A check of a value against an upper limit. */
function upTo(
  target: string,
  value: number | undefined,
  limit: number,
  unit: string,
  extraFail = false,
): TargetRow {
  if (value === undefined || !Number.isFinite(value)) {
    return {
      target,
      value: '—',
      limit: `≤ ${fmt(limit, 2)}${unit}`,
      result: 'not measured',
    };
  }
  const pass = value <= limit && !extraFail;
  return {
    target,
    value: `${fmt(value, 2)}${unit}`,
    limit: `≤ ${fmt(limit, 2)}${unit}`,
    result: pass ? 'PASS' : 'FAIL',
    ...(pass
      ? {}
      : {
          miss:
            value > limit
              ? `×${(value / limit).toFixed(2)} the limit (+${fmt(
                  value - limit,
                  2,
                )}${unit})`
              : 'errors during the run',
        }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

type RegistryRun = RegistryFigures['results'][number];

/** The runs of every registry file; for repeated runs, the median ingestion. */
function registryRuns(input: ReportInput): RegistryRun[] {
  const groups = new Map<string, RegistryRun[]>();
  for (const file of input.registry ?? []) {
    for (const r of file.results) {
      const key = `${r.db}|${r.size}|${r.mode}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  return [...groups.values()].map(runs => {
    const sorted = [...runs].sort((a, b) => a.ingestSeconds - b.ingestSeconds);
    return {
      ...sorted[Math.floor((sorted.length - 1) / 2)],
      ingestSeconds: median(runs.map(r => r.ingestSeconds)),
    };
  });
}

/** The targets of the issue, on PostgreSQL. */
export function targets(input: ReportInput): TargetRow[] {
  const rows: TargetRow[] = [];
  const runs = registryRuns(input).filter(r => isPg(r.db));
  const at = (mode: string, size: number) =>
    runs.find(r => r.mode === mode && r.size === size);
  const plain = at('plain', 100_000);
  const reg = at('registry', 100_000);
  // Wall time swings with whatever else the machine does while each mode
  // runs; the process's CPU time does less. The verdict takes the larger of
  // the two ratios, and the row shows both.
  const wallRatio =
    plain && reg ? reg.ingestSeconds / plain.ingestSeconds : undefined;
  const cpuRatio =
    plain?.ingestCpuSeconds && reg?.ingestCpuSeconds
      ? reg.ingestCpuSeconds / plain.ingestCpuSeconds
      : undefined;
  const ingestion = upTo(
    'ingestion of 100,000 systems, registry / plain (the larger of wall and CPU time)',
    wallRatio === undefined
      ? undefined
      : Math.max(wallRatio, cpuRatio ?? wallRatio),
    1.15,
    '',
  );
  if (wallRatio !== undefined) {
    ingestion.value = `${fmt(wallRatio, 2)} wall, ${
      cpuRatio === undefined ? '—' : fmt(cpuRatio, 2)
    } CPU`;
  }
  rows.push(ingestion);
  const latency = reg?.latency ?? {};
  const list = latency.list;
  rows.push(
    upTo(
      'register list p99, 50 clients, 100,000 systems',
      list?.p99Ms,
      150,
      ' ms',
      (list?.errors ?? 0) > 0,
    ),
  );
  const stats = latency.stats;
  rows.push(
    upTo(
      'stats p99, 50 clients, 100,000 systems',
      stats?.p99Ms,
      300,
      ' ms',
      (stats?.errors ?? 0) > 0,
    ),
  );
  const errors = Object.values(latency).reduce(
    (n, l) => n + (l.errors ?? 0),
    0,
  );
  rows.push(
    reg?.latency
      ? {
          target: 'no errors under load (all scenarios)',
          value: `${errors} errors`,
          limit: '0',
          result: errors === 0 ? 'PASS' : 'FAIL',
          ...(errors ? { miss: `${errors} failed requests` } : {}),
        }
      : {
          target: 'no errors under load (all scenarios)',
          value: '—',
          limit: '0',
          result: 'not measured',
        },
  );
  const replica = (input.replica ?? []).find(
    r => isPg(r.db) && r.size === 100_000,
  );
  if (replica) {
    const errs = Object.values(replica.latency).reduce(
      (n, l) => n + (l.errors ?? 0),
      0,
    );
    rows.push(
      upTo(
        'replica: register list p99, 100,000 systems',
        replica.latency.list?.p99Ms,
        150,
        ' ms',
        errs > 0,
      ),
      upTo(
        'replica: stats p99, 100,000 systems',
        replica.latency.stats?.p99Ms,
        300,
        ' ms',
        errs > 0,
      ),
    );
  }
  const readiness = (input.readiness ?? [])
    .flatMap(f => f.results)
    .filter(r => isPg(r.db) && r.systems >= 10_000)
    .sort((a, b) => a.systems - b.systems)[0];
  rows.push(
    upTo(
      `readiness over ${readiness ? fmt(readiness.systems) : '10,000'} systems`,
      readiness ? (readiness.seconds / readiness.systems) * 10_000 : undefined,
      300,
      ' s',
    ),
  );
  const decisions = (input.decisions ?? [])
    .flatMap(f => f.results)
    .filter(r => isPg(r.db))
    .sort((a, b) => b.rounds - a.rounds)[0];
  if (decisions) {
    const ok =
      decisions.pass &&
      decisions.roundsWithOneSuccess === decisions.rounds &&
      decisions.conflict === decisions.rounds * (decisions.clients - 1);
    const bad = decisions.rounds - decisions.roundsWithOneSuccess;
    rows.push({
      target: `${decisions.clients} concurrent decisions: 1 × 200 and ${
        decisions.clients - 1
      } × 409, no lost update`,
      value: `${decisions.roundsWithOneSuccess}/${decisions.rounds} rounds; ${
        decisions.success
      } × 200, ${decisions.conflict} × 409, ${
        decisions.other
      } other; database ${decisions.databaseChecks ?? '?'}`,
      limit: 'all of 1,000 rounds',
      // Fewer rounds than the target's 1,000 measure nothing conclusive.
      result: !ok ? 'FAIL' : decisions.rounds >= 1000 ? 'PASS' : 'not measured',
      ...(ok ? {} : { miss: `${bad} round(s) without exactly one success` }),
    });
  } else {
    rows.push({
      target: '50 concurrent decisions: 1 × 200 and 49 × 409',
      value: '—',
      limit: 'all of 1,000 rounds',
      result: 'not measured',
    });
  }
  const plans = (input.plans ?? []).filter(p =>
    p.results.some(r => isPg(r.db)),
  );
  const plan = plans.sort((a, b) => b.size - a.size)[0];
  if (plan) {
    const seq = plan.violations.filter(v => isPg(v.db));
    const statements = plan.results
      .filter(r => isPg(r.db))
      .reduce((n, r) => n + r.queries.length, 0);
    rows.push({
      target: `every read served by an index at ${fmt(
        plan.size,
      )} systems (no Seq Scan of a table > ${fmt(plan.threshold)} rows)`,
      value: `${seq.length} of ${statements} statements`,
      limit: '0',
      result: seq.length === 0 ? 'PASS' : 'FAIL',
      ...(seq.length
        ? {
            miss: seq
              .map(v => `${v.store} · ${v.scenario} (${v.tables.join(', ')})`)
              .join('; '),
          }
        : {}),
    });
  }
  rows.push({
    target: 'peak backend memory during ingestion of 100,000 systems',
    value: reg
      ? `${fmt(reg.peakRssMb)} MB (plain ${fmt(plain?.peakRssMb)} MB)`
      : '—',
    limit: 'reported',
    result: reg ? 'reported' : 'not measured',
  });
  return rows;
}

/** A chart series: a name and (x, y) points. */
export type Series = { name: string; points: Array<[number, number]> };

const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];

/**
 * A line chart as inline SVG. The x values (numbers of systems) are placed
 * evenly in ascending order, as categories; y starts at 0.
 */
export function lineChart(options: {
  title: string;
  yLabel: string;
  series: Series[];
}): string {
  const { title, yLabel } = options;
  const series = options.series.filter(s => s.points.length);
  const width = 560;
  const height = 300;
  const left = 60;
  const right = 170;
  const top = 30;
  const bottom = 40;
  const xs = [...new Set(series.flatMap(s => s.points.map(p => p[0])))].sort(
    (a, b) => a - b,
  );
  const yMax = Math.max(1e-9, ...series.flatMap(s => s.points.map(p => p[1])));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const xOf = (x: number) =>
    left +
    (xs.length <= 1 ? plotW / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotW);
  const yOf = (y: number) => top + plotH - (y / yMax) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(title)}</title>`,
    `<text x="${left}" y="16" font-size="13" font-weight="bold">${esc(
      title,
    )}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${
      top + plotH
    }" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${
      top + plotH
    }" stroke="#333"/>`,
    `<text x="12" y="${top + plotH / 2}" transform="rotate(-90 12 ${
      top + plotH / 2
    })" text-anchor="middle">${esc(yLabel)}</text>`,
    `<text x="${left + plotW / 2}" y="${
      height - 6
    }" text-anchor="middle">systems</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const y = (yMax * k) / 4;
    parts.push(
      `<line x1="${left}" y1="${yOf(y)}" x2="${left + plotW}" y2="${yOf(
        y,
      )}" stroke="#ddd"/>`,
      `<text x="${left - 4}" y="${yOf(y) + 4}" text-anchor="end">${esc(
        fmt(Math.round(y * 10) / 10),
      )}</text>`,
    );
  }
  for (const x of xs) {
    parts.push(
      `<text x="${xOf(x)}" y="${top + plotH + 14}" text-anchor="middle">${esc(
        fmt(x),
      )}</text>`,
    );
  }
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const points = [...s.points].sort((a, b) => a[0] - b[0]);
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points
        .map(([x, y]) => `${xOf(x).toFixed(1)},${yOf(y).toFixed(1)}`)
        .join(' ')}"/>`,
      ...points.map(
        ([x, y]) =>
          `<circle cx="${xOf(x).toFixed(1)}" cy="${yOf(y).toFixed(
            1,
          )}" r="3" fill="${color}"><title>${esc(
            `${s.name}: ${fmt(x)} systems, ${fmt(y)}`,
          )}</title></circle>`,
      ),
      `<rect x="${width - right + 10}" y="${
        top + i * 16
      }" width="10" height="10" fill="${color}"/>`,
      `<text x="${width - right + 24}" y="${top + i * 16 + 9}">${esc(
        s.name,
      )}</text>`,
    );
  });
  if (!series.length) {
    parts.push(`<text x="${left + 10}" y="${top + 20}">no figures</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

function table(
  header: string[],
  rows: Array<Array<string | number | undefined>>,
): string {
  const cell = (v: string | number | undefined) =>
    String(v === undefined ? '—' : typeof v === 'number' ? fmt(v) : v).replace(
      /\|/g,
      '\\|',
    );
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The charts of the report, as SVG strings with their captions. */
export function charts(
  input: ReportInput,
): Array<{ caption: string; svg: string }> {
  const runs = registryRuns(input);
  const dbs = [...new Set(runs.map(r => r.db))].sort();
  const result: Array<{ caption: string; svg: string }> = [];
  for (const db of dbs) {
    const mine = runs.filter(r => r.db === db);
    const modes = [...new Set(mine.map(r => r.mode))];
    result.push({
      caption: `Ingestion time against systems, ${dbName(
        db,
      )} (modes of the same run)`,
      svg: lineChart({
        title: `Ingestion, ${dbName(db)}`,
        yLabel: 'seconds',
        series: modes.map(mode => ({
          name: mode,
          points: mine
            .filter(r => r.mode === mode)
            .map(r => [r.size, r.ingestSeconds]),
        })),
      }),
    });
    const withLatency = mine.filter(r => r.latency);
    const scenarios = [
      ...new Set(withLatency.flatMap(r => Object.keys(r.latency!))),
    ];
    if (scenarios.length) {
      result.push({
        caption: `Latency p99 against systems, ${dbName(db)}`,
        svg: lineChart({
          title: `Latency p99, ${dbName(db)}`,
          yLabel: 'ms',
          series: scenarios.map(s => ({
            name: s,
            points: withLatency
              .filter(r => r.latency![s])
              .map(r => [r.size, r.latency![s].p99Ms] as [number, number]),
          })),
        }),
      });
    }
    result.push({
      caption: `Peak memory (RSS of the process running the backend) against systems, ${dbName(
        db,
      )}`,
      svg: lineChart({
        title: `Peak memory, ${dbName(db)}`,
        yLabel: 'MB',
        series: modes.map(mode => ({
          name: mode,
          points: mine
            .filter(r => r.mode === mode)
            .map(r => [r.size, r.peakRssMb]),
        })),
      }),
    });
  }
  const replicas = input.replica ?? [];
  for (const db of [...new Set(replicas.map(r => r.db))].sort()) {
    const mine = replicas.filter(r => r.db === db);
    const scenarios = [...new Set(mine.flatMap(r => Object.keys(r.latency)))];
    result.push({
      caption: `Latency p99 against systems, separate replica, ${dbName(db)}`,
      svg: lineChart({
        title: `Replica latency p99, ${dbName(db)}`,
        yLabel: 'ms',
        series: scenarios.map(s => ({
          name: s,
          points: mine
            .filter(r => r.latency[s])
            .map(r => [r.size, r.latency[s].p99Ms] as [number, number]),
        })),
      }),
    });
  }
  const readiness = (input.readiness ?? []).flatMap(f => f.results);
  if (readiness.length) {
    const rdbs = [...new Set(readiness.map(r => r.db))].sort();
    result.push({
      caption: 'Security readiness evaluation time against systems',
      svg: lineChart({
        title: 'Readiness evaluation',
        yLabel: 'seconds',
        series: rdbs.map(db => ({
          name: dbName(db),
          points: readiness
            .filter(r => r.db === db)
            .map(r => [r.systems, r.seconds]),
        })),
      }),
    });
  }
  return result;
}

/** The report as Markdown with inline SVG charts. */
export function renderMarkdown(input: ReportInput): string {
  const out: string[] = ['# QazTech benchmark report', ''];
  if (input.generatedAt) out.push(`Generated ${input.generatedAt}.`, '');
  if (input.sources?.length) {
    out.push(
      `Figures from: ${input.sources.map(s => `\`${s}\``).join(', ')}.`,
      '',
    );
  }
  out.push('## Targets (PostgreSQL)', '');
  out.push(
    table(
      ['target', 'value', 'limit', 'result', 'by how much'],
      targets(input).map(t => [
        t.target,
        t.value,
        t.limit,
        t.result,
        t.miss ?? '',
      ]),
    ),
    '',
  );
  out.push('## Charts', '');
  for (const chart of charts(input)) {
    out.push(`**${chart.caption}**`, '', chart.svg, '');
  }
  const runs = registryRuns(input);
  if (runs.length) {
    const scenarios = [
      ...new Set(runs.flatMap(r => Object.keys(r.latency ?? {}))),
    ];
    out.push('## Register', '');
    out.push(
      table(
        [
          'database',
          'systems',
          'mode',
          'ingestion s',
          'CPU s',
          'projection s',
          'peak MB',
          ...scenarios.map(s => `${s} p50/p99 ms (errors)`),
        ],
        [...runs]
          .sort(
            (a, b) =>
              a.db.localeCompare(b.db) ||
              a.size - b.size ||
              a.mode.localeCompare(b.mode),
          )
          .map(r => [
            dbName(r.db),
            r.size,
            r.mode,
            r.ingestSeconds,
            r.ingestCpuSeconds,
            r.projectionSeconds,
            r.peakRssMb,
            ...scenarios.map(s => {
              const l = r.latency?.[s];
              return l
                ? `${fmt(l.p50Ms)} / ${fmt(l.p99Ms)} (${l.errors})`
                : '—';
            }),
          ]),
      ),
      '',
    );
    const ratios = [...new Set(runs.map(r => `${r.db}|${r.size}`))].flatMap(
      key => {
        const [db, size] = key.split('|');
        const plain = runs.find(
          r => r.db === db && r.size === Number(size) && r.mode === 'plain',
        );
        const reg = runs.find(
          r => r.db === db && r.size === Number(size) && r.mode === 'registry',
        );
        return plain && reg
          ? [
              [
                dbName(db),
                Number(size),
                plain.ingestSeconds,
                reg.ingestSeconds,
                Math.round((reg.ingestSeconds / plain.ingestSeconds) * 100) /
                  100,
              ],
            ]
          : [];
      },
    );
    if (ratios.length) {
      out.push('Ingestion, registry against plain in the same run:', '');
      out.push(
        table(
          ['database', 'systems', 'plain s', 'registry s', 'ratio'],
          ratios,
        ),
        '',
      );
    }
  }
  const replicas = input.replica ?? [];
  if (replicas.length) {
    const scenarios = [
      ...new Set(replicas.flatMap(r => Object.keys(r.latency))),
    ];
    out.push('## Register latency on a separate replica', '');
    out.push(
      table(
        [
          'database',
          'systems',
          ...scenarios.map(s => `${s} p50/p99 ms (errors)`),
        ],
        [...replicas]
          .sort((a, b) => a.db.localeCompare(b.db) || a.size - b.size)
          .map(r => [
            dbName(r.db),
            r.size,
            ...scenarios.map(s => {
              const l = r.latency[s];
              return l
                ? `${fmt(l.p50Ms)} / ${fmt(l.p99Ms)} (${l.errors})`
                : '—';
            }),
          ]),
      ),
      '',
    );
  }
  const readiness = (input.readiness ?? []).flatMap(f => f.results);
  if (readiness.length) {
    out.push('## Security readiness', '');
    out.push(
      table(
        [
          'database',
          'systems',
          'seconds',
          'peak MB',
          'second run rows written',
        ],
        readiness.map(r => [
          dbName(r.db),
          r.systems,
          r.seconds,
          r.peakRssMb,
          r.secondRunRowsWritten,
        ]),
      ),
      '',
    );
  }
  const decisions = (input.decisions ?? []).flatMap(f => f.results);
  if (decisions.length) {
    out.push('## Concurrent decisions', '');
    out.push(
      table(
        [
          'database',
          'rounds',
          'clients',
          '200',
          '409',
          'other',
          'rounds with 1 × 200',
          'p50 ms',
          'p99 ms',
          'rounds/s',
          'database checks',
        ],
        decisions.map(r => [
          dbName(r.db),
          r.rounds,
          r.clients,
          r.success,
          r.conflict,
          r.other,
          r.roundsWithOneSuccess,
          r.decisionP50Ms,
          r.decisionP99Ms,
          r.roundsPerSecond,
          r.databaseChecks,
        ]),
      ),
      '',
    );
  }
  for (const plan of input.plans ?? []) {
    out.push(`## Query plans at ${fmt(plan.size)} systems`, '');
    out.push(
      table(
        [
          'database',
          'plugin',
          'statements',
          'sequential scans of large tables',
          'slowest statement',
        ],
        plan.results.map(r => {
          const slowest = [...r.queries].sort(
            (a, b) => b.executionMs - a.executionMs,
          )[0];
          return [
            dbName(r.db),
            r.plugin,
            r.queries.length,
            r.queries.filter(q => q.seqScans.length).length,
            slowest
              ? `${slowest.store} · ${slowest.scenario}: ${fmt(
                  slowest.executionMs,
                )} ms`
              : '—',
          ];
        }),
      ),
      '',
    );
    if (plan.violations.length) {
      out.push(
        ...plan.violations.map(
          v =>
            `- ${dbName(v.db)} ${v.store} · ${v.scenario}: ${v.tables.join(
              ', ',
            )}`,
        ),
        '',
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** The same report as a standalone HTML page. */
export function renderHtml(input: ReportInput): string {
  const md = renderMarkdown(input);
  const body: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (!rows.length) return;
    const cells = (line: string) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(c => c.trim().replace(/\\\|/g, '|'));
    const [head, , ...rest] = rows;
    body.push(
      `<table><thead><tr>${cells(head)
        .map(c => `<th>${esc(c)}</th>`)
        .join('')}</tr></thead><tbody>${rest
        .map(
          r =>
            `<tr>${cells(r)
              .map(
                c =>
                  `<td class="${/^(PASS|FAIL)$/.test(c) ? c : ''}">${esc(
                    c,
                  )}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`,
    );
    rows = [];
  };
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      rows.push(line);
      continue;
    }
    flush();
    if (line.startsWith('<svg')) body.push(line);
    else if (line.startsWith('## '))
      body.push(`<h2>${esc(line.slice(3))}</h2>`);
    else if (line.startsWith('# ')) body.push(`<h1>${esc(line.slice(2))}</h1>`);
    else if (line.startsWith('- ')) body.push(`<p>• ${esc(line.slice(2))}</p>`);
    else if (line.startsWith('**'))
      body.push(`<p><b>${esc(line.replace(/\*\*/g, ''))}</b></p>`);
    else if (line.trim()) body.push(`<p>${esc(line.replace(/`/g, ''))}</p>`);
  }
  flush();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QazTech benchmark report</title><style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}td.PASS{background:#dfd}td.FAIL{background:#fdd}</style></head><body>${body.join(
    '\n',
  )}</body></html>\n`;
}
