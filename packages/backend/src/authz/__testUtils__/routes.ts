import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { MatrixRow } from './matrix';

const PLUGINS = resolve(__dirname, '../../../../../plugins');

/** The backend plugins whose routes the matrix covers, by plugin id. */
export const SPECS: Record<MatrixRow['plugin'], string> = {
  registry: 'registry-backend/src/schema/openapi.yaml',
  moratorium: 'moratorium-backend/src/schema/openapi.yaml',
  'security-readiness': 'security-readiness-backend/src/schema/openapi.yaml',
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every route of the suite as `<plugin> <METHOD> <path>`, read from each
 * plugin's OpenAPI spec: the list the matrix must cover.
 */
export function specRoutes(): string[] {
  return Object.entries(SPECS).flatMap(([plugin, file]) => {
    const spec = parse(readFileSync(resolve(PLUGINS, file), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter(method => METHODS.includes(method))
        .map(method => routeKey({ plugin, method, path })),
    );
  });
}

/** The route a row is about, as {@link specRoutes} names it. */
export function routeKey(row: {
  plugin: string;
  method: string;
  path: string;
}): string {
  return `${row.plugin} ${row.method.toUpperCase()} ${row.path}`;
}
