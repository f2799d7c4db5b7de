import type { FactRuleRef } from './types';

/**
 * Fact source names that only the backend's own collectors use: `entity`
 * (the catalog entity), `http:<id>` (the HTTP collectors of config) and the
 * ids of collectors added through the collector extension point. A fact
 * pushed through the API may not claim one of them.
 *
 * @public
 */
export const RESERVED_SOURCE_PREFIXES = ['entity', 'http:'] as const;

/**
 * Whether `source` matches a trusted-source pattern: the exact name, or a
 * prefix when the pattern ends in `*` (`ci:*` matches `ci:gitlab`).
 * Comparison is exact (sources are case-sensitive slugs).
 *
 * @public
 */
export function sourceMatches(pattern: string, source: string): boolean {
  return pattern.endsWith('*')
    ? source.startsWith(pattern.slice(0, -1))
    : pattern === source;
}

/**
 * The sources a fact rule trusts: its `sources`, else its `source`, else
 * `undefined` (any source counts).
 *
 * @public
 */
export function trustedSourcesOf(
  ref: Pick<FactRuleRef, 'source' | 'sources'>,
): readonly string[] | undefined {
  if (ref.sources && ref.sources.length > 0) {
    return ref.sources;
  }
  return ref.source !== undefined ? [ref.source] : undefined;
}

/**
 * Whether a fact from `source` counts for a rule that trusts `trusted`
 * (`undefined`: any source).
 *
 * @public
 */
export function isTrustedSource(
  trusted: readonly string[] | undefined,
  source: string,
): boolean {
  return trusted === undefined || trusted.some(p => sourceMatches(p, source));
}

/**
 * Whether a source name belongs to a collector of the backend: `entity`,
 * `http:<anything>`, or one of `collectorIds` (the ids of the collectors
 * that run). Facts pushed through the API may not use these names, so that
 * a pipeline cannot pass its facts off as a collector's.
 *
 * @public
 */
export function isReservedSource(
  source: string,
  collectorIds: readonly string[] = [],
): boolean {
  const lower = source.toLocaleLowerCase('en-US');
  return (
    lower === 'entity' ||
    lower.startsWith('http:') ||
    collectorIds.some(id => id.toLocaleLowerCase('en-US') === lower)
  );
}
