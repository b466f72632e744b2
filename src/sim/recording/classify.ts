/**
 * What a recorded thread was doing in each segment. The recorder sees only CPU clocks and the calls it
 * wraps, so the GIL is inferred, never observed: a thread that wanted to run (no wait the recorder could
 * name, its clock barely moving) while another thread of the same interpreter ran is taken to be waiting
 * for the GIL; one whose clock moved slowly with nobody else running was waiting for a core.
 */
import type { SpanState } from '../types';
import type { RecordedProcess, RecordedSegment, WaitLabel } from './types';

/** A wait whose CPU clock moved less than this share of the wall time is a real wait, not contention. */
const IDLE_CPU_SHARE = 0.1;

export interface Classified {
  startMs: number;
  endMs: number;
  cpuMs: number;
  /** running / wait-gil / wait-core: work that wants a CPU; io: a wait (named by `label`, or unknown). */
  state: Extract<SpanState, 'running' | 'wait-gil' | 'wait-core' | 'io'>;
  label?: WaitLabel | 'wait';
}

/** Sorted, merged intervals in which some thread of the process was running (or ready to, but had no core). */
export function runningCover(process: RecordedProcess): Float64Array {
  const iv: [number, number][] = [];
  for (const t of process.threads)
    for (const s of t.segments) if (s.state === 'running' || s.label === 'core') iv.push([s.startMs, s.endMs]);
  iv.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of iv) {
    if (out.length > 0 && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return Float64Array.from(out);
}

/** How much of [s, e) the cover overlaps (ms). */
export function coveredMs(cover: Float64Array, s: number, e: number): number {
  let lo = 0;
  let hi = cover.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cover[2 * mid + 1] <= s) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let i = lo; i < cover.length / 2 && cover[2 * i] < e; i++)
    sum += Math.max(0, Math.min(e, cover[2 * i + 1]) - Math.max(s, cover[2 * i]));
  return sum;
}

export function classifySegment(seg: RecordedSegment, cover: Float64Array, gil: boolean): Classified {
  const base = { startMs: seg.startMs, endMs: seg.endMs, cpuMs: seg.cpuMs };
  if (seg.state === 'running') return { ...base, state: 'running' };
  if (seg.label === 'core') return { ...base, state: 'wait-core' };
  if (seg.label) return { ...base, state: 'io', label: seg.label };
  const wallMs = seg.endMs - seg.startMs;
  const othersRan = coveredMs(cover, seg.startMs, seg.endMs) >= wallMs / 2;
  if (gil && othersRan) return { ...base, state: 'wait-gil' };
  if (seg.cpuMs >= wallMs * IDLE_CPU_SHARE) return { ...base, state: 'wait-core' };
  return { ...base, state: 'io', label: 'wait' };
}

/** The segments of a thread inside [fromMs, toMs), cut at the edges (CPU time shared pro rata). */
export function clip(segs: readonly RecordedSegment[], fromMs: number, toMs: number): RecordedSegment[] {
  const out: RecordedSegment[] = [];
  for (const s of segs) {
    if (s.endMs <= fromMs || s.startMs >= toMs) continue;
    const a = Math.max(s.startMs, fromMs);
    const b = Math.min(s.endMs, toMs);
    const wall = s.endMs - s.startMs;
    out.push({ ...s, startMs: a, endMs: b, cpuMs: wall > 0 ? (s.cpuMs * (b - a)) / wall : s.cpuMs });
  }
  return out;
}
