/**
 * Level of detail for drawing many spans: merge sub-pixel spans so that a lane never has more
 * than two shapes in one pixel column, while keeping the covered time.
 *
 * - One lane per row (`lodLane`): spans of a pixel or more stay exact; runs of small spans that
 *   share pixel columns merge into one shape coloured by the state that covers most of it.
 *   A column holds at most the shape that ends in it and the shape that starts in it.
 * - Several lanes per row (`lodGroup`): per pixel column, the state with the most lane-time wins;
 *   runs of equal columns become one shape whose density is the share of lane-time covered.
 *
 * Every shape carries `coveredMs`, the span time it stands for; the sum over shapes equals the
 * sum of the original span durations (inside the domain).
 */
import type { Span, SpanState } from '../sim/types';
import { STATE_INDEX, STATE_ORDER } from './palette';

export interface LodShape {
  /** Pixel extent [x0, x1). */
  x0: number;
  x1: number;
  startMs: number;
  endMs: number;
  state: SpanState;
  /** Span time this shape stands for (ms; lane-ms for group rows). */
  coveredMs: number;
  /** Original spans merged into it (group rows: spans touching it). */
  count: number;
  /** 0..1: how much of the shape's area is covered (1 for exact spans). */
  density: number;
  /** Index into the spans array when the shape is exactly one span, else -1. */
  span: number;
}

const NSTATES = STATE_ORDER.length;

/**
 * LOD for one lane: spans[from..to) sorted by start, not overlapping. pxPerMs maps time to pixels.
 */
export function lodLane(spans: readonly Span[], from: number, to: number, pxPerMs: number, originMs = 0): LodShape[] {
  const out: LodShape[] = [];
  let cur: LodShape | null = null;
  let weights: Float64Array | null = null;
  let curEndCol = 0; // exclusive: columns [c0, curEndCol) are touched by cur
  const flush = () => {
    if (!cur) return;
    if (weights) {
      let best = 0;
      for (let k = 1; k < NSTATES; k++) if (weights[k] > weights[best]) best = k;
      cur.state = STATE_ORDER[best];
      weights = null;
    }
    const w = cur.endMs - cur.startMs;
    cur.density = w > 0 ? Math.min(1, cur.coveredMs / w) : 1;
    out.push(cur);
    cur = null;
  };
  for (let i = from; i < to; i++) {
    const s = spans[i];
    const dur = s.endMs - s.startMs;
    if (!(dur >= 0)) continue;
    const x0 = (s.startMs - originMs) * pxPerMs;
    const x1 = (s.endMs - originMs) * pxPerMs;
    const c0 = Math.floor(x0);
    const c1 = Math.max(c0 + 1, Math.ceil(x1));
    const big = x1 - x0 >= 1 && c1 - c0 >= 2;
    if (cur && c0 < curEndCol && !(big && s.state !== cur.state)) {
      // Shares a column with the current shape: merge.
      if (!weights) {
        weights = new Float64Array(NSTATES);
        weights[STATE_INDEX[cur.state]] += cur.coveredMs;
      }
      weights[STATE_INDEX[s.state]] += dur;
      cur.endMs = Math.max(cur.endMs, s.endMs);
      cur.x1 = Math.max(cur.x1, x1);
      cur.coveredMs += dur;
      cur.count++;
      cur.span = -1;
      curEndCol = Math.max(curEndCol, c1);
      continue;
    }
    flush();
    cur = { x0, x1, startMs: s.startMs, endMs: s.endMs, state: s.state, coveredMs: dur, count: 1, density: 1, span: i };
    curEndCol = c1;
  }
  flush();
  return out;
}

/** Density is quantised to this many steps when merging group columns. */
const DENSITY_STEPS = 4;

/**
 * LOD for a row holding several lanes: `ranges` are [from, to) ranges into spans (one per lane).
 * width is the number of pixel columns; the domain is [originMs, originMs + width / pxPerMs].
 */
export function lodGroup(
  spans: readonly Span[],
  ranges: readonly (readonly [number, number])[],
  pxPerMs: number,
  width: number,
  originMs = 0,
): LodShape[] {
  return groupShapes(spans, flatten(ranges), ranges.length, pxPerMs, width, originMs);
}

/** lodGroup over `n` ranges given as [from, to) pairs in one array. */
function groupShapes(
  spans: readonly Span[],
  ranges: Int32Array,
  n: number,
  pxPerMs: number,
  width: number,
  originMs: number,
): LodShape[] {
  const cols = Math.max(1, Math.ceil(width));
  const msPerCol = 1 / pxPerMs;
  // Partial coverage added directly; full columns through a difference array per state.
  // Buffers are reused between calls (a canvas redraw calls this once per row).
  const { w, diff, touches, marked } = scratch(cols);
  const stateIx = stateIndices(spans);
  // The bounds from typed arrays: a redraw reads every span in view, and these are contiguous in memory.
  const { start, end } = boundsOf(spans);
  let minCol = cols;
  let maxCol = -1;
  // The states that occur in the row: the column pass below only looks at these (a row of waiting tasks
  // has two or three of the palette's states).
  const seen = new Uint8Array(NSTATES);
  for (let r = 0; r < n; r++) {
    const to = ranges[2 * r + 1];
    for (let i = ranges[2 * r]; i < to; i++) {
      const k = stateIx[i];
      seen[k] = 1;
      const x0 = Math.max(0, (start[i] - originMs) * pxPerMs);
      const x1 = Math.min(cols, (end[i] - originMs) * pxPerMs);
      if (!(x1 > x0)) continue;
      const c0 = Math.floor(x0);
      const cLast = Math.min(cols - 1, Math.ceil(x1) - 1);
      if (c0 < minCol) minCol = c0;
      if (cLast > maxCol) maxCol = cLast;
      touches[c0]++;
      touches[cLast + 1]--;
      marked[c0] = 1;
      marked[cLast + 1] = 1;
      if (c0 === cLast) {
        w[c0 * NSTATES + k] += (x1 - x0) * msPerCol;
        continue;
      }
      w[c0 * NSTATES + k] += (c0 + 1 - x0) * msPerCol;
      w[cLast * NSTATES + k] += (x1 - cLast) * msPerCol;
      marked[cLast] = 1;
      if (cLast > c0 + 1) {
        diff[(c0 + 1) * NSTATES + k] += 1;
        diff[cLast * NSTATES + k] -= 1;
        marked[c0 + 1] = 1;
      }
    }
  }
  const lanes = Math.max(1, n);
  const out: LodShape[] = [];
  const running = new Float64Array(NSTATES);
  const used: number[] = [];
  for (let k = 0; k < NSTATES; k++) if (seen[k]) used.push(k);
  const nUsed = used.length;
  let cur: LodShape | null = null;
  let curBucket = -1;
  let touching = 0;
  // A column no span starts or ends in (and whose left neighbour is one too) adds up exactly as its left
  // neighbour did: it only extends the current shape by that column's total.
  let prevMarked = true;
  let prevTotal = 0;
  for (let c = minCol; c <= maxCol; c++) {
    const isMarked = marked[c] === 1;
    marked[c] = 0;
    if (!isMarked && !prevMarked) {
      // The whole run of such columns up to the next marked one at once (a narrow window of a large trace is
      // mostly spans that cross it): the same sums as column by column.
      let last = c;
      while (last < maxCol && marked[last + 1] === 0) last++;
      if (cur) {
        let covered = cur.coveredMs;
        for (let k = c; k <= last; k++) covered += prevTotal;
        cur.x1 = last + 1;
        cur.endMs = originMs + (last + 1) * msPerCol;
        cur.coveredMs = covered;
        cur.density = covered / (lanes * (cur.endMs - cur.startMs));
      }
      c = last;
      continue;
    }
    prevMarked = isMarked;
    touching += touches[c];
    touches[c] = 0;
    const base = c * NSTATES;
    let total = 0;
    let best = -1;
    let bestW = 0;
    for (let u = 0; u < nUsed; u++) {
      const k = used[u];
      running[k] += diff[base + k];
      const v = w[base + k] + running[k] * msPerCol;
      // Read once: clear the scratch cell for the next call as we go.
      diff[base + k] = 0;
      w[base + k] = 0;
      total += v;
      if (v > bestW) {
        bestW = v;
        best = k;
      }
    }
    prevTotal = total;
    if (best < 0 || total <= 1e-12) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const density = Math.min(1, total / (lanes * msPerCol));
    const bucket = Math.ceil(density * DENSITY_STEPS);
    const state = STATE_ORDER[best];
    if (cur && cur.state === state && curBucket === bucket) {
      cur.x1 = c + 1;
      cur.endMs = originMs + (c + 1) * msPerCol;
      cur.coveredMs += total;
      cur.count = Math.max(cur.count, touching);
      cur.density = cur.coveredMs / (lanes * (cur.endMs - cur.startMs));
      continue;
    }
    if (cur) out.push(cur);
    cur = {
      x0: c,
      x1: c + 1,
      startMs: originMs + c * msPerCol,
      endMs: originMs + (c + 1) * msPerCol,
      state,
      coveredMs: total,
      count: touching,
      density,
      span: -1,
    };
    curBucket = bucket;
  }
  if (cur) out.push(cur);
  // The column pass cleared every cell it read (the used states of columns minCol..maxCol, which is all that
  // was written); only the end mark one past the last column is left.
  if (maxCol >= minCol) {
    touches[maxCol + 1] = 0;
    marked[maxCol + 1] = 0;
  }
  return out;
}

let scratchBufs: {
  cols: number;
  w: Float64Array;
  diff: Float64Array;
  touches: Int32Array;
  /** 1 where a span starts, ends or changes a difference (columns the pass must add up). */
  marked: Uint8Array;
} | null = null;

function scratch(cols: number) {
  if (!scratchBufs || scratchBufs.cols < cols) {
    scratchBufs = {
      cols,
      w: new Float64Array(cols * NSTATES),
      diff: new Float64Array((cols + 2) * NSTATES),
      touches: new Int32Array(cols + 2),
      marked: new Uint8Array(cols + 2),
    };
  }
  return scratchBufs;
}

/** Each span's index into STATE_ORDER, computed once per spans array (a redraw reads it for every span in view). */
const stateIndexCache = new WeakMap<readonly Span[], Uint8Array>();

function stateIndices(spans: readonly Span[]): Uint8Array {
  let ix = stateIndexCache.get(spans);
  if (!ix || ix.length !== spans.length) {
    ix = new Uint8Array(spans.length);
    for (let i = 0; i < spans.length; i++) ix[i] = STATE_INDEX[spans[i].state];
    stateIndexCache.set(spans, ix);
  }
  return ix;
}

/**
 * States a task is doing something in (Python, native code, a blocking call, pickling), as opposed to
 * waiting. In a row of many lanes the waits dominate every column, so these are drawn over the summary.
 */
const FOREGROUND: ReadonlySet<SpanState> = new Set<SpanState>(['running', 'native', 'blocking', 'pickling']);

/** Whether a task in this state is doing something rather than waiting. */
export function isForeground(state: SpanState): boolean {
  return FOREGROUND.has(state);
}

const FOREGROUND_INDEX = Uint8Array.from(STATE_ORDER, (s) => (FOREGROUND.has(s) ? 1 : 0));

/** Whether a span in a grouped row is drawn as itself over the row's summary at this zoom. */
export function drawnOverGroup(s: Span, pxPerMs: number): boolean {
  return FOREGROUND.has(s.state) && (s.endMs - s.startMs) * pxPerMs >= 1;
}

/**
 * The spans of a grouped row that are drawn as themselves over its summary: foreground spans at least a
 * pixel wide. Zoomed in far enough, one task's 0.2 ms of Python among ten thousand waiting tasks shows as
 * its own shape (exact: `span` is its index), where the summary would only ever show the waits.
 */
export function lodForeground(
  spans: readonly Span[],
  ranges: readonly (readonly [number, number])[],
  pxPerMs: number,
  width: number,
  originMs = 0,
): LodShape[] {
  return foregroundShapes(spans, flatten(ranges), ranges.length, pxPerMs, width, originMs);
}

/** lodForeground over `n` ranges given as [from, to) pairs in one array. */
function foregroundShapes(
  spans: readonly Span[],
  ranges: Int32Array,
  n: number,
  pxPerMs: number,
  width: number,
  originMs: number,
): LodShape[] {
  const out: LodShape[] = [];
  const stateIx = stateIndices(spans);
  for (let r = 0; r < n; r++) {
    const to = ranges[2 * r + 1];
    for (let i = ranges[2 * r]; i < to; i++) {
      // drawnOverGroup, with the state looked up by index (this runs for every span in view on a redraw).
      if (FOREGROUND_INDEX[stateIx[i]] !== 1) continue;
      const s = spans[i];
      if (!((s.endMs - s.startMs) * pxPerMs >= 1)) continue;
      const x0 = (s.startMs - originMs) * pxPerMs;
      const x1 = (s.endMs - originMs) * pxPerMs;
      if (x1 <= 0 || x0 >= width) continue;
      const dur = s.endMs - s.startMs;
      out.push({
        x0,
        x1,
        startMs: s.startMs,
        endMs: s.endMs,
        state: s.state,
        coveredMs: dur,
        count: 1,
        density: 1,
        span: i,
      });
    }
  }
  out.sort((a, b) => a.x0 - b.x0);
  // Neighbouring tasks of a group are often handled one after another: leave a pixel between two shapes that
  // touch, so that each task's span reads as its own.
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    if (out[k + 1].x0 - a.x1 < 1 && a.x1 - a.x0 > 3) a.x1 = Math.max(a.x0 + 1, out[k + 1].x0 - 1);
  }
  return out;
}

/** The longest foreground span of each lane, ms, computed once per spans array. */
const longestCache = new WeakMap<readonly Span[], Float64Array>();

function longestForeground(spans: readonly Span[], laneStart: Int32Array, lanes: readonly number[]): number {
  let byLane = longestCache.get(spans);
  if (!byLane || byLane.length !== laneStart.length - 1) {
    byLane = new Float64Array(Math.max(0, laneStart.length - 1));
    const stateIx = stateIndices(spans);
    for (let l = 0; l < byLane.length; l++)
      for (let i = laneStart[l]; i < laneStart[l + 1]; i++)
        if (FOREGROUND_INDEX[stateIx[i]] === 1) byLane[l] = Math.max(byLane[l], spans[i].endMs - spans[i].startMs);
    longestCache.set(spans, byLane);
  }
  let longest = 0;
  for (const l of lanes) if (byLane[l] > longest) longest = byLane[l];
  return longest;
}

/**
 * LOD for a row of the layout: exact-ish for one lane; for groups, the summary, then the foreground spans a
 * pixel wide or more drawn over it (`lodForeground`).
 */
export function lodRow(
  spans: readonly Span[],
  laneStart: Int32Array,
  lanes: readonly number[],
  pxPerMs: number,
  width: number,
  originMs = 0,
): LodShape[] {
  if (lanes.length === 1) {
    const [from, to] = visibleRange(spans, laneStart[lanes[0]], laneStart[lanes[0] + 1], originMs, width / pxPerMs);
    return lodLane(spans, from, to, pxPerMs, originMs);
  }
  // The lanes' visible ranges as pairs in a reused array: a redraw of a large trace asks this for every lane.
  const ranges = visiblePairs(spans, laneStart, lanes, originMs, originMs + width / pxPerMs);
  const summary = groupShapes(spans, ranges, lanes.length, pxPerMs, width, originMs);
  // Zoomed out so far that none of the row's foreground spans is a pixel wide: there are none to look for.
  if (!(longestForeground(spans, laneStart, lanes) * pxPerMs >= 1)) return summary;
  const exact = foregroundShapes(spans, ranges, lanes.length, pxPerMs, width, originMs);
  return exact.length ? summary.concat(exact) : summary;
}

/** Start and end of every span as typed arrays, built once per spans array (read by every redraw). */
interface Bounds {
  start: Float64Array;
  end: Float64Array;
}

const boundsCache = new WeakMap<readonly Span[], Bounds>();

function boundsOf(spans: readonly Span[]): Bounds {
  let b = boundsCache.get(spans);
  if (!b || b.start.length !== spans.length) {
    b = { start: new Float64Array(spans.length), end: new Float64Array(spans.length) };
    for (let i = 0; i < spans.length; i++) {
      b.start[i] = spans[i].startMs;
      b.end[i] = spans[i].endMs;
    }
    boundsCache.set(spans, b);
  }
  return b;
}

function rangeIn(b: Bounds, from: number, to: number, originMs: number, endMs: number): [number, number] {
  let lo = from;
  let hi = to;
  // First span ending after the window's start.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.end[mid] <= originMs) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = to;
  // First span starting at or after the window's end.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.start[mid] < endMs) lo = mid + 1;
    else hi = mid;
  }
  return [first, lo];
}

/** [from, to) pairs as one array (lodGroup's and lodForeground's callers give them as tuples). */
function flatten(ranges: readonly (readonly [number, number])[]): Int32Array {
  const out = new Int32Array(2 * ranges.length);
  ranges.forEach(([from, to], r) => {
    out[2 * r] = from;
    out[2 * r + 1] = to;
  });
  return out;
}

let pairs = new Int32Array(512);

/**
 * visibleRanges for each of `lanes` into a reused array of [from, to) pairs (valid until the next call),
 * for the window [originMs, endMs).
 */
function visiblePairs(
  spans: readonly Span[],
  laneStart: Int32Array,
  lanes: readonly number[],
  originMs: number,
  endMs: number,
): Int32Array {
  const { start, end } = boundsOf(spans);
  if (pairs.length < 2 * lanes.length) pairs = new Int32Array(4 * lanes.length);
  for (let r = 0; r < lanes.length; r++) {
    const to = laneStart[lanes[r] + 1];
    // First span ending after the window's start, then first span starting at or after its end (rangeIn).
    let lo = laneStart[lanes[r]];
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (end[mid] <= originMs) lo = mid + 1;
      else hi = mid;
    }
    pairs[2 * r] = lo;
    hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid] < endMs) lo = mid + 1;
      else hi = mid;
    }
    pairs[2 * r + 1] = lo;
  }
  return pairs;
}

/**
 * The spans of one lane (spans[from..to), sorted by start, not overlapping) that meet the window
 * [originMs, originMs + widthMs): a [first, last) range found by binary search.
 */
export function visibleRange(
  spans: readonly Span[],
  from: number,
  to: number,
  originMs: number,
  widthMs: number,
): [number, number] {
  return rangeIn(boundsOf(spans), from, to, originMs, originMs + widthMs);
}

/** visibleRange for each of `lanes` (one bounds lookup for them all). */
export function visibleRanges(
  spans: readonly Span[],
  laneStart: Int32Array,
  lanes: readonly number[],
  originMs: number,
  widthMs: number,
): [number, number][] {
  const b = boundsOf(spans);
  const endMs = originMs + widthMs;
  const out: [number, number][] = new Array(lanes.length);
  for (let i = 0; i < lanes.length; i++)
    out[i] = rangeIn(b, laneStart[lanes[i]], laneStart[lanes[i] + 1], originMs, endMs);
  return out;
}
