import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The spec's own YAML parser; a transitive dependency of the Backstage CLI.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('is openapi.yaml as it is now (run node scripts/generate-openapi.js)', () => {
    const yaml = parse(
      readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });
});
