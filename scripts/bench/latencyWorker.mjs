// Runs the closed-loop load of latency.ts on its own thread, so the load
// generator does not share the backend's event loop.
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, clients, durationMs, warmupMs, maxRequests } = workerData;

async function load(ms, record) {
  const deadline = performance.now() + ms;
  async function client() {
    while (performance.now() < deadline && record.count < maxRequests) {
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        record.count++;
        if (res.ok) record.latencies.push(performance.now() - t0);
        else record.errors++;
      } catch {
        record.count++;
        record.errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, client));
}

await load(warmupMs, { latencies: [], errors: 0, count: 0 });
const record = { latencies: [], errors: 0, count: 0 };
const started = performance.now();
await load(durationMs, record);
parentPort.postMessage({
  latencies: record.latencies,
  errors: record.errors,
  seconds: (performance.now() - started) / 1000,
});
