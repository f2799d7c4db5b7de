import {
  ReportInput,
  lineChart,
  renderHtml,
  renderMarkdown,
  targets,
} from './reportRender';

const latency = (p99Ms: number, errors = 0) => ({
  requests: 1000,
  errors,
  p50Ms: p99Ms / 3,
  p99Ms,
  requestsPerSecond: 100,
});

/** Figures as the benchmarks write them, at two sizes on PostgreSQL. */
const input: ReportInput = {
  registry: [
    {
      clients: 50,
      results: [
        {
          db: 'postgres',
          size: 10_000,
          mode: 'plain',
          ingestSeconds: 60,
          peakRssMb: 900,
        },
        {
          db: 'postgres',
          size: 10_000,
          mode: 'registry',
          ingestSeconds: 66,
          peakRssMb: 950,
          latency: { list: latency(40), stats: latency(80) },
        },
        {
          db: 'postgres',
          size: 100_000,
          mode: 'plain',
          ingestSeconds: 600,
          ingestCpuSeconds: 300,
          peakRssMb: 2100,
        },
        {
          db: 'postgres',
          size: 100_000,
          mode: 'registry',
          ingestSeconds: 720,
          ingestCpuSeconds: 330,
          peakRssMb: 2300,
          latency: {
            list: latency(120),
            stats: latency(450),
            replicaList: latency(90),
          },
        },
      ],
    },
  ],
  readiness: [
    { results: [{ db: 'pg', systems: 10_000, seconds: 100, peakRssMb: 400 }] },
  ],
  decisions: [
    {
      rounds: 1000,
      clients: 50,
      results: [
        {
          db: 'postgres',
          rounds: 1000,
          clients: 50,
          success: 1000,
          conflict: 49_000,
          other: 0,
          roundsWithOneSuccess: 1000,
          decisionP50Ms: 200,
          decisionP99Ms: 600,
          roundsPerSecond: 2,
          databaseChecks: 'PASS',
          pass: true,
        },
      ],
    },
  ],
};

describe('the benchmark report', () => {
  it('passes and fails each target against its limit, with the ratio of a miss', () => {
    const rows = targets(input);
    const row = (start: string) => rows.find(r => r.target.startsWith(start))!;
    // The larger of the wall (1.20) and CPU (1.10) ratios decides.
    expect(row('ingestion')).toMatchObject({
      value: '1.20 wall, 1.10 CPU',
      result: 'FAIL',
      miss: expect.stringContaining('×1.04'),
    });
    expect(row('register list p99')).toMatchObject({
      result: 'PASS',
      value: '120 ms',
    });
    expect(row('stats p99')).toMatchObject({
      result: 'FAIL',
      miss: expect.stringContaining('×1.50'),
    });
    expect(row('readiness')).toMatchObject({ result: 'PASS', value: '100 s' });
    expect(row('50 concurrent decisions')).toMatchObject({ result: 'PASS' });
    expect(row('peak backend memory')).toMatchObject({
      result: 'reported',
      value: expect.stringContaining('2,300 MB'),
    });
  });

  it('fails the ingestion target on the CPU ratio when wall time looks better', () => {
    const cpuWorse: ReportInput = {
      registry: [
        {
          ...input.registry![0],
          results: input.registry![0].results.map(r =>
            r.size === 100_000
              ? {
                  ...r,
                  ingestSeconds: r.mode === 'plain' ? 700 : 735,
                  ingestCpuSeconds: r.mode === 'plain' ? 300 : 360,
                }
              : r,
          ),
        },
      ],
    };
    expect(
      targets(cpuWorse).find(r => r.target.startsWith('ingestion')),
    ).toMatchObject({
      value: '1.05 wall, 1.20 CPU',
      result: 'FAIL',
      miss: expect.stringContaining('×1.04'),
    });
  });

  it('fails the decisions target when a round had two successes, and leaves missing figures unmeasured', () => {
    const broken: ReportInput = {
      decisions: [
        {
          ...input.decisions![0],
          results: [
            {
              ...input.decisions![0].results[0],
              success: 1001,
              conflict: 48_999,
              roundsWithOneSuccess: 999,
              pass: false,
            },
          ],
        },
      ],
    };
    const rows = targets(broken);
    expect(
      rows.find(r => r.target.includes('concurrent decisions')),
    ).toMatchObject({
      result: 'FAIL',
      miss: '1 round(s) without exactly one success',
    });
    expect(rows.find(r => r.target.startsWith('ingestion'))!.result).toBe(
      'not measured',
    );
  });

  it('fails on errors under load even when the latency is within its limit', () => {
    const withErrors: ReportInput = {
      registry: [
        {
          results: [
            {
              db: 'postgres',
              size: 100_000,
              mode: 'registry',
              ingestSeconds: 1,
              peakRssMb: 1,
              latency: { list: latency(100, 3) },
            },
          ],
        },
      ],
    };
    const rows = targets(withErrors);
    expect(rows.find(r => r.target.startsWith('register list'))!.result).toBe(
      'FAIL',
    );
    expect(rows.find(r => r.target.startsWith('no errors'))).toMatchObject({
      result: 'FAIL',
      value: '3 errors',
    });
  });

  it('renders every latency scenario it finds, in the tables and the charts', () => {
    const md = renderMarkdown(input);
    expect(md).toContain(
      '| ingestion of 100,000 systems, registry / plain (the larger of wall and CPU time) | 1.20 wall, 1.10 CPU | ≤ 1.15 | FAIL |',
    );
    expect(md).toContain('replicaList p50/p99 ms (errors)');
    expect(md).toContain('<title>replicaList: 100,000 systems, 90</title>');
    expect(md).toContain('Ingestion, PostgreSQL');
    const html = renderHtml(input);
    expect(html).toContain('<td class="FAIL">FAIL</td>');
    expect(html.match(/<svg /g)!.length).toBe(md.match(/<svg /g)!.length);
  });

  it('draws one polyline a series, points placed in ascending order of systems', () => {
    const svg = lineChart({
      title: 'x',
      yLabel: 'seconds',
      series: [
        {
          name: 'plain',
          points: [
            [100_000, 10],
            [1000, 0],
          ],
        },
      ],
    });
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    const points = svg
      .match(/points="([^"]+)"/)![1]
      .split(' ')
      .map(p => p.split(',').map(Number));
    expect(points[0][0]).toBeLessThan(points[1][0]);
    // The larger value is drawn higher (smaller y).
    expect(points[1][1]).toBeLessThan(points[0][1]);
  });
});
