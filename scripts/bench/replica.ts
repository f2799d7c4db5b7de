/*
 * Latency of the register on a register-only replica: a child process runs
 * `registryReplica.ts` on a bench run's databases and the scenarios are
 * measured against it from this process's worker thread.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { LatencyResult, measureLatency } from './latency';

/**
 * Starts `registryReplica.ts` in a child process on the bench run's
 * databases, runs the latency scenarios against it (the next-page cursor is
 * taken from the replica's own first page) and stops it.
 */
export async function measureOnReplica(options: {
  /** `backend.database` and `registry` config of the bench run. */
  config: object;
  /** Scenario name → path with query; `nextPage` gets the replica's cursor. */
  scenarios: Record<string, string>;
  headers: Record<string, string>;
  clients: number;
  seconds: number;
}): Promise<Record<string, LatencyResult>> {
  const { config, scenarios, headers, clients, seconds } = options;
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, 'registryReplica.ts'),
    ],
    {
      env: {
        ...process.env,
        QAZTECH_BENCH_REPLICA_CONFIG: JSON.stringify(config),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const port = await new Promise<number>((done, fail) => {
      let out = '';
      child.stdout!.on('data', chunk => {
        out += chunk;
        const match = /"port":\s*(\d+)/.exec(out);
        if (match) done(Number(match[1]));
      });
      child.once('exit', code =>
        fail(new Error(`the register replica exited with ${code}`)),
      );
    });
    const base = `http://localhost:${port}`;
    const firstPage = await (
      await fetch(`${base}/api/registry/systems?limit=50`, { headers })
    ).json();
    const latency: Record<string, LatencyResult> = {};
    for (const [name, path] of Object.entries(scenarios)) {
      const replicaPath =
        name === 'nextPage'
          ? `/api/registry/systems?limit=50&cursor=${encodeURIComponent(
              firstPage.nextCursor,
            )}`
          : path;
      latency[name] = await measureLatency({
        url: `${base}${replicaPath}`,
        headers,
        clients,
        durationMs: seconds * 1000,
      });
    }
    return latency;
  } finally {
    child.kill('SIGTERM');
    await new Promise(r => setTimeout(r, 1000));
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
