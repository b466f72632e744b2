/** Latency percentiles and throughput over a run's finished tasks. */
import type { Metrics, TaskResult } from '../types';

/** Nearest-rank percentile of sorted values (p in 0..100). */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function latencyMetrics(
  tasks: readonly TaskResult[],
  makespanMs: number,
): Pick<Metrics, 'latency' | 'throughputPerS'> {
  let n = 0;
  for (const t of tasks) if (!t.unfinished) n++;
  const lat = new Float64Array(n);
  let i = 0;
  for (const t of tasks) if (!t.unfinished) lat[i++] = t.latencyMs;
  lat.sort();
  return {
    latency: {
      p50Ms: percentile(lat, 50),
      p95Ms: percentile(lat, 95),
      p99Ms: percentile(lat, 99),
      maxMs: n > 0 ? lat[n - 1] : 0,
    },
    throughputPerS: makespanMs > 0 ? n / (makespanMs / 1000) : 0,
  };
}
