import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Config } from '@backstage/config';
import { AuditCheckpoint } from '@qaztech/plugin-moratorium-common';

/**
 * Where checkpoints go besides the database: somewhere a database
 * administrator cannot reach (a file on another volume, a transparency
 * service, the ministry's archive).
 */
export interface CheckpointSink {
  /** For logs: what the sink is. */
  readonly description: string;
  /** Publishes one checkpoint; throws when the sink did not take it. */
  publish(checkpoint: AuditCheckpoint): Promise<void>;
  /** The checkpoints published so far, where the sink can be read back. */
  read?(): Promise<AuditCheckpoint[]>;
}

function isCheckpoint(value: any): value is AuditCheckpoint {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof value.count === 'number' &&
    typeof value.headHash === 'string' &&
    typeof value.publishedAt === 'string' &&
    typeof value.keyId === 'string' &&
    typeof value.signature === 'string'
  );
}

/** Appends each checkpoint as one line of JSON to a file. */
export class FileCheckpointSink implements CheckpointSink {
  readonly #path: string;
  readonly description: string;

  constructor(path: string) {
    this.#path = resolve(path);
    this.description = `file ${this.#path}`;
  }

  async publish(checkpoint: AuditCheckpoint): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    await appendFile(this.#path, `${JSON.stringify(checkpoint)}\n`, 'utf8');
  }

  async read(): Promise<AuditCheckpoint[]> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return [];
      }
      throw error;
    }
    const checkpoints: AuditCheckpoint[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) {
        continue;
      }
      try {
        const value = JSON.parse(line);
        if (isCheckpoint(value)) {
          checkpoints.push(value);
        }
      } catch {
        // A torn last line (a crash mid-write) is not a checkpoint.
      }
    }
    return checkpoints;
  }
}

/** POSTs each checkpoint as JSON to a URL; a non-2xx answer is a failure. */
export class UrlCheckpointSink implements CheckpointSink {
  readonly #url: string;
  readonly #headers: Record<string, string>;
  readonly description: string;

  constructor(url: string, headers: Record<string, string> = {}) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(
        `Invalid config at moratorium.audit.checkpoints.sink.url: ${parsed.protocol} is not http(s)`,
      );
    }
    this.#url = parsed.href;
    this.#headers = headers;
    this.description = `URL ${parsed.origin}${parsed.pathname}`;
  }

  async publish(checkpoint: AuditCheckpoint): Promise<void> {
    const response = await fetch(this.#url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.#headers },
      body: JSON.stringify(checkpoint),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new Error(
        `The checkpoint sink ${this.description} answered ${response.status} ${response.statusText}`,
      );
    }
  }
}

/** The sink of `moratorium.audit.checkpoints.sink`, if one is configured. */
export function readCheckpointSink(config: Config): CheckpointSink | undefined {
  const sink = config.getOptionalConfig('moratorium.audit.checkpoints.sink');
  if (!sink) {
    return undefined;
  }
  const file = sink.getOptionalString('file');
  const url = sink.getOptionalString('url');
  if (file && url) {
    throw new Error(
      'Invalid config at moratorium.audit.checkpoints.sink: give file or url, not both',
    );
  }
  if (file) {
    return new FileCheckpointSink(file);
  }
  if (url) {
    const headers = sink.getOptionalConfig('headers');
    return new UrlCheckpointSink(
      url,
      Object.fromEntries(
        (headers?.keys() ?? []).map(key => [key, headers!.getString(key)]),
      ),
    );
  }
  throw new Error(
    'Invalid config at moratorium.audit.checkpoints.sink: give file (a path) or url',
  );
}
