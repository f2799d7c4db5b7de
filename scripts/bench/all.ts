/*
 * yarn bench — every benchmark of the suite on SQLite and PostgreSQL, then
 * the report (bench-results/report.md and report.html):
 *   bench:registry   --sizes 10000,100000 (--quick: 1000,10000)
 *   bench:registry-replica --size 100000 (--quick: 10000), per database
 *   bench:readiness  --sizes 1000,10000   (--quick: 1000)
 *   bench:decisions  --rounds 1000        (--quick: 100)
 *   bench:plans      --size 100000        (also with --quick)
 * Each runs in its own process (one crash does not lose the others'
 * figures); the report is rendered from the JSON files they wrote. Exit 1
 * when a benchmark failed or a target is missed.
 *
 * Options: --quick  --only registry,registry-replica,readiness,decisions,plans
 *          --dbs sqlite,postgres
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RESULTS_DIR, arg, flag } from './cli';
import { kindOf, readInput } from './report';
import { renderHtml, renderMarkdown, targets } from './reportRender';

const quick = flag('quick');
const dbs = arg('dbs', 'sqlite,postgres');
const only = arg(
  'only',
  'registry,registry-replica,readiness,decisions,plans',
).split(',');

const BENCHES: Array<{ name: string; script: string; args: string[] }> = [
  {
    name: 'registry',
    script: 'registry.ts',
    args: ['--sizes', quick ? '1000,10000' : '10000,100000', '--dbs', dbs],
  },
  // The register's latency on a register-only replica at full size, one
  // database at a time (the script takes one).
  ...dbs.split(',').map(db => ({
    name: 'registry-replica',
    script: 'registryReplicaLatency.ts',
    args: ['--size', quick ? '10000' : '100000', '--db', db],
  })),
  {
    name: 'readiness',
    script: 'readiness.ts',
    args: ['--sizes', quick ? '1000' : '1000,10000', '--db', dbs],
  },
  {
    name: 'decisions',
    script: 'decisions.ts',
    args: ['--rounds', quick ? '100' : '1000', '--db', dbs],
  },
  {
    name: 'plans',
    script: 'plans.ts',
    // Plans depend on table sizes: at 10,000 systems PostgreSQL rightly
    // reads a 40,000-row table whole, so the check runs at the size its
    // target names even with --quick (about three minutes).
    args: ['--size', '100000', '--db', dbs],
  },
];

function resultFiles(): Set<string> {
  try {
    return new Set(readdirSync(RESULTS_DIR).filter(n => kindOf(n)));
  } catch {
    return new Set();
  }
}

function main() {
  const before = resultFiles();
  const failed: string[] = [];
  for (const bench of BENCHES.filter(b => only.includes(b.name))) {
    process.stderr.write(`\n=== bench:${bench.name} ${bench.args.join(' ')}\n`);
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        resolve(__dirname, bench.script),
        ...bench.args,
      ],
      { stdio: 'inherit', cwd: resolve(__dirname, '../..') },
    );
    process.stderr.write(
      `=== bench:${bench.name} exited ${run.status} after ${Math.round(
        (Date.now() - started) / 1000,
      )} s\n`,
    );
    if (run.status !== 0) failed.push(bench.name);
  }
  const written = [...resultFiles()]
    .filter(n => !before.has(n))
    .sort()
    .map(n => resolve(RESULTS_DIR, n));
  const input = readInput(written);
  writeFileSync(resolve(RESULTS_DIR, 'report.md'), renderMarkdown(input));
  writeFileSync(resolve(RESULTS_DIR, 'report.html'), renderHtml(input));
  const rows = targets(input);
  console.table(rows);
  console.log(`report written to ${resolve(RESULTS_DIR, 'report.md')}`);
  if (failed.length) console.error(`failed: ${failed.join(', ')}`);
  process.exit(failed.length || rows.some(r => r.result === 'FAIL') ? 1 : 0);
}

main();
