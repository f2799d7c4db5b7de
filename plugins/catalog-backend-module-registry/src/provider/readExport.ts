import { UrlReaderService } from '@backstage/backend-plugin-api';
import { resolve } from 'node:path';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { isUrlSource } from './readRegistryImportConfigs';

/** The size cap of an export or inventory when config sets none: 50 MB. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Where an export is read from, in the forms the catalog and the report use. */
export interface ExportLocation {
  /**
   * `url:<url>` or `file:<absolute path>`: the entities' managed-by location,
   * with credentials redacted (it is shown to every reader of the catalog).
   */
  locationRef: string;
  /** The URL, or `file:///…` for a file, with credentials redacted. */
  sourceUrl: string;
  /**
   * Reads the whole source. A URL is read through the backend's UrlReader,
   * so `backend.reading.allow` applies; a source over the size cap fails.
   */
  read(): Promise<Buffer>;
}

/** Query parameters whose values are secrets. */
const SECRET_PARAMETER =
  /^(token|access_token|accesstoken|api[-_]?key|key|secret|password|passwd|pwd|auth|authorization|sig|signature|code|x-amz-signature|x-amz-credential|x-amz-security-token|sv|se|sp)$/i;

/**
 * A source as it may be shown: user and password of a URL and secret query
 * parameters (token, key, sig, …) replaced by `***`.
 */
export function redactSource(source: string): string {
  if (!isUrlSource(source)) {
    return source;
  }
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return source.replace(/\/\/[^/@\s]*@/, '//***@');
  }
  if (url.username || url.password) {
    url.username = '***';
    url.password = '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMETER.test(name)) {
      url.searchParams.set(name, '***');
    }
  }
  return url.toString().replace(/%2A%2A%2A/g, '***');
}

/**
 * A text (an error message) with every credential of `source` redacted: the
 * source itself, and any `user:password@` or secret query parameter of any
 * URL in it.
 */
export function redactText(text: string, source: string): string {
  let result = text;
  if (source && isUrlSource(source)) {
    result = result.split(source).join(redactSource(source));
  }
  return result
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@')
    .replace(
      /([?&](?:token|access_token|api[-_]?key|key|secret|password|sig|signature)=)[^&\s"']+/gi,
      '$1***',
    );
}

function tooLarge(source: string, maxBytes: number): Error {
  return new Error(
    `${redactSource(
      source,
    )} is larger than the size cap of ${maxBytes} bytes (registry.maxImportBytes)`,
  );
}

async function readCapped(
  stream: NodeJS.ReadableStream,
  source: string,
  maxBytes: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      throw tooLarge(source, maxBytes);
    }
    parts.push(buffer);
  }
  return Buffer.concat(parts);
}

/**
 * The location of an export given as a file path (relative to the process's
 * working directory) or an http(s) URL.
 *
 * @param options - the UrlReader URLs are read through (without one a URL
 *   source cannot be read, only named), and the size cap
 */
export function exportLocation(
  source: string,
  options: { reader?: UrlReaderService; maxBytes?: number } = {},
): ExportLocation {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (isUrlSource(source)) {
    const shown = redactSource(source);
    return {
      locationRef: `url:${shown}`,
      sourceUrl: shown,
      async read() {
        if (!options.reader) {
          throw new Error(`no UrlReader to read ${shown} with`);
        }
        try {
          const response = await options.reader.readUrl(source);
          if (response.stream) {
            return await readCapped(response.stream(), source, maxBytes);
          }
          const buffer = await response.buffer();
          if (buffer.length > maxBytes) {
            throw tooLarge(source, maxBytes);
          }
          return buffer;
        } catch (error) {
          const e = error as Error;
          throw new Error(redactText(`${e?.message ?? String(error)}`, source));
        }
      },
    };
  }
  const path = resolve(process.cwd(), source);
  return {
    locationRef: `file:${path}`,
    sourceUrl: pathToFileURL(path).href,
    async read() {
      const file = await open(path, 'r');
      try {
        const { size } = await file.stat();
        if (size > maxBytes) {
          throw tooLarge(path, maxBytes);
        }
        return await readCapped(file.createReadStream(), path, maxBytes);
      } finally {
        await file.close().catch(() => undefined);
      }
    },
  };
}
