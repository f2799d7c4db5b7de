import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const BACKEND_DIR = resolve(__dirname, '../../..');
const ENTRY = resolve(__dirname, 'replicaBackend.ts');

/** One line of a replica's log: when, which plugin, the message. */
export interface LogLine {
  at: number;
  plugin: string;
  text: string;
}

// The development log format: "<ISO time> <plugin> <level> <message> k=v".
const LOG_LINE = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) (\S+) \S+ (.*)$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * A backend replica running as its own OS process (replicaBackend.ts), with
 * its configuration in a file and its output in a log file.
 */
export class ReplicaProcess {
  readonly name: string;
  readonly baseUrl: string;
  readonly logFile: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #exitCode: number | null | undefined;

  private constructor(options: {
    name: string;
    baseUrl: string;
    logFile: string;
    child: ChildProcess;
  }) {
    this.name = options.name;
    this.baseUrl = options.baseUrl;
    this.logFile = options.logFile;
    this.#child = options.child;
    this.#exited = new Promise(done => {
      options.child.once('exit', code => {
        this.#exitCode = code;
        done();
      });
    });
  }

  /** Starts a replica with the given configuration; see {@link waitUntilReady}. */
  static start(options: {
    name: string;
    port: number;
    config: object;
    directory: string;
  }): ReplicaProcess {
    const configFile = resolve(
      options.directory,
      `replica-${options.name}.yaml`,
    );
    // JSON is YAML: the config loader reads it as it is.
    writeFileSync(configFile, JSON.stringify(options.config, null, 2));
    const logFile = resolve(options.directory, `replica-${options.name}.log`);
    const log = openSync(logFile, 'w');
    try {
      const child = spawn(
        process.execPath,
        [
          '--require',
          '@backstage/cli/config/nodeTransform.cjs',
          ENTRY,
          '--config',
          configFile,
        ],
        {
          cwd: BACKEND_DIR,
          env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
          stdio: ['ignore', log, log],
        },
      );
      return new ReplicaProcess({
        name: options.name,
        baseUrl: `http://127.0.0.1:${options.port}`,
        logFile,
        child,
      });
    } finally {
      closeSync(log);
    }
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Whether the process has ended. */
  get exited(): boolean {
    return this.#exitCode !== undefined;
  }

  /** Resolves once every plugin has started; fails if the process ends. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(
          `Replica ${this.name} exited with ${
            this.#exitCode
          } while starting:\n${this.logTail()}`,
        );
      }
      try {
        const res = await fetch(
          `${this.baseUrl}/.backstage/health/v1/readiness`,
        );
        if (res.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 500));
    }
    throw new Error(
      `Replica ${
        this.name
      } was not ready after ${timeoutMs} ms:\n${this.logTail()}`,
    );
  }

  /** The log lines, without colours. */
  log(): LogLine[] {
    const lines: LogLine[] = [];
    for (const raw of readFileSync(this.logFile, 'utf8').split('\n')) {
      const match = LOG_LINE.exec(raw.replace(ANSI, ''));
      if (match) {
        lines.push({
          at: Date.parse(match[1]),
          plugin: match[2],
          text: match[3],
        });
      }
    }
    return lines;
  }

  /** The end of the log, for failure messages. */
  logTail(lines = 40): string {
    return readFileSync(this.logFile, 'utf8')
      .replace(ANSI, '')
      .split('\n')
      .filter(line => !line.includes('/.backstage/health/'))
      .slice(-lines)
      .join('\n');
  }

  /** Kills the process at once, as a crash or an evicted pod would end. */
  async kill(): Promise<void> {
    if (!this.exited) {
      this.#child.kill('SIGKILL');
    }
    await this.#exited;
  }

  /** Stops the process: SIGTERM, then SIGKILL if it has not ended in time. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited || this.#child.pid === undefined) {
      return;
    }
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }
}
