/*
 * The request mixes of `yarn bench:load`: every request a client sends is
 * drawn at random from the filters of its scenario and their combinations,
 * searches with words of the data, deep pages and several signed-in users,
 * so no cache answers the load and permission decisions are not one
 * principal's. Pure: the data's shape and a random source in, paths out
 * (tested in loadMix.test.ts).
 */

/** What the mixes draw from: values present in the loaded data. */
export interface LoadData {
  /** State body names (Group names in namespace default) owning systems. */
  bodies: string[];
  platformStatuses: string[];
  lifecycleStages: string[];
  dataCategories: string[];
  hostingKinds: string[];
  /** Words of the systems' titles, for searches. */
  words: string[];
  /** Paths of deep register pages (with a cursor), walked before the load. */
  registerDeepPages: string[];
  /** Paths of deep catalog pages (with a cursor), walked before the load. */
  catalogDeepPages: string[];
  /** Signed-in users (demo user names) the requests are sent as. */
  users: string[];
}

/** One drawn request: the path with its query, and who sends it. */
export interface DrawnRequest {
  path: string;
  user: string;
}

/** The scenarios of the load; `cached-*` repeat one URL on purpose. */
export const MIXES = [
  'register-list',
  'catalog-by-query',
  'register-stats',
  'catalog-facets',
  'register-export',
  'moratorium-requests',
  'readiness-summary',
  'cached-register-list',
  'cached-register-stats',
] as const;

/** A scenario of the load. */
export type Mix = (typeof MIXES)[number];

/** A random number in [0, 1). */
export type Random = () => number;

/** A small deterministic random source (mulberry32), for repeatable draws. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

/** One to `max` distinct values. */
function some<T>(random: Random, values: readonly T[], max = 2): T[] {
  const n = 1 + Math.floor(random() * Math.min(max, values.length));
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(pick(random, values));
  return [...chosen];
}

function query(params: Array<[string, string]>): string {
  return params
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * The register's filters, each present with some chance, so that a draw is
 * any combination of them (possibly none).
 */
function registerFilter(
  random: Random,
  data: LoadData,
  options: { search: boolean },
): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (random() < 0.4) {
    for (const v of some(random, data.bodies))
      params.push(['owner', `group:default/${v}`]);
  }
  if (random() < 0.4) {
    for (const v of some(random, data.platformStatuses))
      params.push(['platformStatus', v]);
  }
  if (random() < 0.35) {
    for (const v of some(random, data.lifecycleStages))
      params.push(['lifecycleStage', v]);
  }
  if (random() < 0.2) {
    for (const v of some(random, data.dataCategories))
      params.push(['dataCategory', v]);
  }
  if (random() < 0.2) {
    for (const v of some(random, data.hostingKinds))
      params.push(['hostingKind', v]);
  }
  if (random() < 0.15) params.push(['critical', String(random() < 0.5)]);
  if (options.search && random() < 0.35) {
    params.push(['q', pick(random, data.words)]);
  }
  return params;
}

const REGISTER_SORTS = ['name', 'title', 'registryNumber', 'updatedAt'];
const PLATFORM_STATUS_LABEL = 'metadata.labels.qaztech.kz/platform-status';
const LIFECYCLE_FIELD = 'spec.registry.lifecycle.stage';

/** The catalog filter with the same kinds of conditions as the register's. */
function catalogFilter(random: Random, data: LoadData): string {
  const parts = ['kind=system'];
  if (random() < 0.4)
    parts.push(`spec.owner=group:default/${pick(random, data.bodies)}`);
  if (random() < 0.4)
    parts.push(
      `${PLATFORM_STATUS_LABEL}=${pick(random, data.platformStatuses)}`,
    );
  if (random() < 0.35)
    parts.push(`${LIFECYCLE_FIELD}=${pick(random, data.lifecycleStages)}`);
  if (random() < 0.2)
    parts.push(`spec.registry.hosting.kind=${pick(random, data.hostingKinds)}`);
  return parts.join(',');
}

/** Draws the next request of a scenario. */
export function drawRequest(
  mix: Mix,
  data: LoadData,
  random: Random,
): DrawnRequest {
  const user = pick(random, data.users);
  switch (mix) {
    case 'register-list': {
      if (data.registerDeepPages.length > 0 && random() < 0.3) {
        return { user, path: pick(random, data.registerDeepPages) };
      }
      const params = registerFilter(random, data, { search: true });
      params.push(['sort', pick(random, REGISTER_SORTS)]);
      params.push(['order', random() < 0.7 ? 'asc' : 'desc']);
      params.push(['limit', String(pick(random, [20, 50, 100]))]);
      return { user, path: `/api/registry/systems?${query(params)}` };
    }
    case 'catalog-by-query': {
      if (data.catalogDeepPages.length > 0 && random() < 0.3) {
        return { user, path: pick(random, data.catalogDeepPages) };
      }
      const params: Array<[string, string]> = [
        ['filter', catalogFilter(random, data)],
      ];
      if (random() < 0.35) {
        params.push(['fullTextFilterTerm', pick(random, data.words)]);
        params.push(['fullTextFilterFields', 'metadata.title']);
      }
      params.push([
        'orderField',
        `metadata.name,${random() < 0.7 ? 'asc' : 'desc'}`,
      ]);
      params.push(['limit', String(pick(random, [20, 50, 100]))]);
      return { user, path: `/api/catalog/entities/by-query?${query(params)}` };
    }
    case 'register-stats':
    case 'cached-register-stats':
      return {
        user: mix === 'cached-register-stats' ? data.users[0] : user,
        path: '/api/registry/stats',
      };
    case 'catalog-facets': {
      const params: Array<[string, string]> = [
        ['filter', catalogFilter(random, data)],
      ];
      for (const facet of some(
        random,
        [PLATFORM_STATUS_LABEL, LIFECYCLE_FIELD, 'spec.owner'],
        3,
      )) {
        params.push(['facet', facet]);
      }
      return { user, path: `/api/catalog/entity-facets?${query(params)}` };
    }
    case 'register-export': {
      // One body's systems, narrowed further at random: what a ministry
      // downloads; the whole register is timed apart (see load.ts).
      const params = registerFilter(random, data, { search: false }).filter(
        ([k]) => k !== 'owner',
      );
      params.unshift(['owner', `group:default/${pick(random, data.bodies)}`]);
      return { user, path: `/api/registry/export.csv?${query(params)}` };
    }
    case 'moratorium-requests': {
      const params: Array<[string, string]> = [];
      if (random() < 0.5) params.push(['state', pick(random, REQUEST_STATES)]);
      if (random() < 0.4)
        params.push([
          'stateBody',
          `group:default/${pick(random, data.bodies)}`,
        ]);
      if (random() < 0.2) params.push(['mine', 'true']);
      if (random() < 0.3) params.push(['q', pick(random, data.words)]);
      params.push(['limit', String(pick(random, [20, 50]))]);
      return { user, path: `/api/moratorium/requests?${query(params)}` };
    }
    case 'readiness-summary': {
      if (random() < 0.5) {
        return {
          user,
          path: `/api/security-readiness/summary?days=${pick(
            random,
            [7, 30, 90],
          )}`,
        };
      }
      const params: Array<[string, string]> = [];
      if (random() < 0.5)
        params.push([
          'level',
          pick(random, ['ready', 'conditional', 'not-ready']),
        ]);
      if (random() < 0.5)
        params.push([
          'stateBody',
          `group:default/${pick(random, data.bodies)}`,
        ]);
      params.push(['limit', '50']);
      return {
        user,
        path: `/api/security-readiness/scorecards?${query(params)}`,
      };
    }
    case 'cached-register-list':
      return { user: data.users[0], path: '/api/registry/systems?limit=50' };
    default:
      throw new Error(`unknown mix ${mix as string}`);
  }
}

const REQUEST_STATES = [
  'submitted',
  'platform-review',
  'ministry-review',
  'on-agenda',
  'approved',
  'rejected',
];

/** Words of titles worth searching for: 4+ letters, no numbers. */
export function searchWords(titles: string[], max = 200): string[] {
  const words = new Set<string>();
  for (const title of titles) {
    for (const word of title.toLowerCase().split(/[^\p{L}]+/u)) {
      if (word.length >= 4) words.add(word);
      if (words.size >= max) return [...words];
    }
  }
  return [...words];
}
