import { InputError } from '@backstage/errors';

/**
 * Excel reads a UTF-8 file as UTF-8 (Cyrillic intact) only after this mark.
 *
 * @public
 */
export const UTF8_BOM = '\uFEFF';

/**
 * The field separators a CSV export offers: `,` (RFC 4180, the default for
 * programs) and `;`, which Excel and LibreOffice expect in the ru and kk
 * locales, where the comma is the decimal separator.
 *
 * @public
 */
export type CsvSeparator = ',' | ';';

/** @public */
export const CSV_SEPARATORS: ReadonlyArray<CsvSeparator> = [',', ';'];

/** A cell Excel would run as a formula starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = {
  ',': /[",\r\n]/,
  ';': /[";\r\n]/,
};

function cell(value: string, sep: CsvSeparator): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES[sep].test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV record, RFC 4180: fields with the separator, a quote or a line
 * break are quoted, quotes doubled, CRLF at the end. A field that Excel
 * would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading apostrophe (CSV injection).
 *
 * @public
 */
export function csvLine(
  values: ReadonlyArray<string | undefined>,
  sep: CsvSeparator = ',',
): string {
  return `${values.map(v => cell(v ?? '', sep)).join(sep)}\r\n`;
}

/**
 * A whole CSV file: the BOM, then one record a row (the header first).
 *
 * @public
 */
export function csvDocument(
  rows: ReadonlyArray<ReadonlyArray<string | undefined>>,
  sep: CsvSeparator = ',',
): string {
  return UTF8_BOM + rows.map(row => csvLine(row, sep)).join('');
}

/**
 * The `sep` query parameter of a CSV export: absent means `,`; `;` and `,`
 * are taken; anything else is a 400 that names the parameter.
 *
 * @public
 */
export function parseCsvSeparator(value: unknown): CsvSeparator {
  if (value === undefined || value === '') {
    return ',';
  }
  if (value === ',' || value === ';') {
    return value;
  }
  throw new InputError(
    `The query parameter sep must be "," or ";", not ${JSON.stringify(
      String(value),
    ).slice(0, 40)}`,
  );
}
