/*
 * A bounded closed-loop load: `clients` concurrent callers each send
 * requests back to back for `durationMs` (after a warm-up), against loopback
 * only, from a worker thread. Latencies are kept whole so percentiles are
 * exact.
 */
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';

/** Figures of one load scenario. */
export interface LatencyResult {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, index))];
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

export async function measureLatency(options: {
  url: string;
  headers: Record<string, string>;
  clients: number;
  durationMs: number;
  warmupMs?: number;
  maxRequests?: number;
}): Promise<LatencyResult> {
  const { latencies, errors, seconds } = await new Promise<{
    latencies: number[];
    errors: number;
    seconds: number;
  }>((done, fail) => {
    const worker = new Worker(resolve(__dirname, 'latencyWorker.mjs'), {
      workerData: {
        url: options.url,
        headers: options.headers,
        clients: options.clients,
        durationMs: options.durationMs,
        warmupMs: options.warmupMs ?? 2000,
        maxRequests: options.maxRequests ?? 200_000,
      },
    });
    worker.once('message', done);
    worker.once('error', fail);
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    requestsPerSecond: round((latencies.length + errors) / seconds),
  };
}
