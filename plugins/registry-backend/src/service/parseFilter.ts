import { RegistrySystemFilter } from '../database/RegistryStore';

type Query = Record<string, unknown>;

/** A repeatable query parameter: absent, one value or several. */
function list<T extends string>(value: unknown): T[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return (Array.isArray(value) ? value : [value]).map(v => String(v) as T);
}

/**
 * The filter of /systems and /export.csv from the request's query, which
 * the OpenAPI validator has already checked against the spec.
 */
export function parseFilter(query: Query): RegistrySystemFilter {
  const critical = query.critical;
  const unverified = query.unverified;
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  return {
    owner: list(query.owner),
    platformStatus: list(query.platformStatus),
    lifecycleStage: list(query.lifecycleStage),
    dataCategory: list(query.dataCategory),
    hostingKind: list(query.hostingKind),
    ...(critical === undefined
      ? {}
      : { critical: critical === true || critical === 'true' }),
    ...(unverified === undefined
      ? {}
      : { unverified: unverified === true || unverified === 'true' }),
    ...(q ? { q } : {}),
  };
}
