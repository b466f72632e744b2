/**
 * Which states have time inside a window, answered in a few binary searches per state instead of a pass
 * over every lane: the legend asks on every zoom step, and a 10 000-task figure has 10 000 lanes.
 *
 * Per state, the spans' starts in ascending order and the running maximum of their ends: some span of
 * the state meets [a, b) exactly when, among the spans starting before b, the latest end is after a.
 * Built once per trace index and set of lanes drawn (spans never change after simulation; the rows of a
 * band regroup as the window narrows, but the lanes they hold stay the same).
 */
import type { Span, SpanState } from '../sim/types';
import { STATE_ORDER } from './palette';

interface StateIndex {
  starts: Float64Array;
  /** maxEnd[i]: the latest end among the spans at starts[0..i]. */
  maxEnd: Float64Array;
}

interface StatesIndex {
  /** lane → 1 for the lanes it covers. */
  lanes: Uint8Array;
  laneCount: number;
  byState: Map<SpanState, StateIndex>;
}

const cache = new WeakMap<readonly Span[], StatesIndex[]>();

/** Whether `ix` covers exactly `rows`' lanes. */
function covers(ix: StatesIndex, rows: readonly { lanes: readonly number[] }[]): boolean {
  let n = 0;
  for (const r of rows)
    for (const l of r.lanes) {
      if (ix.lanes[l] !== 1) return false;
      n++;
    }
  return n === ix.laneCount;
}

function statesIndex(
  spans: readonly Span[],
  laneStart: Int32Array,
  rows: readonly { lanes: readonly number[] }[],
): StatesIndex {
  let list = cache.get(spans);
  if (!list) cache.set(spans, (list = []));
  const hit = list.find((ix) => covers(ix, rows));
  if (hit) return hit;
  const lanes = new Uint8Array(Math.max(0, laneStart.length - 1));
  let laneCount = 0;
  const groups = new Map<SpanState, Span[]>();
  for (const r of rows)
    for (const l of r.lanes) {
      if (lanes[l] === 1) continue;
      lanes[l] = 1;
      laneCount++;
      for (let i = laneStart[l]; i < laneStart[l + 1]; i++) {
        const s = spans[i];
        let g = groups.get(s.state);
        if (!g) groups.set(s.state, (g = []));
        g.push(s);
      }
    }
  const byState = new Map<SpanState, StateIndex>();
  for (const [state, g] of groups) {
    g.sort((a, b) => a.startMs - b.startMs);
    const starts = Float64Array.from(g, (s) => s.startMs);
    const maxEnd = new Float64Array(g.length);
    let m = -Infinity;
    for (let i = 0; i < g.length; i++) maxEnd[i] = m = Math.max(m, g[i].endMs);
    byState.set(state, { starts, maxEnd });
  }
  const ix = { lanes, laneCount, byState };
  // A handful of lane sets per trace at most (views, folded tracks): keep the last few.
  list.push(ix);
  if (list.length > 4) list.shift();
  return ix;
}

/** Whether some span of the index's state meets [startMs, endMs) (ends after startMs, starts before endMs). */
function meets(ix: StateIndex, startMs: number, endMs: number): boolean {
  let lo = 0;
  let hi = ix.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.starts[mid] < endMs) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ix.maxEnd[lo - 1] > startMs;
}

/** Adds to `seen` the states with time in [startMs, endMs) on the lanes of `rows` (spans sorted per lane). */
export function addStatesIn(
  spans: readonly Span[],
  laneStart: Int32Array,
  rows: readonly { lanes: readonly number[] }[],
  startMs: number,
  endMs: number,
  seen: Set<SpanState>,
): void {
  const { byState } = statesIndex(spans, laneStart, rows);
  for (const state of STATE_ORDER) {
    if (seen.has(state)) continue;
    const ix = byState.get(state);
    if (ix && meets(ix, startMs, endMs)) seen.add(state);
  }
}
