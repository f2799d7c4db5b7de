import { InputError } from '@backstage/errors';
import { parse } from 'csv-parse/sync';
import { RegisterExportFormat } from './readRegistryImportConfigs';

/**
 * A row of the export that was read, or could not be read, or was rejected,
 * reported to the registry backend.
 *
 * @public
 */
export interface RejectedRow {
  /** The physical line in a CSV export; the 1-based item number in a JSON export. */
  line: number;
  reason: string;
}

/** One record of the export, with where it was found. */
export interface ExportRow {
  /** See {@link RejectedRow.line}. */
  line: number;
  /** How to name the row in a reason: `line 12` or `item 12`. */
  label: string;
  fields: Record<string, unknown>;
}

/** What parsing an export gives: the rows it could read and the ones it could not. */
export interface ParsedExport {
  rows: ExportRow[];
  unreadable: RejectedRow[];
}

/**
 * The fields every export must have: without any of them no record can be
 * built, so a CSV header that lacks one is a broken export, not bad rows.
 */
export const REQUIRED_EXPORT_FIELDS = [
  'titleRu',
  'titleKk',
  'purpose',
  'ownerBin',
  'ownerName',
  'ownerKind',
  'createdAt',
  'lifecycleStage',
  'onPlatform',
  'hostingKind',
  'hostingCountry',
  'critical',
  'confidentiality',
  'integrity',
  'availability',
  'dataCategories',
] as const;

function parseJson(text: string): ParsedExport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `The JSON export cannot be parsed: ${(error as Error).message}`,
    );
  }
  const systems = (document as { systems?: unknown } | null)?.systems;
  if (!Array.isArray(systems)) {
    throw new InputError(
      'The JSON export has no "systems" array; expected { "exportedAt": …, "systems": [ … ] }',
    );
  }
  const parsed: ParsedExport = { rows: [], unreadable: [] };
  systems.forEach((item, index) => {
    const line = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      parsed.unreadable.push({
        line,
        reason: `item ${line}: is not an object`,
      });
    } else {
      parsed.rows.push({ line, label: `item ${line}`, fields: item });
    }
  });
  return parsed;
}

function parseCsv(text: string): ParsedExport {
  // csv-parse miscounts lines when quoted fields hold CRLF, so count them
  // here: with LF endings every raw record ends with the newline it consumed.
  const normalized = text.replace(/\r\n?/g, '\n');
  const headerEnd = normalized.indexOf('\n');
  const header = headerEnd < 0 ? normalized : normalized.slice(0, headerEnd);
  const parsed: ParsedExport = { rows: [], unreadable: [] };
  let nextLine = 2;
  const consume = (raw: string | undefined) => {
    const line = nextLine;
    const consumed = raw ?? '';
    nextLine +=
      (consumed.match(/\n/g)?.length ?? 0) + (consumed.endsWith('\n') ? 0 : 1);
    return { line, blank: consumed.trim() === '' };
  };

  let columns: string[] = [];
  try {
    parse(normalized, {
      bom: true,
      columns: (names: string[]) => {
        columns = names.map(name => name.trim());
        return columns;
      },
      raw: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      // with `raw`, each record arrives as { record, raw }
      on_record: (item: { record: Record<string, string>; raw: string }) => {
        const { line } = consume(item.raw);
        parsed.rows.push({ line, label: `line ${line}`, fields: item.record });
        return null;
      },
      on_skip: (error, raw) => {
        const { line, blank } = consume(raw);
        if (!blank) {
          parsed.unreadable.push({
            line,
            reason: `line ${line}: ${error?.message ?? 'cannot be parsed'}`,
          });
        }
        return undefined;
      },
    });
  } catch (error) {
    throw new InputError(
      `The CSV export cannot be parsed: ${(error as Error).message}`,
    );
  }
  if (header.trim() === '') {
    throw new InputError('The CSV export is empty: it has no header line');
  }
  const missing = REQUIRED_EXPORT_FIELDS.filter(f => !columns.includes(f));
  if (missing.length > 0) {
    throw new InputError(
      `The CSV export's header lacks the columns ${missing.join(', ')}`,
    );
  }
  return parsed;
}

/**
 * Parses a national register export. A JSON export is
 * `{ exportedAt, systems: [ … ] }`; a CSV export (RFC 4180, UTF-8, optional
 * BOM) has a header line naming the same fields, and `dataCategories`
 * separated by `;`. Rows that cannot be read are returned with their line
 * and reason; the rest are returned as they are.
 *
 * @throws InputError when the export as a whole is broken (not JSON, no
 * `systems` array, a CSV header without the required columns)
 */
export function parseRegisterExport(
  data: Buffer,
  format: RegisterExportFormat,
): ParsedExport {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  return format === 'json' ? parseJson(text) : parseCsv(text);
}
