/*
 * A bounded closed-loop load: `clients` concurrent callers each send
 * requests back to back for `durationMs`, against loopback only. Latencies
 * are kept whole so percentiles are exact.
 */

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
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

export async function measureLatency(options: {
  url: string;
  headers: Record<string, string>;
  clients: number;
  durationMs: number;
  maxRequests?: number;
}): Promise<LatencyResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const maxRequests = options.maxRequests ?? 100_000;

  async function client() {
    while (
      performance.now() < deadline &&
      latencies.length + errors < maxRequests
    ) {
      const t0 = performance.now();
      try {
        const res = await fetch(options.url, { headers: options.headers });
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: options.clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    requestsPerSecond: round((latencies.length + errors) / elapsed),
  };
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}
