import { RejectedRow } from './parseRegisterExport';
import { RegisterExportFormat } from './readRegistryImportConfigs';

/**
 * How an import run ended: `succeeded` (the good rows were applied),
 * `unchanged` (the export and the owners were the same as at the last
 * applied import, so nothing was written) or `failed` (nothing was written and
 * the catalog keeps the last good import).
 *
 * @public
 */
export type ImportStatus = 'succeeded' | 'failed' | 'unchanged';

/**
 * The log entry of one import run, posted to the registry backend
 * (`POST /api/registry/imports`).
 *
 * @public
 */
export interface ImportReport {
  sourceId: string;
  /** `file:///…` for a file, the URL for a URL. */
  source: string;
  format: RegisterExportFormat;
  startedAt: string;
  finishedAt: string;
  status: ImportStatus;
  /** Rows in the export, good and bad (blank CSV lines are not rows). */
  rowsRead: number;
  /** Systems applied to the catalog (or that would be, when unchanged). */
  imported: number;
  rejected: RejectedRow[];
  /** Why the run failed; only when `status` is `failed`. */
  error?: string;
}
