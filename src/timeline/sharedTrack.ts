/**
 * A shared variable along the time axis, from the trace's `shared-write` events: its value after each
 * write, and the lost updates (a write that overwrote a value another task had written since this task
 * read) with who lost what, and the final value against the expected one (the initial value plus one per
 * write, since a write stores what the task last read plus one).
 */
import type { Trace } from '../sim/types';
import { formatCount, formatTime, plural } from './scale';
import { stepPath, type StepSeries } from './stepLine';
import { taskName } from './traceIndex';
import { windowScale, type ViewWindow } from './viewWindow';

export interface SharedWrite {
  timeMs: number;
  task: number;
  value: number;
  lost: boolean;
  /** For a lost update: the latest earlier write by another task (the update it overwrote), or -1. */
  overwrote: number;
}

const writesCache = new WeakMap<Trace, Map<string, SharedWrite[]>>();

/** Every write to `name`, in time order; read once per trace. */
export function sharedWrites(trace: Trace, name: string): SharedWrite[] {
  let byName = writesCache.get(trace);
  if (!byName) writesCache.set(trace, (byName = new Map()));
  const hit = byName.get(name);
  if (hit) return hit;
  const out: SharedWrite[] = [];
  for (const e of trace.events) {
    if (e.kind !== 'shared-write' || e.var !== name || e.value === undefined) continue;
    let overwrote = -1;
    if (e.lost) for (let k = out.length - 1; k >= 0 && overwrote < 0; k--) if (out[k].task !== e.task) overwrote = k;
    out.push({ timeMs: e.timeMs, task: e.task, value: e.value, lost: !!e.lost, overwrote });
  }
  byName.set(name, out);
  return out;
}

/** The shared variables a trace writes, in order of first write. */
const namesCache = new WeakMap<Trace, string[]>();

export function sharedNames(trace: Trace): string[] {
  let names = namesCache.get(trace);
  if (names) return names;
  names = Object.keys(trace.metrics.shared ?? {});
  for (const e of trace.events) if (e.kind === 'shared-write' && e.var && !names.includes(e.var)) names.push(e.var);
  namesCache.set(trace, names);
  return names;
}

/** "A's write at 19.1 ms stored 1 over B's 1 from 14.2 ms: B's update is lost". */
export function lostUpdateText(trace: Trace, writes: readonly SharedWrite[], i: number, name: string): string {
  const w = writes[i];
  const who = taskName(trace, w.task);
  const prev = w.overwrote >= 0 ? writes[w.overwrote] : null;
  if (!prev) return `lost update: ${who} wrote ${formatCount(w.value)} to ${name} at ${formatTime(w.timeMs)}`;
  const other = taskName(trace, prev.task);
  return `lost update: ${who} wrote ${formatCount(w.value)} to ${name} at ${formatTime(w.timeMs)}, over the ${formatCount(prev.value)} ${other} wrote at ${formatTime(prev.timeMs)}; ${other}'s update is lost`;
}

export interface LostMark {
  /** px in the track's viewBox. */
  x: number;
  y: number;
  timeMs: number;
  text: string;
}

export interface SharedTrack {
  kind: 'shared';
  name: string;
  /** "shared x" */
  label: string;
  height: number;
  /** The value as a step line, and a dot at each write that lost nothing (px, viewBox 0 0 width height). */
  path: string;
  dots: string;
  /** A mark at each lost update in view (one per pixel column at most). */
  lost: LostMark[];
  /** Lost updates in the window (all of them, however many are drawn). */
  lostInView: number;
  /** y of the expected final value. */
  expectedY: number;
  final: number;
  expected: number;
  /** Under the label: "1, expected 2". */
  brief: string;
  text: string;
}

export const SHARED_TRACK_H = 26;
const PAD = 4;

export function sharedTrack(
  trace: Trace,
  name: string,
  initial: number,
  w: ViewWindow,
  width: number,
  height = SHARED_TRACK_H,
): SharedTrack {
  const writes = sharedWrites(trace, name);
  const metrics = trace.metrics.shared?.[name];
  const count = metrics?.writes ?? writes.length;
  const final = metrics?.final ?? (writes.length ? writes[writes.length - 1].value : initial);
  const expected = initial + count;
  const lostTotal = metrics?.lostUpdates ?? writes.filter((x) => x.lost).length;
  let lo = Math.min(initial, expected);
  let hi = Math.max(initial, expected);
  for (const x of writes) {
    lo = Math.min(lo, x.value);
    hi = Math.max(hi, x.value);
  }
  const range = hi - lo || 1;
  const y = (v: number) => height - PAD - ((v - lo) / range) * (height - 2 * PAD);
  const series: StepSeries = { initial, t: writes.map((x) => x.timeMs), v: writes.map((x) => x.value) };
  const px = windowScale(w, width);
  const r = (n: number) => Math.round(n * 100) / 100;
  const dots: string[] = [];
  const lost: LostMark[] = [];
  let lostInView = 0;
  let dotCol = -Infinity;
  let lostCol = -Infinity;
  writes.forEach((x, i) => {
    if (x.timeMs < w.startMs || x.timeMs > w.endMs) return;
    const cx = px(x.timeMs);
    const col = Math.floor(cx);
    if (x.lost) {
      lostInView++;
      if (col !== lostCol)
        lost.push({ x: cx, y: y(x.value), timeMs: x.timeMs, text: lostUpdateText(trace, writes, i, name) });
      lostCol = col;
    } else if (col !== dotCol) {
      dots.push(`M${r(cx)} ${r(y(x.value))}h0`);
      dotCol = col;
    }
  });
  const lostWords = lostTotal === 0 ? 'no lost updates' : plural(lostTotal, 'lost update');
  return {
    kind: 'shared',
    name,
    label: `shared ${name}`,
    height,
    path: stepPath(series, w, width, y, trace.makespanMs),
    dots: dots.join(''),
    lost,
    lostInView,
    expectedY: y(expected),
    final,
    expected,
    brief: `${formatCount(final)}, expected ${formatCount(expected)}`,
    text: `shared ${name}: ${formatCount(final)} at the end, ${formatCount(expected)} expected (${plural(count, 'write')}, ${lostWords})`,
  };
}
