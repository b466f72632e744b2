/**
 * For workloads whose tasks arrive over time (startAtMs / everyMs): each task's latency (end − arrival)
 * plotted at its arrival time, and the readout of the run's percentiles and throughput.
 */
import type { Trace } from '../sim/types';
import { formatTime } from './scale';
import { windowScale, type ViewWindow } from './viewWindow';

export interface LatencyReadout {
  p50: string;
  p95: string;
  max: string;
  /** "47.5 tasks/s" */
  throughput: string;
  /** "latency p50 63.9 ms, p95 73.9 ms, max 73.9 ms; throughput 47.5 tasks/s" */
  text: string;
}

export function formatRate(perS: number): string {
  if (!Number.isFinite(perS) || perS <= 0) return '0 tasks/s';
  const digits = perS >= 100 ? 0 : perS >= 10 ? 1 : 2;
  return `${perS.toFixed(digits)} tasks/s`;
}

export function latencyReadout(trace: Trace): LatencyReadout {
  const { latency, throughputPerS } = trace.metrics;
  const p50 = formatTime(latency.p50Ms);
  const p95 = formatTime(latency.p95Ms);
  const max = formatTime(latency.maxMs);
  const throughput = formatRate(throughputPerS);
  return { p50, p95, max, throughput, text: `latency p50 ${p50}, p95 ${p95}, max ${max}; throughput ${throughput}` };
}

export interface LatencyTrack {
  kind: 'latency';
  name: string;
  label: string;
  height: number;
  /** A dot per task (at most two per pixel column: the lowest and the highest), px in viewBox 0 0 width height. */
  dots: string;
  /** y of the p95 line. */
  p95Y: number;
  /** The scale's top (the longest latency). */
  topMs: number;
  /** Tasks arriving in the window, and the longest latency among them. */
  inView: number;
  maxInViewMs: number;
  /** Under the label: the run's longest latency, "longest 73.9 ms". */
  brief: string;
  text: string;
}

export const LATENCY_TRACK_H = 26;
const PAD = 4;

const arrivalCache = new WeakMap<Trace, Trace['tasks']>();

/** The finished tasks in order of arrival (sorted once per trace). */
function finishedByArrival(trace: Trace): Trace['tasks'] {
  let done = arrivalCache.get(trace);
  if (!done) {
    done = trace.tasks.filter((t) => !t.unfinished).sort((a, b) => a.arrivalMs - b.arrivalMs);
    arrivalCache.set(trace, done);
  }
  return done;
}

/** The longest latency of finished tasks in a run. */
export function longestLatency(trace: Trace): number {
  return trace.tasks.reduce((m, t) => (t.unfinished ? m : Math.max(m, t.latencyMs)), 0);
}

/**
 * The strip for one run. `topMs` is the scale's top: by default the run's own longest latency; figures
 * comparing models pass the longest of all, so that one height means one latency in every band.
 */
export function latencyTrack(
  trace: Trace,
  w: ViewWindow,
  width: number,
  height = LATENCY_TRACK_H,
  topMs = longestLatency(trace),
): LatencyTrack {
  const done = finishedByArrival(trace);
  const longest = longestLatency(trace);
  topMs = Math.max(topMs, longest, 1e-9);
  const y = (ms: number) => height - PAD - (ms / topMs) * (height - 2 * PAD);
  const px = windowScale(w, width);
  const r = (n: number) => Math.round(n * 100) / 100;
  const parts: string[] = [];
  let col = -Infinity;
  let lo = 0;
  let hi = 0;
  let cx = 0;
  let inView = 0;
  let maxInViewMs = 0;
  const flush = () => {
    if (col === -Infinity) return;
    parts.push(`M${r(cx)} ${r(y(hi))}h0`);
    if (lo !== hi) parts.push(`M${r(cx)} ${r(y(lo))}h0`);
  };
  for (const t of done) {
    if (t.arrivalMs < w.startMs || t.arrivalMs > w.endMs) continue;
    inView++;
    maxInViewMs = Math.max(maxInViewMs, t.latencyMs);
    const x = px(t.arrivalMs);
    const c = Math.floor(x);
    if (c !== col) {
      flush();
      col = c;
      cx = x;
      lo = hi = t.latencyMs;
    }
    lo = Math.min(lo, t.latencyMs);
    hi = Math.max(hi, t.latencyMs);
  }
  flush();
  const n = inView === 1 ? '1 task arrives' : `${inView} tasks arrive`;
  return {
    kind: 'latency',
    name: 'latency',
    label: 'latency',
    height,
    dots: parts.join(''),
    p95Y: y(trace.metrics.latency.p95Ms),
    topMs,
    inView,
    maxInViewMs,
    brief: `longest ${formatTime(longest)}`,
    text: `latency by arrival: ${n} from ${formatTime(w.startMs)} to ${formatTime(w.endMs)}${inView ? `, the slowest taking ${formatTime(maxInViewMs)}` : ''}; the longest in the run ${formatTime(longest)}`,
  };
}
