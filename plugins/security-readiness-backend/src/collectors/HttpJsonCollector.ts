import { LoggerService } from '@backstage/backend-plugin-api';
import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import type {
  Fact,
  JsonValue,
} from '@qaztech/plugin-security-readiness-common';
import { systemRefOf } from '@qaztech/plugin-security-readiness-common';
import type {
  FactCollector,
  FactCollectorRequest,
} from '@qaztech/plugin-security-readiness-node';
import type { HttpCollectorConfig } from '../service/readSecurityReadinessConfig';

/** Where a system's repository is named, most specific first. */
const SOURCE_ANNOTATIONS = [
  'qaztech.kz/source-location',
  'backstage.io/source-location',
];

/**
 * The repository of a system as `host/path` (e.g.
 * `git.qaztech.gov.kz/mcriap/shep`, `github.com/org/repo`), the form
 * OpenSSF Scorecard and most scanners use; undefined when it has none.
 */
export function repositoryOf(
  system: StateInformationSystemEntity,
): string | undefined {
  const annotations = system.metadata.annotations ?? {};
  const slug = annotations['github.com/project-slug'];
  for (const key of SOURCE_ANNOTATIONS) {
    const value = annotations[key]?.replace(/^url:/, '');
    if (!value) {
      continue;
    }
    try {
      const url = new URL(value);
      const path = url.pathname
        .replace(/\/(-\/)?(tree|blob)\/.*$/, '')
        .replace(/\.git$/, '')
        .replace(/^\/+|\/+$/g, '');
      if (path) {
        return `${url.host}/${path}`;
      }
    } catch {
      // Not a URL: try the next annotation.
    }
  }
  return slug ? `github.com/${slug}` : undefined;
}

/** The value at a dot path (`a.b.0.c`), or undefined. */
function valueAt(value: unknown, path: string | undefined): unknown {
  if (!path) {
    return value;
  }
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Decodes percent-escapes until nothing changes (`%252e` → `%2e` → `.`). */
function fullyDecoded(segment: string): string {
  let current = segment;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) {
      return current;
    }
    current = next;
  }
  return current;
}

/**
 * Why a filled-in URL may not be called: a `.` or `..` path segment (also
 * percent-encoded, once or more, or with a backslash), which would move the
 * request off the configured path, or a host the allow-list does not name.
 * `undefined` when it may be called.
 */
export function unsafeUrlReason(
  url: string,
  allowedHosts: readonly string[],
): string | undefined {
  const rest = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  const path = rest.split(/[?#]/)[0];
  for (const segment of path.split('/')) {
    const decoded = fullyDecoded(segment);
    if (decoded.split(/[\\/]/).some(part => part === '.' || part === '..')) {
      return `the path has a "${segment}" segment`;
    }
  }
  let host: string;
  try {
    host = new URL(url).host.toLocaleLowerCase('en-US');
  } catch {
    return 'it is not a URL';
  }
  if (!allowedHosts.includes(host)) {
    return `${host} is not an allowed host`;
  }
  return undefined;
}

/** Lets go of a body we do not read, without waiting for it. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    async () => {
      while (next < items.length) {
        const item = items[next++];
        await work(item);
      }
    },
  );
  await Promise.all(workers);
}

/**
 * Reads one external tool (a vulnerability scanner, OpenSSF Scorecard
 * results…) over HTTP for each system: a GET of the configured URL with
 * `{namespace}`, `{name}` and `{repository}` filled in; the JSON body (or
 * the part at `valuePath`) becomes a fact of the configured type, with
 * source `http:<id>`.
 *
 * A 404 means the tool knows nothing of the system: no fact. Any other
 * failure (status, timeout, network, a body that is not JSON) is logged and
 * counted and leaves that system without a fact; it never fails the run.
 */
export class HttpJsonCollector implements FactCollector {
  readonly id: string;
  private readonly config: HttpCollectorConfig;
  private readonly logger: LoggerService;
  private readonly fetch: typeof fetch;
  private failed = 0;

  constructor(options: {
    config: HttpCollectorConfig;
    logger: LoggerService;
    /** For tests; the global fetch by default. */
    fetch?: typeof fetch;
  }) {
    this.config = options.config;
    this.id = `http:${options.config.id}`;
    this.logger = options.logger.child({ collector: this.id });
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
  }

  /** How many requests failed since the collector was created. */
  get failures(): number {
    return this.failed;
  }

  /**
   * The URL for a system, or undefined when a placeholder has no value;
   * throws when the filled-in URL leaves the configured path or hosts.
   */
  urlFor(system: StateInformationSystemEntity): string | undefined {
    const values: Record<string, string | undefined> = {
      namespace: encodeURIComponent(system.metadata.namespace ?? 'default'),
      name: encodeURIComponent(system.metadata.name),
      repository: repositoryOf(system)
        ?.split('/')
        .map(encodeURIComponent)
        .join('/'),
    };
    let missing = false;
    const url = this.config.url.replace(/\{([^}]*)\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) {
        missing = true;
        return '';
      }
      return value;
    });
    if (missing) {
      return undefined;
    }
    const unsafe = unsafeUrlReason(url, this.config.allowedHosts);
    if (unsafe) {
      throw new Error(`refused to call ${url}: ${unsafe}`);
    }
    return url;
  }

  async collect(request: FactCollectorRequest): Promise<Omit<Fact, 'id'>[]> {
    const facts: Omit<Fact, 'id'>[] = [];
    let failedInBatch = 0;
    await eachLimited(
      request.systems,
      this.config.concurrency,
      async system => {
        if (request.signal?.aborted) {
          return;
        }
        const systemRef = systemRefOf(system);
        let url: string | undefined;
        try {
          url = this.urlFor(system);
          if (!url) {
            return;
          }
          const value = await this.fetchValue(url, request.signal);
          if (value !== undefined) {
            facts.push({
              systemRef,
              type: this.config.factType,
              source: this.id,
              observedAt: request.now.toISOString(),
              value,
            });
          }
        } catch (error) {
          if (request.signal?.aborted) {
            return;
          }
          failedInBatch++;
          this.failed++;
          this.logger.warn(
            `Could not read ${this.config.factType} of ${systemRef}: ${
              (error as Error).message
            }`,
            { systemRef, url },
          );
        }
      },
    );
    if (failedInBatch > 0) {
      this.logger.warn(
        `${failedInBatch} of ${request.systems.length} requests failed`,
        { failed: failedInBatch, systems: request.systems.length },
      );
    }
    return facts;
  }

  private async fetchValue(
    url: string,
    signal: AbortSignal | undefined,
  ): Promise<JsonValue | undefined> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const response = await this.fetch(url, {
      headers: { accept: 'application/json', ...this.config.headers },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    }).catch(error => {
      if (timeout.aborted) {
        throw new Error(`no answer within ${this.config.timeoutMs} ms`);
      }
      throw error;
    });
    if (response.status === 404) {
      discard(response);
      return undefined;
    }
    if (!response.ok) {
      discard(response);
      throw new Error(`GET ${url} answered ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Error(`GET ${url} did not answer JSON`);
    }
    const value = valueAt(body, this.config.valuePath);
    if (value === undefined) {
      throw new Error(
        `GET ${url}: the answer has nothing at ${this.config.valuePath}`,
      );
    }
    return value as JsonValue;
  }
}
