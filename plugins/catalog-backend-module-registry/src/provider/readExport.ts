import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { isUrlSource } from './readRegistryImportConfigs';

/** How long a URL source may take to answer. */
const FETCH_TIMEOUT_MS = 60_000;

/** Where an export is read from, in the forms the catalog and the report use. */
export interface ExportLocation {
  /** `url:<url>` or `file:<absolute path>`: the entities' managed-by location. */
  locationRef: string;
  /** The URL, or `file:///…` for a file: the source in the import report. */
  sourceUrl: string;
  read(): Promise<Buffer>;
}

/**
 * The location of an export given as a file path (relative to the process's
 * working directory) or an http(s) URL.
 */
export function exportLocation(source: string): ExportLocation {
  if (isUrlSource(source)) {
    return {
      locationRef: `url:${source}`,
      sourceUrl: source,
      async read() {
        const response = await fetch(source, {
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
        if (!response.ok) {
          throw new Error(
            `GET ${source} answered ${response.status} ${response.statusText}`,
          );
        }
        return Buffer.from(await response.arrayBuffer());
      },
    };
  }
  const path = resolve(process.cwd(), source);
  return {
    locationRef: `file:${path}`,
    sourceUrl: pathToFileURL(path).href,
    read: () => readFile(path),
  };
}
