import { execFile, execFileSync } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 server binaries live. */
const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL 15 server of the test's own, in a temporary data directory on
 * a free port with trust authentication: a test may stop and start it (to
 * fault a running backend) without touching the shared cluster.
 */
export interface PrivatePostgres {
  /** The port it listens on, at 127.0.0.1. */
  port: number;
  /** `postgresql://postgres@127.0.0.1:<port>/<database>` */
  connectionString(database?: string): string;
  /**
   * Stops the server at once (`pg_ctl stop -m fast`): open connections are
   * cut and transactions in progress are rolled back. Synchronous variants
   * block the event loop, so a test can stop it between two queries.
   */
  stop(): Promise<void>;
  /** {@link PrivatePostgres.stop}, blocking the event loop until it is down. */
  stopSync(): void;
  /** Starts it again after a stop, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its data directory. */
  destroy(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

/**
 * Runs a PostgreSQL binary, as the `postgres` OS user when the tests run as
 * root (initdb and the server refuse to run as root).
 */
function command(binary: string, args: string[]): [string, string[]] {
  const path = join(BIN, binary);
  if (process.getuid?.() === 0) {
    return ['runuser', ['-u', 'postgres', '--', path, ...args]];
  }
  return [path, args];
}

/**
 * Creates and starts a private PostgreSQL 15 server (see
 * {@link PrivatePostgres}). Throws, naming what failed, when it cannot: a
 * test that needs one must fail rather than silently skip.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'qaztech-faults-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(dir, 0o700);
  const port = await freePort();

  const exec = async (binary: string, args: string[]) => {
    const [file, argv] = command(binary, args);
    try {
      await run(file, argv, { timeout: 120_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(
        `Could not run ${binary} for the private PostgreSQL in ${dir}: ${
          e.stderr || e.message
        }`,
      );
    }
  };
  const startArgs = [
    'start',
    '-D',
    data,
    '-w',
    '-t',
    '60',
    '-l',
    join(dir, 'server.log'),
    // Only TCP on 127.0.0.1, no Unix socket in a shared directory; a small
    // server, so that the loaded machine starts it fast.
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c shared_buffers=16MB -c max_connections=50`,
  ];
  const stopArgs = ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60'];

  await exec('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  await exec('pg_ctl', startArgs);

  let running = true;
  return {
    port,
    connectionString(database = 'postgres') {
      return `postgresql://postgres@127.0.0.1:${port}/${database}`;
    },
    async stop() {
      await exec('pg_ctl', stopArgs);
      running = false;
    },
    stopSync() {
      const [file, argv] = command('pg_ctl', stopArgs);
      execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
      running = false;
    },
    async start() {
      await exec('pg_ctl', startArgs);
      running = true;
    },
    async destroy() {
      if (running) {
        await exec('pg_ctl', stopArgs).catch(() => {});
        running = false;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
