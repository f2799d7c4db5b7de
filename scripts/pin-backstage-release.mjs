#!/usr/bin/env node
// Pins every @backstage/* package (direct and transitive) to one Backstage
// release. `backstage-cli versions:bump` needs the release manifest service,
// which this network cannot reach, so the release is reconstructed from the
// registry: for each package, the highest stable version published before the
// cut-off date of the release named in backstage.json (BACKSTAGE_RELEASE_CUTOFF
// in this file). Writes exact versions into the root `resolutions` and aligns
// the ranges of direct dependencies; run `yarn install` afterwards.
//
// Usage: node scripts/pin-backstage-release.mjs [--check]
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Release 1.55.0 was published mid-September 2026; the next release came
// later, so everything published before this instant belongs to 1.55.x.
const BACKSTAGE_RELEASE_CUTOFF = '2026-10-01T00:00:00Z';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const registry = (
  process.env.YARN_NPM_REGISTRY_SERVER ||
  execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' })
)
  .trim()
  .replace(/\/$/, '');

function workspaceManifests() {
  const files = [join(root, 'package.json')];
  for (const dir of ['packages', 'plugins']) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const file = join(base, name, 'package.json');
      if (existsSync(file)) files.push(file);
    }
  }
  return files;
}

function backstageNamesInLockfile() {
  const lock = join(root, 'yarn.lock');
  if (!existsSync(lock)) return [];
  const names = new Set();
  for (const m of readFileSync(lock, 'utf8').matchAll(
    /^"(@backstage\/[^@"]+)@/gm,
  )) {
    names.add(m[1]);
  }
  return [...names];
}

function compareSemver(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

async function pinnedVersion(name) {
  const res = await fetch(`${registry}/${name.replace('/', '%2f')}`);
  if (!res.ok) throw new Error(`${name}: registry answered ${res.status}`);
  const doc = await res.json();
  const cutoff = Date.parse(BACKSTAGE_RELEASE_CUTOFF);
  const candidates = Object.keys(doc.versions ?? {}).filter(
    v => /^\d+\.\d+\.\d+$/.test(v) && Date.parse(doc.time?.[v]) < cutoff,
  );
  if (candidates.length === 0) return undefined;
  return candidates.sort(compareSemver).at(-1);
}

const manifests = workspaceManifests().map(file => ({
  file,
  json: JSON.parse(readFileSync(file, 'utf8')),
}));
const names = new Set(backstageNamesInLockfile());
for (const { json } of manifests) {
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const dep of Object.keys(json[field] ?? {})) {
      if (dep.startsWith('@backstage/')) names.add(dep);
    }
  }
}

const pins = {};
const queue = [...names].sort();
await Promise.all(
  Array.from({ length: 12 }, async () => {
    while (queue.length) {
      const name = queue.shift();
      const version = await pinnedVersion(name);
      if (version) pins[name] = version;
      else console.warn(`no release version of ${name} before the cut-off`);
    }
  }),
);

let changed = false;
const rootManifest = manifests[0].json;
// @backstage entries are rebuilt from scratch so packages no longer used drop out.
const resolutions = Object.fromEntries(
  Object.entries(rootManifest.resolutions ?? {}).filter(
    ([name]) => !name.startsWith('@backstage/'),
  ),
);
for (const name of Object.keys(pins).sort()) {
  if (rootManifest.resolutions?.[name] !== pins[name]) changed = true;
  resolutions[name] = pins[name];
}
for (const name of Object.keys(rootManifest.resolutions ?? {})) {
  if (name.startsWith('@backstage/') && !pins[name]) changed = true;
}
rootManifest.resolutions = Object.fromEntries(
  Object.entries(resolutions).sort(([a], [b]) => a.localeCompare(b)),
);
for (const { json } of manifests) {
  for (const field of ['dependencies', 'devDependencies']) {
    for (const dep of Object.keys(json[field] ?? {})) {
      if (!pins[dep]) continue;
      const range = `^${pins[dep]}`;
      if (json[field][dep] !== range) {
        changed = true;
        json[field][dep] = range;
      }
    }
  }
}

if (check) {
  console.log(
    changed ? 'Backstage versions are not pinned' : 'Backstage versions pinned',
  );
  process.exit(changed ? 1 : 0);
}
for (const { file, json } of manifests) {
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
console.log(
  `pinned ${Object.keys(pins).length} @backstage packages${
    changed ? ' (changed)' : ''
  }`,
);
