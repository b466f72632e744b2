/**
 * Which states have time inside a window, answered in two binary searches per state instead of a pass
 * over every lane: the legend asks on every zoom step, and a 10 000-task figure has 10 000 lanes.
 *
 * Per state, the spans' starts and, apart, their ends, each sorted ascending. In a window [a, b) with
 * a < b, a span ending at or before a also starts before b, so the spans that meet the window (end after a,
 * start before b) number those starting before b less those ending at or before a. Built once per trace
 * index and set of lanes drawn (spans never change after simulation; the rows of a band regroup as the
 * window narrows, but the lanes they hold stay the same), with two passes over the spans and the typed
 * arrays' own numeric sort (no span is copied or compared in script).
 */
import type { Span, SpanState } from '../sim/types';
import { STATE_ORDER } from './palette';

interface StateIndex {
  starts: Float64Array;
  ends: Float64Array;
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
  for (const r of rows)
    for (const l of r.lanes) {
      if (lanes[l] === 1) continue;
      lanes[l] = 1;
      laneCount++;
    }
  // Count the spans of each state on the covered lanes, then fill each state's two arrays.
  const counts = new Map<SpanState, number>();
  let last: SpanState | null = null;
  let lastCount = 0;
  const eachSpan = (fn: (s: Span) => void) => {
    for (let l = 0; l < lanes.length; l++) {
      if (lanes[l] !== 1) continue;
      for (let i = laneStart[l]; i < laneStart[l + 1]; i++) fn(spans[i]);
    }
  };
  eachSpan((s) => {
    if (s.state === last) return void lastCount++;
    if (last !== null) counts.set(last, lastCount);
    last = s.state;
    lastCount = (counts.get(s.state) ?? 0) + 1;
  });
  if (last !== null) counts.set(last, lastCount);
  const byState = new Map<SpanState, StateIndex & { n: number }>();
  for (const [state, n] of counts) byState.set(state, { starts: new Float64Array(n), ends: new Float64Array(n), n: 0 });
  eachSpan((s) => {
    const ix = byState.get(s.state)!;
    ix.starts[ix.n] = s.startMs;
    ix.ends[ix.n++] = s.endMs;
  });
  for (const ix of byState.values()) {
    ix.starts.sort();
    ix.ends.sort();
  }
  const ix = { lanes, laneCount, byState };
  // A handful of lane sets per trace at most (views, folded tracks): keep the last few.
  list.push(ix);
  if (list.length > 4) list.shift();
  return ix;
}

/** Values in an ascending array below x (`orEqual`: at or below x). */
function countBelow(sorted: Float64Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x || (orEqual && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether some span of the index's state meets [startMs, endMs) (ends after startMs, starts before endMs). */
function meets(ix: StateIndex, startMs: number, endMs: number): boolean {
  if (!(startMs < endMs)) return false;
  return countBelow(ix.starts, endMs, false) > countBelow(ix.ends, startMs, true);
}

/**
 * Adds to `seen` the states with time in [startMs, endMs) on the lanes of `rows` (spans sorted per lane); an
 * empty window (startMs ≥ endMs) adds none.
 */
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
