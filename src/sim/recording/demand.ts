/**
 * How many of the program's threads wanted a CPU at once (running, or ready with no core free), over all
 * its processes. A thread that waited for a core while the program wanted no more cores than the machine
 * has was held up by other programs on the machine, not by its own: the replay cannot recreate that, so
 * the derived workload counts such a wait as part of the work's time ("this machine, as busy as it was").
 * Where the program did want more, each thread's compute is its share of the cores (coreShareMs). Under
 * a GIL, how the threads of one process shared the time is held.ts's part.
 */
import { classifySegment, runningCover } from './classify';
import type { Recording } from './types';

export interface Demand {
  /** Thread-milliseconds of demand in [s, e). */
  integral(s: number, e: number): number;
  cores: number;
}

/** Demand of the whole program, over all its processes. */
export function programDemand(rec: Recording): Demand {
  const marks: [number, number][] = [];
  for (const p of rec.processes) {
    const cover = runningCover(p);
    for (const t of p.threads)
      for (const s of t.segments) {
        // Running, or ready with no core: labelled so by the recorder's run delay, or a wait it could not
        // name in which the clock moved while no other thread of the process held the GIL (classify.ts).
        const c = s.state === 'running' || s.label === 'core' ? null : classifySegment(s, cover, rec.python.gil);
        if (!c || c.state === 'wait-core') marks.push([s.startMs, 1], [s.endMs, -1]);
      }
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Breakpoints, the level after each, and the cumulative integral up to each.
  const at = new Float64Array(marks.length);
  const level = new Float64Array(marks.length);
  const cum = new Float64Array(marks.length);
  let l = 0;
  marks.forEach(([time, d], i) => {
    cum[i] = i === 0 ? 0 : cum[i - 1] + level[i - 1] * (time - at[i - 1]);
    at[i] = time;
    l += d;
    level[i] = l;
  });
  const upTo = (t: number): number => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    return i < 0 ? 0 : cum[i] + level[i] * (t - at[i]);
  };
  return { integral: (s, e) => upTo(e) - upTo(s), cores: rec.machine.cores };
}

/** Did the program itself want more cores than `cores` (default: the machine's), on average over [s, e)? */
export function ownContention(demand: Demand, s: number, e: number, cores = demand.cores): boolean {
  return e > s && demand.integral(s, e) / (e - s) > cores + 0.05;
}

/**
 * A thread's share of the cores over [s, e) while the program wanted more of them than there are: the
 * wall time times cores / demand. On an otherwise idle machine the scheduler gives every thread that
 * wants a core about that much, so it is the thread's CPU time; where other programs took cores too, the
 * thread got less CPU than that and the share keeps what they took, as the wall time of its running
 * stretches does when the program alone wanted no more cores than there are.
 */
export function coreShareMs(demand: Demand, s: number, e: number): number {
  if (e <= s) return 0;
  const level = demand.integral(s, e) / (e - s);
  return level > demand.cores ? ((e - s) * demand.cores) / level : e - s;
}
