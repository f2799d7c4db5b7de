/*
 * yarn bench:report — renders bench-results/report.md and report.html from
 * the JSON files the benchmarks wrote, without running anything, so a long
 * run can be rendered again.
 *
 *   yarn bench:report                      the latest file of each benchmark
 *   yarn bench:report --files a.json,b.json  exactly these files
 *   yarn bench:report --out DIR            where to write (bench-results)
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { RESULTS_DIR, arg } from './cli';
import {
  ReportInput,
  renderHtml,
  renderMarkdown,
  targets,
} from './reportRender';

/** The kinds of results file, each named <kind>-<time>.json. */
const KINDS = [
  'registry-replica',
  'registry',
  'readiness',
  'decisions',
  'plans',
] as const;
type Kind = (typeof KINDS)[number];
const INPUT_KEY: Record<Kind, keyof ReportInput> = {
  'registry-replica': 'replica',
  registry: 'registry',
  readiness: 'readiness',
  decisions: 'decisions',
  plans: 'plans',
};

/** The benchmark a results file belongs to, from its name. */
export function kindOf(file: string): Kind | undefined {
  const name = basename(file);
  // The first match: registry-replica-… before registry-….
  return KINDS.find(k => name.startsWith(`${k}-`) && name.endsWith('.json'));
}

/** The newest file of each benchmark in the results folder. */
function latestFiles(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(RESULTS_DIR);
  } catch {
    return [];
  }
  return KINDS.flatMap(kind => {
    const mine = names.filter(n => kindOf(n) === kind).sort();
    return mine.length ? [resolve(RESULTS_DIR, mine[mine.length - 1])] : [];
  });
}

/** Reads the files into the report's input. */
export function readInput(files: string[]): ReportInput {
  const input: ReportInput = {
    sources: files.map(f => basename(f)),
    generatedAt: new Date().toISOString(),
  };
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) {
      throw new Error(
        `${file}: not a benchmark results file (expected ${KINDS.join(
          ', ',
        )}-<time>.json)`,
      );
    }
    const figures = JSON.parse(readFileSync(file, 'utf8'));
    const key = INPUT_KEY[kind] as 'registry';
    (input[key] ??= []).push(figures);
  }
  return input;
}

function main() {
  const listed = arg('files', '');
  const files = listed
    ? listed.split(',').map(f => resolve(f.trim()))
    : latestFiles();
  if (!files.length) {
    console.error(
      `no benchmark results in ${RESULTS_DIR}: run yarn bench first`,
    );
    process.exit(1);
  }
  const out = resolve(arg('out', RESULTS_DIR));
  mkdirSync(out, { recursive: true });
  const input = readInput(files);
  writeFileSync(resolve(out, 'report.md'), renderMarkdown(input));
  writeFileSync(resolve(out, 'report.html'), renderHtml(input));
  console.table(targets(input));
  console.log(`report written to ${resolve(out, 'report.md')} and report.html`);
}

if (require.main === module) {
  main();
}
