// Renders what the Helm values of deploy/helm give a replica, for the
// production browser tests: writes `backstage.appConfig` to the file named by
// the first argument (the chart's app-config-from-configmap.yaml) and prints
// `backstage.extraEnvVars` as shell `export` lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const values = parse(
  readFileSync(resolve(ROOT, 'deploy/helm/values.yaml'), 'utf8'),
);
writeFileSync(process.argv[2], stringify(values.backstage.appConfig));
const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`;
for (const { name, value } of values.backstage.extraEnvVars) {
  console.log(`export ${name}=${quote(value)}`);
}
