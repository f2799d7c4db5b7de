import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { RegistrySort } from './RegistryStore';

/** The last row of a page: its sort value and entity ref. */
export interface KeysetPosition {
  value: string;
  entityRef: string;
  /**
   * The total the first page counted, with the key of the filter it
   * counted, so that later pages report it without counting again.
   */
  total?: { count: number; filterKey: string };
}

/** A short digest of a filter key, so a cursor stays small. */
export function filterDigest(filterKey: string): string {
  return createHash('sha256')
    .update(filterKey)
    .digest('base64url')
    .slice(0, 16);
}

/** Writes the position after which the next page starts. */
export function encodeCursor(sort: RegistrySort, position: KeysetPosition) {
  return Buffer.from(
    JSON.stringify([
      sort.field,
      sort.order,
      position.value,
      position.entityRef,
      ...(position.total
        ? [position.total.count, filterDigest(position.total.filterKey)]
        : []),
    ]),
    'utf8',
  ).toString('base64url');
}

/**
 * Reads a cursor written by {@link encodeCursor} for the same sort; anything
 * else (garbage, another sort or order) is an InputError. The total it
 * carries is returned only for the filter it was counted for (by digest):
 * a cursor passed with another filter is still a position, but its total
 * is counted again.
 */
export function decodeCursor(
  sort: RegistrySort,
  cursor: string,
  filterKey?: string,
): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    (parsed.length !== 4 && parsed.length !== 6) ||
    parsed[0] !== sort.field ||
    parsed[1] !== sort.order ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string'
  ) {
    throw new InputError(
      'cursor is not valid: pass the nextCursor of the previous page with the same sort and order',
    );
  }
  const [, , value, entityRef, count, digest] = parsed;
  const counted =
    parsed.length === 6 &&
    Number.isInteger(count) &&
    count >= 0 &&
    filterKey !== undefined &&
    digest === filterDigest(filterKey);
  return {
    value,
    entityRef,
    ...(counted ? { total: { count, filterKey: filterKey! } } : {}),
  };
}
