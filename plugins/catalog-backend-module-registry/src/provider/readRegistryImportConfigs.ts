import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { extname } from 'node:path';

/**
 * The format of a national register export.
 *
 * @public
 */
export type RegisterExportFormat = 'json' | 'csv';

/**
 * One configured import of a national register export
 * (`registry.imports[]`).
 *
 * @public
 */
export interface RegistryImportConfig {
  /** Stable id; names the entity provider and the scheduled task. */
  id: string;
  /** A file path (relative to the backend's working directory) or an http(s) URL. */
  source: string;
  format: RegisterExportFormat;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * The schedule of an import without one in config: every 30 minutes, the
 * first run 30 seconds after start-up so the state body Groups are in the
 * catalog by then.
 *
 * @public
 */
export const DEFAULT_IMPORT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

const FORMATS: readonly RegisterExportFormat[] = ['json', 'csv'];

/** Whether a source is a URL the provider fetches rather than a file path. */
export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

function formatFromSource(id: string, source: string): RegisterExportFormat {
  const path = isUrlSource(source) ? new URL(source).pathname : source;
  const extension = extname(path).slice(1).toLocaleLowerCase('en-US');
  if ((FORMATS as readonly string[]).includes(extension)) {
    return extension as RegisterExportFormat;
  }
  throw new InputError(
    `registry.imports entry ${id}: cannot tell the format of ${source} from its extension; set format to json or csv`,
  );
}

function readImportConfig(config: Config): RegistryImportConfig {
  const id = config.getString('id');
  const source = config.getString('source');
  const format = config.getOptionalString('format');
  if (
    format !== undefined &&
    !(FORMATS as readonly string[]).includes(format)
  ) {
    throw new InputError(
      `registry.imports entry ${id}: format must be json or csv, got ${JSON.stringify(
        format,
      )}`,
    );
  }
  return {
    id,
    source,
    format: (format as RegisterExportFormat) ?? formatFromSource(id, source),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_IMPORT_SCHEDULE,
  };
}

/**
 * Reads `registry.imports`; an empty list when absent.
 *
 * @throws InputError when an entry repeats an id or has no usable format
 * @public
 */
export function readRegistryImportConfigs(
  config: Config,
): RegistryImportConfig[] {
  const imports = (config.getOptionalConfigArray('registry.imports') ?? []).map(
    readImportConfig,
  );
  const seen = new Set<string>();
  for (const { id } of imports) {
    if (seen.has(id)) {
      throw new InputError(`registry.imports has the id ${id} more than once`);
    }
    seen.add(id);
  }
  return imports;
}
