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
  return serialize(JSON.parse(JSON.stringify(value ?? null)));
}

// Written out rather than through an object with sorted keys: JavaScript
// enumerates integer-like keys ("1", "2026") first whatever the insertion
// order, which RFC 8785 does not.
function serialize(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(serialize).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map(key => `${JSON.stringify(key)}:${serialize(obj[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
