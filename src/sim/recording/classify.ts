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

/**
 * Where a process's threads ran: `running`, the sorted, merged intervals in which some thread of it was
 * running (or ready to, but had no core); `shared`, those in which two or more of its threads each ran
 * for part of the time and waited, unlabelled, for the rest, their clocks together keeping about one core
 * busy (GIL_BUSY_RATE). Under a GIL that second pattern is threads
 * taking turns: ten threads that each want 10 ms of Python at once each run about a tenth of the wall
 * time, so none of them counts as running and only `shared` shows they held each other up.
 */
export interface Cover {
  running: Float64Array;
  shared: Float64Array;
}

function merged(iv: [number, number][]): Float64Array {
  iv.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of iv) {
    if (out.length > 0 && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return Float64Array.from(out);
}

/**
 * A thread taking turns with others ran at least this share of an unlabelled wait: a fiftieth, enough for
 * fifty threads sharing one GIL, and well above a thread that only woke now and then.
 */
const TURN_CPU_SHARE = 0.02;

/** An unlabelled wait in which the thread's clock moved: it wanted to run and ran some of the time. */
function partlyRunning(s: RecordedSegment): boolean {
  return s.state === 'waiting' && !s.label && s.cpuMs >= (s.endMs - s.startMs) * TURN_CPU_SHARE;
}

/**
 * Threads that take turns at one GIL keep it busy: together their clocks move about as fast as the wall
 * clock (less by what other programs take from the holder). Below this rate most of the stretch nobody
 * held it, and the threads were waiting for something the recorder could not name (a C call, a pipe):
 * a thread in a long download that wakes now and then to read a chunk is not taking turns with another
 * one doing the same.
 */
const GIL_BUSY_RATE = 0.5;

/**
 * Intervals in which at least two of the given intervals overlap and their CPU clocks together moved at
 * least GIL_BUSY_RATE ms per wall ms.
 */
function turnsTaken(iv: [number, number, number][]): Float64Array {
  const edges: [number, number, number][] = [];
  for (const [s, e, rate] of iv) if (e > s) edges.push([s, 1, rate], [e, -1, -rate]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  let depth = 0;
  let rate = 0;
  let from = 0;
  for (const [t, d, r] of edges) {
    if (t > from && depth >= 2 && rate >= GIL_BUSY_RATE - 1e-9) out.push([from, t]);
    from = t;
    depth += d;
    rate += r;
  }
  return merged(out);
}

export function runningCover(process: RecordedProcess): Cover {
  const running: [number, number][] = [];
  const partly: [number, number, number][] = [];
  for (const t of process.threads)
    for (const s of t.segments) {
      if (s.state === 'running' || s.label === 'core') running.push([s.startMs, s.endMs]);
      else if (partlyRunning(s)) partly.push([s.startMs, s.endMs, s.cpuMs / (s.endMs - s.startMs)]);
    }
  return { running: merged(running), shared: turnsTaken(partly) };
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

export function classifySegment(seg: RecordedSegment, cover: Cover, gil: boolean): Classified {
  const base = { startMs: seg.startMs, endMs: seg.endMs, cpuMs: seg.cpuMs };
  if (seg.state === 'running') return { ...base, state: 'running' };
  if (seg.label === 'core') return { ...base, state: 'wait-core' };
  if (seg.label) return { ...base, state: 'io', label: seg.label };
  const wallMs = seg.endMs - seg.startMs;
  const othersRan =
    coveredMs(cover.running, seg.startMs, seg.endMs) >= wallMs / 2 ||
    (partlyRunning(seg) && coveredMs(cover.shared, seg.startMs, seg.endMs) >= wallMs / 2);
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
