/**
 * Under a GIL only one thread of a process runs Python at a time, so the time a thread computed is the
 * time it held the GIL, not its CPU clock and not the wall time of its running stretches. CPython 3.11
 * does not say who holds it; the recording says, for every stretch, which threads wanted to run (running,
 * or waiting unlabelled for the GIL or a core: see classify.ts) and how far each one's CPU clock moved.
 * While one or more threads want to run, one of them holds the GIL (also while the machine's other
 * programs keep it off a core), so the wall time is theirs and is shared among them as their CPU clocks
 * moved. A thread alone gets the whole stretch, preemptions included; two threads taking turns share it,
 * and their shares add up to the wall time even where the sampler read their clocks at slightly different
 * moments or both were caught in one sampling interval. Where their clocks together moved faster than the
 * wall clock, C code let the GIL go (hashlib, zlib, NumPy): each keeps its CPU time, and of it only the
 * share that fits under one GIL counts as held (its clock's share of the wall time); the rest, which can
 * only have run beside the GIL holder, is native (nativeMs). That is the least native time the clocks
 * allow: a thread of pure Python beside one in C comes out half and half, and the replay still gives the
 * two of them one GIL's worth of Python per wall millisecond, as the recording had.
 */
import { classifySegment, type Cover } from './classify';
import type { RecordedProcess } from './types';

export interface Held {
  /** How long the thread (RecordedThread.id) held the GIL within [s, e), in ms. */
  ms(thread: number, s: number, e: number): number;
  /** How long it ran C code beside the GIL's holder within [s, e), in ms (see above). */
  nativeMs(thread: number, s: number, e: number): number;
}

/** Clocks that together moved faster than this many wall ms per ms ran beside each other (not sampling noise). */
const PARALLEL_RATE = 1.1;

interface Want {
  thread: number;
  startMs: number;
  endMs: number;
  /** CPU time per wall ms in the stretch. */
  rate: number;
}

/** A thread's share of each elementary slice, as a step function with its running integral. */
interface Shares {
  at: number[];
  until: number[];
  /** Share of the wall time (0…1) in [at[i], until[i]). */
  share: number[];
  /** Integral of the share up to at[i]. */
  cum: number[];
}

export function heldTime(process: RecordedProcess, cover: Cover): Held {
  const wants: Want[] = [];
  for (const t of process.threads)
    for (const seg of t.segments) {
      const wall = seg.endMs - seg.startMs;
      if (wall <= 0) continue;
      const c = classifySegment(seg, cover, true);
      if (c.state === 'io') continue;
      wants.push({ thread: t.id, startMs: seg.startMs, endMs: seg.endMs, rate: seg.cpuMs / wall });
    }
  const edges: { t: number; w: Want; open: boolean }[] = [];
  for (const w of wants) edges.push({ t: w.startMs, w, open: true }, { t: w.endMs, w, open: false });
  edges.sort((a, b) => a.t - b.t || Number(a.open) - Number(b.open));
  const byThread = new Map<number, Shares>();
  const nativeByThread = new Map<number, Shares>();
  const add = (thread: number, s: number, e: number, share: number, into = byThread) => {
    let sh = into.get(thread);
    if (!sh) into.set(thread, (sh = { at: [], until: [], share: [], cum: [] }));
    const n = sh.at.length;
    const before = n === 0 ? 0 : sh.cum[n - 1] + sh.share[n - 1] * (sh.until[n - 1] - sh.at[n - 1]);
    sh.at.push(s);
    sh.until.push(e);
    sh.share.push(share);
    sh.cum.push(before);
  };
  const active = new Set<Want>();
  let from = edges.length > 0 ? edges[0].t : 0;
  for (const edge of edges) {
    if (edge.t > from && active.size > 0) {
      let total = 0;
      for (const w of active) total += w.rate;
      for (const w of active) {
        if (total > PARALLEL_RATE) {
          // Faster together than one core's worth: the GIL was let go (see above).
          add(w.thread, from, edge.t, w.rate / total);
          add(w.thread, from, edge.t, w.rate - w.rate / total, nativeByThread);
        } else add(w.thread, from, edge.t, total > 0 ? w.rate / Math.min(1, total) : 1 / active.size);
      }
    }
    from = edge.t;
    if (edge.open) active.add(edge.w);
    else active.delete(edge.w);
  }
  const upTo = (sh: Shares, t: number): number => {
    let lo = 0;
    let hi = sh.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sh.at[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i < 0) return 0;
    return sh.cum[i] + sh.share[i] * (Math.min(t, sh.until[i]) - sh.at[i]);
  };
  return {
    ms(thread, s, e) {
      const sh = byThread.get(thread);
      return sh && e > s ? upTo(sh, e) - upTo(sh, s) : 0;
    },
    nativeMs(thread, s, e) {
      const sh = nativeByThread.get(thread);
      return sh && e > s ? upTo(sh, e) - upTo(sh, s) : 0;
    },
  };
}
