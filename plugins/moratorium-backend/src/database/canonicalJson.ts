/**
 * JSON with object keys sorted at every level and no whitespace, so equal
 * values always serialize to the same text (and hash). Values go through
 * JSON first: Dates become ISO strings, undefined members disappear.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value ?? null))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map(key => [key, sortKeys(obj[key])]),
    );
  }
  return value;
}
