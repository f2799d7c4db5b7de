/**
 * JSON with object keys sorted at every level and no whitespace, so equal
 * values always serialize to the same text (and hash). Values go through
 * JSON first: Dates become ISO strings, undefined members disappear.
 *
 * This is the JSON Canonicalization Scheme of RFC 8785 for JSON values:
 * numbers and strings are serialized as ECMAScript's JSON.stringify does
 * (which RFC 8785 adopts), and keys are sorted by UTF-16 code units (the
 * default order of Array.prototype.sort). The audit chain's hashes and the
 * checkpoints' signatures depend on it (docs/audit.md).
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
