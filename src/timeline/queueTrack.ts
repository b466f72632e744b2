/**
 * A queue's depth over time, from the trace's `queue-depth` events: the series, and what its track
 * shows in a window (the step line, the maxsize line, the deepest point in view, in words too).
 */
import type { Trace } from '../sim/types';
import { formatCount, formatTime } from './scale';
import { rangeIn, stepPath, type StepSeries } from './stepLine';
import type { ViewWindow } from './viewWindow';

const seriesCache = new WeakMap<Trace, Map<string, StepSeries>>();

/** The depth of queue `name` over the run (0 before the first put); read once per trace. */
export function queueDepthSeries(trace: Trace, name: string): StepSeries {
  let byName = seriesCache.get(trace);
  if (!byName) seriesCache.set(trace, (byName = new Map()));
  const hit = byName.get(name);
  if (hit) return hit;
  const t: number[] = [];
  const v: number[] = [];
  for (const e of trace.events) {
    if (e.kind !== 'queue-depth' || e.sync !== name || e.depth === undefined) continue;
    t.push(e.timeMs);
    v.push(e.depth);
  }
  const s = { initial: 0, t, v };
  byName.set(name, s);
  return s;
}

/** The queues a trace reports depths for, in order of first appearance. */
const namesCache = new WeakMap<Trace, string[]>();

export function queueNames(trace: Trace): string[] {
  let names = namesCache.get(trace);
  if (names) return names;
  names = [];
  for (const e of trace.events) if (e.kind === 'queue-depth' && e.sync && !names.includes(e.sync)) names.push(e.sync);
  namesCache.set(trace, names);
  return names;
}

export interface QueueTrack {
  kind: 'queue';
  name: string;
  /** "queue q depth" */
  label: string;
  height: number;
  /** Step line in px (viewBox 0 0 width height). */
  path: string;
  /** y of the maxsize line, or null for an unbounded queue. */
  maxY: number | null;
  maxsize: number;
  /** The scale's top value (maxsize, or the deepest the queue ever got). */
  top: number;
  /** Deepest in the window. */
  peak: number;
  /** Under the label: "max 2 of 2". */
  brief: string;
  /** The track in words. */
  text: string;
}

export const QUEUE_TRACK_H = 24;
const PAD = 4;

export function queueTrack(
  trace: Trace,
  name: string,
  maxsize: number,
  w: ViewWindow,
  width: number,
  height = QUEUE_TRACK_H,
): QueueTrack {
  const s = queueDepthSeries(trace, name);
  const ever = s.v.reduce((m, d) => Math.max(m, d), 0);
  const top = Math.max(1, maxsize > 0 ? Math.max(maxsize, ever) : ever);
  const y = (d: number) => height - PAD - (d / top) * (height - 2 * PAD);
  const { max: peak } = rangeIn(s, w);
  const m = trace.metrics.sync[name];
  const counts = m ? `; ${formatCount(m.puts ?? 0)} puts, ${formatCount(m.gets ?? 0)} gets in the run` : '';
  const bound = maxsize > 0 ? ` of maxsize ${formatCount(maxsize)}` : ' (unbounded)';
  const full = maxsize > 0 && peak >= maxsize ? ', full' : '';
  return {
    kind: 'queue',
    name,
    label: `queue ${name} depth`,
    height,
    path: stepPath(s, w, width, y, trace.makespanMs),
    maxY: maxsize > 0 ? y(maxsize) : null,
    maxsize,
    top,
    peak,
    brief: maxsize > 0 ? `max ${formatCount(peak)} of ${formatCount(maxsize)}` : `max ${formatCount(peak)}`,
    text: `queue ${name} depth: at most ${formatCount(peak)}${bound}${full} from ${formatTime(w.startMs)} to ${formatTime(w.endMs)}${counts}`,
  };
}
