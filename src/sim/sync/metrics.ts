/** Latency percentiles and throughput over a run's finished tasks; the most tasks running at once. */
import type { Metrics, TaskResult } from '../types';

/** Nearest-rank percentile of sorted values (p in 0..100). */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * `byEnd`, when given, lists exactly the finished tasks in the order they ended: their latencies are
 * read in that order, which is already sorted when every task arrived at the same moment (checked;
 * otherwise they are sorted).
 */
export function latencyMetrics(
  tasks: readonly TaskResult[],
  makespanMs: number,
  byEnd: Int32Array | null = null,
): Pick<Metrics, 'latency' | 'throughputPerS'> {
  let lat: Float64Array;
  if (byEnd !== null) {
    lat = new Float64Array(byEnd.length);
    let sorted = true;
    for (let i = 0; i < lat.length; i++) {
      const v = tasks[byEnd[i]].latencyMs;
      lat[i] = v;
      if (i > 0 && !(v >= lat[i - 1])) sorted = false;
    }
    if (!sorted) lat.sort();
  } else {
    let count = 0;
    for (const t of tasks) if (!t.unfinished) count++;
    lat = new Float64Array(count);
    let i = 0;
    for (const t of tasks) if (!t.unfinished) lat[i++] = t.latencyMs;
    lat.sort();
  }
  const n = lat.length;
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

/** What peakConcurrency reads from the recorder (engine/recorder.ts). */
export interface TaskTimes {
  /** Per task, ns; -1 = never started / never ended. */
  readonly taskStart: Float64Array;
  readonly taskEnd: Float64Array;
  /** The tasks that started (ended), nStarted (nEnded) of them, in the order they did. */
  readonly startOrder: Int32Array;
  readonly endOrder: Int32Array;
  readonly nStarted: number;
  readonly nEnded: number;
  /** Whether those orders are by time. */
  readonly inTimeOrder: boolean;
}

/**
 * Most tasks started and not yet finished at one moment (an end at t comes before a start at t). A task
 * that never started or never ended counts as an end before time 0 for each missing time. With the
 * starts and ends in time order (whole nanoseconds), one merge of the two; otherwise a sort.
 */
export function peakConcurrency(r: TaskTimes): number {
  const { taskStart: start, taskEnd: end, startOrder, endOrder, nStarted, nEnded } = r;
  const n = start.length;
  if (!r.inTimeOrder) return peakBySort(start, end);
  let cur = -(n - nStarted) - (n - nEnded);
  let peak = 0;
  let j = 0;
  for (let i = 0; i < nStarted; i++) {
    const s = start[startOrder[i]];
    if (s !== Math.floor(s)) return peakBySort(start, end);
    for (; j < nEnded; j++) {
      const e = end[endOrder[j]];
      if (e !== Math.floor(e)) return peakBySort(start, end);
      if (e > s) break;
      cur--;
    }
    cur++;
    if (cur > peak) peak = cur;
  }
  return peak;
}

/** peakConcurrency over times in any order: starts and ends sorted together (ends first at one instant). */
function peakBySort(start: Float64Array, end: Float64Array): number {
  const n = start.length;
  const pts = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pts[2 * i] = start[i] * 2 + 1; // starts sort after ends at the same instant
    pts[2 * i + 1] = end[i] * 2;
  }
  pts.sort();
  let cur = 0;
  let peak = 0;
  for (let i = 0; i < pts.length; i++) {
    if (pts[i] % 2 === 1) {
      cur++;
      if (cur > peak) peak = cur;
    } else cur--;
  }
  return peak;
}
