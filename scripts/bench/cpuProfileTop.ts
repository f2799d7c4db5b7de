/*
 * The top of a V8 CPU profile (.cpuprofile, as `node --cpu-prof` or
 * `yarn bench:load --profile DIR` writes it): self time by function and by
 * package, so a before/after of a fix can be read in a terminal.
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     scripts/bench/cpuProfileTop.ts FILE.cpuprofile [--top 15]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
  };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** A row of the top: a name, its self time and share of all samples. */
export interface TopRow {
  name: string;
  selfMs: number;
  percent: number;
}

/** Where a script comes from: its package, or the repository folder. */
function origin(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const repo = /\/(plugins|packages|scripts)\/([^/]+)/.exec(url);
  return repo ? `${repo[1]}/${repo[2]}` : url;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const repo = /\/((plugins|packages|scripts)\/.*)$/.exec(url);
  return repo ? repo[1] : url;
}

/** Self time by function and by package of a profile. */
export function profileTop(
  profile: Profile,
  top = 15,
): { totalMs: number; functions: TopRow[]; packages: TopRow[] } {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (url === 'node:inspector' || url === 'node:inspector/promises') {
      continue; // the in-process profiler starting and stopping itself
    }
    total += us;
    const name = url
      ? `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`
      : functionName || '(anonymous)';
    functions.set(name, (functions.get(name) ?? 0) + us);
    const pkg = origin(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        selfMs: Math.round(us / 1000),
        percent: Math.round((us / total) * 1000) / 10,
      }));
  return {
    totalMs: Math.round(total / 1000),
    functions: rows(functions),
    packages: rows(packages),
  };
}

/**
 * Self time summed by the part of a request it serves, by where the code
 * comes from (async continuations have no caller in a CPU profile, so
 * inclusive time under a handler would miss most of it).
 */
export const REQUEST_PARTS: Array<[string, RegExp]> = [
  [
    'permission round trip (client, permission backend, policy, plugin tokens)',
    /^(@backstage\/plugin-permission-|plugins\/permission-backend-module|node-fetch$|jose$)/,
  ],
  ['register (registry-backend, registry-common)', /^plugins\/registry-/],
  ['catalog backend', /^@backstage\/plugin-catalog-/],
  [
    'database driver (knex, pg)',
    /^(knex|pg|pg-protocol|pg-pool|better-sqlite3)$/,
  ],
  [
    'HTTP framework and validation',
    /^(express|express-openapi-validator|body-parser|qs|path-to-regexp|ajv|content-type)$/,
  ],
  ['node core (HTTP, streams, crypto)', /^node$/],
  ['native (socket writes, GC, idle)', /^\(native\)$/],
];

/** Self time by request part from a profile's package rows (all of them). */
export function byPart(
  profile: Profile,
): Array<{ part: string; selfMs: number; percent: number }> {
  const { packages, totalMs } = profileTop(profile, Number.MAX_SAFE_INTEGER);
  const sums = new Map<string, number>();
  for (const row of packages) {
    const part =
      REQUEST_PARTS.find(([, re]) => re.test(row.name))?.[0] ?? 'other';
    sums.set(part, (sums.get(part) ?? 0) + row.selfMs);
  }
  return [...sums]
    .sort((x, y) => y[1] - x[1])
    .map(([part, ms]) => ({
      part,
      selfMs: ms,
      percent: Math.round((ms / totalMs) * 1000) / 10,
    }));
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    throw new Error('usage: cpuProfileTop.ts FILE.cpuprofile [--top 15]');
  }
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) : 15;
  const result = profileTop(JSON.parse(readFileSync(file, 'utf8')), top);
  console.log(`${file}: ${result.totalMs} ms of samples`);
  console.table(result.packages);
  console.table(result.functions);
  console.table(byPart(JSON.parse(readFileSync(file, 'utf8'))));
}
