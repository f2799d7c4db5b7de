import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const PLUGINS = resolve(__dirname, '../../../../../plugins');

/** The suite's OpenAPI specs and where each plugin's API is mounted. */
export const SPECS = [
  { mount: '/api/registry', file: 'registry-backend/src/schema/openapi.yaml' },
  {
    mount: '/api/moratorium',
    file: 'moratorium-backend/src/schema/openapi.yaml',
  },
  {
    mount: '/api/security-readiness',
    file: 'security-readiness-backend/src/schema/openapi.yaml',
  },
];

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** A query parameter of an operation, with the type of its values. */
export interface QueryParameter {
  name: string;
  /** `string`, `integer`, `boolean`, … or `array` of them. */
  type: string;
  /** Whether the values are a closed list (an enum). */
  enumerated: boolean;
}

/** One operation of a spec, named `METHOD /api/<plugin>/<path>`. */
export interface Endpoint {
  key: string;
  method: string;
  /** The full path with `{param}` placeholders. */
  path: string;
  kind: 'write' | 'filter';
  query: QueryParameter[];
}

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
};
type Parameter = { $ref?: string; name: string; in: string; schema?: Schema };

function resolveRef<T>(spec: any, value: T & { $ref?: string }): T {
  if (!value.$ref) {
    return value;
  }
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key) => node?.[key], spec);
  return resolveRef(spec, target);
}

/**
 * The write operations (POST, PUT, PATCH, DELETE) and the filter operations
 * (GET with query parameters) of every spec: what the hostile corpus must
 * cover. Read from the specs themselves, so a new endpoint without corpus
 * entries fails the coverage test.
 */
export function writeAndFilterEndpoints(): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const { mount, file } of SPECS) {
    const spec = parse(readFileSync(resolve(PLUGINS, file), 'utf8'));
    for (const [path, operations] of Object.entries<any>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        const parameters: Parameter[] = [
          ...(operations.parameters ?? []),
          ...(operation.parameters ?? []),
        ].map(p => resolveRef(spec, p));
        const query = parameters
          .filter(p => p.in === 'query')
          .map(p => {
            const schema = resolveRef(spec, p.schema ?? {});
            const items = schema.items ? resolveRef(spec, schema.items) : {};
            return {
              name: p.name,
              type:
                schema.type === 'array'
                  ? `array of ${items.type}`
                  : String(schema.type),
              enumerated: Boolean(schema.enum ?? items.enum),
            };
          });
        const write = WRITE_METHODS.includes(method);
        if (write || (method === 'get' && query.length > 0)) {
          endpoints.push({
            key: `${method.toUpperCase()} ${mount}${path}`,
            method,
            path: `${mount}${path}`,
            kind: write ? 'write' : 'filter',
            query,
          });
        }
      }
    }
  }
  return endpoints;
}
