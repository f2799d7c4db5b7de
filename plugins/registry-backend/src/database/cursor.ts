import { InputError } from '@backstage/errors';
import { RegistrySort } from './RegistryStore';

/** The last row of a page: its sort value and entity ref. */
export interface KeysetPosition {
  value: string;
  entityRef: string;
}

/** Writes the position after which the next page starts. */
export function encodeCursor(sort: RegistrySort, position: KeysetPosition) {
  return Buffer.from(
    JSON.stringify([
      sort.field,
      sort.order,
      position.value,
      position.entityRef,
    ]),
    'utf8',
  ).toString('base64url');
}

/**
 * Reads a cursor written by {@link encodeCursor} for the same sort; anything
 * else (garbage, another sort or order) is an InputError.
 */
export function decodeCursor(
  sort: RegistrySort,
  cursor: string,
): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== sort.field ||
    parsed[1] !== sort.order ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string'
  ) {
    throw new InputError(
      'cursor is not valid: pass the nextCursor of the previous page with the same sort and order',
    );
  }
  return { value: parsed[2], entityRef: parsed[3] };
}
