import { InputError } from '@backstage/errors';

/** The key of the last row of a page: the sort value(s) and a tie-breaker. */
export type KeysetKey = Array<string | number>;

/**
 * Writes the position after which the next page starts, tagged with the
 * list it belongs to. Opaque to clients: base64url of JSON.
 */
export function encodeCursor(list: string, key: KeysetKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString(
    'base64url',
  );
}

/**
 * Reads a cursor written by {@link encodeCursor} for the same list; anything
 * else (garbage, another list) is an InputError naming the `cursor` field.
 */
export function decodeCursor(
  list: string,
  cursor: string,
  types: Array<'string' | 'number'>,
): KeysetKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== types.length + 1 ||
    parsed[0] !== list ||
    types.some((type, i) => typeof parsed[i + 1] !== type)
  ) {
    throw new InputError(
      'cursor is not valid: pass the nextCursor of the previous page of the same list',
    );
  }
  return parsed.slice(1);
}
