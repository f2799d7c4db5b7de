// Pushes the security facts of examples/readiness/facts.yaml for the given
// systems the way a state body's CI pipeline does in production: POST
// /api/security-readiness/facts with the static token of
// SECURITY_READINESS_CI_TOKEN. (Development reads the same file through the
// demo collector, which production refuses.)
//   node e2e/prod/push-facts.mjs <baseUrl> <system>...
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DAY_MS = 24 * 60 * 60 * 1000;
const [baseUrl, ...systems] = process.argv.slice(2);
const file = parse(
  readFileSync(resolve(ROOT, 'examples/readiness/facts.yaml'), 'utf8'),
);
const now = new Date();

function dated(value) {
  if (Array.isArray(value)) return value.map(dated);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === 'openedDaysAgo' && typeof inner === 'number'
          ? ['openedAt', new Date(now.getTime() - inner * DAY_MS).toISOString()]
          : [key, dated(inner)],
      ),
    );
  }
  return value;
}

const facts = systems.flatMap(system =>
  Object.entries(file.systems[system] ?? {}).map(([type, value]) => ({
    systemRef: `system:default/${system}`,
    type,
    source: 'ci:pipeline',
    observedAt: now.toISOString(),
    value: dated(value),
  })),
);
const res = await fetch(`${baseUrl}/api/security-readiness/facts`, {
  method: 'POST',
  headers: {
    authorization: `Bearer ${process.env.SECURITY_READINESS_CI_TOKEN}`,
    'content-type': 'application/json',
  },
  body: JSON.stringify({ facts }),
});
const text = await res.text();
console.log(`push-facts: ${res.status} ${text}`);
process.exit(res.ok ? 0 : 1);
