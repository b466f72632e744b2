/**
 * Where a run stopped in a deadlock: the instant, the tasks, and the simulator's sentence naming the
 * cycle ("A holds L1 and waits for L2; B holds L2 and waits for L1"), placed on the time axis.
 */
import type { Trace } from '../sim/types';
import { formatTime } from './scale';
import type { ViewWindow } from './viewWindow';

export interface DeadlockMark {
  atMs: number;
  cycle: string;
  tasks: string[];
  /** Position in percent of the plot width (clamped to its edges), and whether the instant is in view. */
  xPct: number;
  inView: boolean;
  /** "Deadlock at 1.11 ms: A holds L1 and waits for L2; B holds L2 and waits for L1." */
  sentence: string;
}

/** The deadlock of a trace (its metrics, else its `deadlock` event), or null. */
export function deadlockOf(trace: Trace): { atMs: number; cycle: string; tasks: string[] } | null {
  const d = trace.metrics.deadlock;
  if (d) return { atMs: d.atMs, cycle: d.cycle, tasks: d.tasks };
  // The event search walks the whole log (tens of thousands of events for large runs); a figure asks on
  // every zoom step, so the answer is kept per trace.
  if (eventDeadlocks.has(trace)) return eventDeadlocks.get(trace)!;
  const e = trace.events.find((x) => x.kind === 'deadlock');
  const found = e ? { atMs: e.timeMs, cycle: e.text ?? 'every unfinished task is blocked', tasks: [] } : null;
  eventDeadlocks.set(trace, found);
  return found;
}

const eventDeadlocks = new WeakMap<Trace, { atMs: number; cycle: string; tasks: string[] } | null>();

export function deadlockMark(trace: Trace, w: ViewWindow): DeadlockMark | null {
  const d = deadlockOf(trace);
  if (!d) return null;
  const span = w.endMs - w.startMs || 1;
  const pct = ((d.atMs - w.startMs) / span) * 100;
  return {
    ...d,
    xPct: Math.min(100, Math.max(0, pct)),
    inView: d.atMs >= w.startMs && d.atMs <= w.endMs,
    sentence: `Deadlock at ${formatTime(d.atMs)}: ${d.cycle}.`,
  };
}
