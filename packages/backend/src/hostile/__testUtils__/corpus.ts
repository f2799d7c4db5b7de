import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The folder of the checked-in corpus. */
export const CORPUS_DIR = resolve(__dirname, '../corpus');

/** What a hostile case must get back. */
export interface Expectation {
  status: number;
  /** A pattern (case-insensitive) the error message must match. */
  message?: string;
}

/** One hostile request of the manifest (see README.md). */
export interface HostileCase {
  id: string;
  /** `METHOD /api/<plugin>/<path>` as in the OpenAPI spec. */
  endpoint: string;
  /** Path parameters; the defaults are the manifest's `pathParams`. */
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  bodyFile?: string;
  contentType?: string;
  /** A demo user name, `service` (static token) or `anonymous`. */
  as?: string;
  expect: Expectation;
}

/** One search of the register that both databases must answer alike. */
export interface SearchCase {
  q: unknown;
  expect: string[];
}

/** One register import file and what its report must say. */
export interface ImportCase {
  id: string;
  file: string;
  format: 'csv' | 'json';
  imported?: string[];
  rejected?: Array<{ line: number; reason: string }>;
  /** A failed import: the pattern of its error. */
  error?: string;
}

/** The parsed manifest. */
export interface Manifest {
  sweep: unknown[];
  pathParams: Record<string, string>;
  pathParamsByEndpoint: Record<string, Record<string, string>>;
  cases: HostileCase[];
  search: SearchCase[];
  imports: ImportCase[];
}

/** Reads corpus/manifest.yaml. */
export function readManifest(): Manifest {
  return parse(readFileSync(resolve(CORPUS_DIR, 'manifest.yaml'), 'utf8'));
}

/** Reads a file of the corpus as bytes, exactly as checked in. */
export function readCorpusFile(file: string): Buffer {
  return readFileSync(resolve(CORPUS_DIR, file));
}

/**
 * Expands the manifest's generators, so large inputs need not be checked in:
 * `{ $repeat: s, times: n }` is `s` n times; `{ $items: v, times: n }` is an
 * array of n copies of v; `{ $nfd: s }` is s in Unicode NFD;
 * `{ $campaign: overrides }` is a valid campaign with the overrides; and
 * `{name}` strings are replaced from `vars` (e.g. `{request}`).
 */
export function expand(
  value: unknown,
  vars: Record<string, string>,
  campaign: Record<string, unknown>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(/^\{(\w+)\}$/, (whole, name) => vars[name] ?? whole);
  }
  if (Array.isArray(value)) {
    return value.map(v => expand(v, vars, campaign));
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('$repeat' in o) {
      return String(o.$repeat).repeat(Number(o.times));
    }
    if ('$items' in o) {
      const item = expand(o.$items, vars, campaign);
      return Array.from({ length: Number(o.times) }, () => item);
    }
    if ('$nfd' in o) {
      return String(o.$nfd).normalize('NFD');
    }
    if ('$campaign' in o) {
      return {
        ...campaign,
        ...(expand(o.$campaign, vars, campaign) as object),
      };
    }
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, expand(v, vars, campaign)]),
    );
  }
  return value;
}

/** A query string with repeated keys for arrays (`owner=a&owner=b`). */
export function queryString(query: Record<string, unknown>): string {
  // encodeURIComponent, as the app's clients do: URLSearchParams would write
  // a space as `+`, which the OpenAPI validator refuses as reserved.
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      v => `${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`,
    ),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}
