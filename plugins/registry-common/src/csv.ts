/**
 * Excel reads a UTF-8 file as UTF-8 (Cyrillic intact) only after this mark.
 *
 * @public
 */
export const UTF8_BOM = '\uFEFF';

/** A cell Excel would run as a formula starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV record, RFC 4180: fields with a comma, quote or line break are
 * quoted, quotes doubled, CRLF at the end. A field that Excel would take for
 * a formula gets a leading apostrophe (CSV injection).
 *
 * @public
 */
export function csvLine(values: Array<string | undefined>): string {
  return `${values.map(v => cell(v ?? '')).join(',')}\r\n`;
}
