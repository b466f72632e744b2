/** Metrics of a recorded run: what a recording can tell (wall time, CPU used, latencies), zero for the rest. */
import { latencyMetrics } from '../sync/metrics';
import type { Metrics, TaskResult } from '../types';

export function blankMetrics(
  makespanMs: number,
  cores: number,
  cpuWorkMs: number,
  tasks: readonly TaskResult[],
): Metrics {
  let peak = 0;
  const marks = tasks.flatMap((t) => [
    [t.startMs, 1],
    [t.endMs, -1],
  ]);
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let live = 0;
  for (const [, d] of marks) peak = Math.max(peak, (live += d));
  return {
    makespanMs,
    coreBusyMs: [],
    utilisation: makespanMs > 0 ? Math.min(1, cpuWorkMs / (cores * makespanMs)) : 0,
    peakConcurrency: peak,
    gilSwitches: 0,
    memoryBytes: 0,
    cpuWorkMs,
    eventCount: 0,
    ...latencyMetrics(tasks, makespanMs),
    sync: {},
    shared: {},
    deadlock: null,
  };
}
