/**
 * Lanes coming out of their group as the window narrows.
 *
 * A large workload is drawn with its lanes grouped many to a row (layout.ts). Seen through a narrow window,
 * few of those lanes do anything (run Python, native code, a blocking call): when at most a few are active
 * in view, each of them is taken out of its group and drawn as a lane of its own, with its label, in its
 * place in the lane order; the lanes around it stay grouped. Widen the window and they fold back.
 *
 * The band keeps its height: the lanes taken out take their height from the group rows of their section,
 * which then hold a few more lanes each. Group rows keep their height, so the rows above the first unfolded
 * lane stay where they were. The result is cached per
 * layout and per set of unfolded lanes, so that a window which unfolds the same lanes gives the same object.
 */
import type { Band, LabelGroup, Pool, Row, TimelineLayout } from './layout';
import { KIND_NOUN, LABEL_MIN_ROW } from './layout';
import { isForeground } from './lod';
import { plural } from './scale';
import type { ViewWindow } from './viewWindow';

/** At most this many lanes come out of the groups of one section. */
export const MAX_UNFOLDED = 8;

/** Unfolded lanes take at most this share of their section's height. */
const MAX_SHARE = 0.5;

/** How many lanes may come out of a section's groups. */
export function unfoldLimit(pool: Pool, max = MAX_UNFOLDED): number {
  return Math.max(0, Math.min(max, Math.floor((pool.h * MAX_SHARE) / pool.laneH)));
}

interface ActiveIndex {
  /** The section's foreground spans sorted by start. */
  startMs: Float64Array;
  endMs: Float64Array;
  /** Position of each span's lane within the section. */
  pos: Int32Array;
  /** Longest of them, ms. */
  maxMs: number;
}

const activeCache = new WeakMap<Pool, ActiveIndex>();

function activeIndex(band: Band, pool: Pool): ActiveIndex {
  const hit = activeCache.get(pool);
  if (hit) return hit;
  const { spans, laneStart } = band.ix;
  const keep = (i: number) => isForeground(spans[i].state) && spans[i].endMs > spans[i].startMs;
  let n = 0;
  for (const lane of pool.lanes) for (let i = laneStart[lane]; i < laneStart[lane + 1]; i++) if (keep(i)) n++;
  const found = new Int32Array(n);
  const posOf = new Int32Array(n);
  n = 0;
  pool.lanes.forEach((lane, p) => {
    for (let i = laneStart[lane]; i < laneStart[lane + 1]; i++)
      if (keep(i)) {
        posOf[n] = p;
        found[n++] = i;
      }
  });
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (x, y) => spans[found[x]].startMs - spans[found[y]].startMs,
  );
  const ix: ActiveIndex = {
    startMs: Float64Array.from(order, (k) => spans[found[k]].startMs),
    endMs: Float64Array.from(order, (k) => spans[found[k]].endMs),
    pos: Int32Array.from(order, (k) => posOf[k]),
    maxMs: 0,
  };
  for (let k = 0; k < n; k++) ix.maxMs = Math.max(ix.maxMs, ix.endMs[k] - ix.startMs[k]);
  activeCache.set(pool, ix);
  return ix;
}

/**
 * Positions (within the section, ascending) of the lanes that do something inside the window, or null when
 * more than `max` do.
 */
export function activePositions(band: Band, pool: Pool, w: ViewWindow, max: number): number[] | null {
  const ix = activeIndex(band, pool);
  // Spans that meet [start, end) begin in [start - maxMs, end).
  let lo = 0;
  let hi = ix.startMs.length;
  const from = w.startMs - ix.maxMs;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.startMs[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const seen = new Set<number>();
  for (let i = lo; i < ix.startMs.length && ix.startMs[i] < w.endMs; i++) {
    if (ix.endMs[i] <= w.startMs || seen.has(ix.pos[i])) continue;
    seen.add(ix.pos[i]);
    if (seen.size > max) return null;
  }
  return [...seen].sort((a, b) => a - b);
}

/** The rows and label groups of a section with the lanes at `open` (positions, ascending) taken out. */
export function unfoldPool(band: Band, pool: Pool, open: readonly number[]): { rows: Row[]; groups: LabelGroup[] } {
  const { lanes } = pool;
  const labelOf = (l: number) => band.trace.lanes[l].label;
  // The runs of grouped lanes between the unfolded ones.
  const runs: [number, number][] = [];
  let at = 0;
  for (const p of [...open, lanes.length]) {
    if (p > at) runs.push([at, p]);
    at = p + 1;
  }
  const groupH = pool.h - open.length * pool.laneH;
  const allowed = Math.max(runs.length, Math.floor(groupH / pool.rowH));
  const closed = lanes.length - open.length;
  const rowsFor = (g: number) => runs.reduce((n, [a, b]) => n + Math.ceil((b - a) / g), 0);
  let size = Math.max(1, Math.ceil(closed / allowed));
  while (rowsFor(size) > allowed) size++;
  // Group rows keep their height (those above the first unfolded lane stay where they were); the unfolded
  // lanes share what is left.
  const spare = Math.max(0, groupH - rowsFor(size) * pool.rowH);
  let k = 0;
  const laneH = () => {
    const h = pool.laneH + Math.floor(((k + 1) * spare) / open.length) - Math.floor((k * spare) / open.length);
    k++;
    return h;
  };
  const rows: Row[] = [];
  const groups: LabelGroup[] = [];
  const [one, many] = KIND_NOUN[pool.kind];
  let y = pool.y;
  let run = 0;
  for (let p = 0; p < lanes.length;) {
    const r = runs[run];
    if (r && p === r[0]) {
      const top = y;
      for (let i = r[0]; i < r[1]; i += size) {
        const ls = lanes.slice(i, Math.min(r[1], i + size));
        const label = ls.length === 1 ? labelOf(ls[0]) : `${many} ${i + 1}–${i + ls.length}`;
        const h = pool.rowH;
        rows.push({
          key: `${band.index}:${band.trace.lanes[ls[0]].id}`,
          label,
          kind: pool.kind,
          lanes: ls,
          y,
          h,
          grouped: ls.length > 1,
        });
        y += h;
      }
      const n = r[1] - r[0];
      groups.push({ label: y - top >= LABEL_MIN_ROW ? plural(n, one, many) : '', y: top, h: y - top });
      p = r[1];
      run++;
      continue;
    }
    const lane = lanes[p];
    const h = laneH();
    rows.push({
      key: `${band.index}:${band.trace.lanes[lane].id}`,
      label: labelOf(lane),
      kind: pool.kind,
      lanes: [lane],
      y,
      h,
      grouped: false,
      unfolded: true,
    });
    y += h;
    p++;
  }
  return { rows, groups };
}

/** A band with the given lanes (positions per pool) unfolded. */
function unfoldBand(band: Band, open: readonly (readonly number[])[]): Band {
  const rows: Row[] = [];
  let groups = band.groups;
  let next = 0;
  band.pools.forEach((pool, i) => {
    rows.push(...band.rows.slice(next, pool.firstRow));
    next = pool.firstRow + pool.rowCount;
    if (open[i].length === 0) {
      rows.push(...band.rows.slice(pool.firstRow, next));
      return;
    }
    const u = unfoldPool(band, pool, open[i]);
    rows.push(...u.rows);
    groups = groups.filter((g) => g.y !== pool.y).concat(u.groups);
  });
  rows.push(...band.rows.slice(next));
  return { ...band, rows, groups };
}

const cache = new WeakMap<TimelineLayout, { key: string; layout: TimelineLayout }>();

/**
 * The layout for a window: the folded one when no section has few enough active lanes, else a copy whose
 * sections have those lanes unfolded. Reads the folded layout when given an unfolded one.
 */
export function unfoldLayout(layout: TimelineLayout, w: ViewWindow, max = MAX_UNFOLDED): TimelineLayout {
  const base = layout.base ?? layout;
  // The whole run is the overview: it stays folded (and costs nothing before the reader zooms).
  if (w.endMs - w.startMs >= base.domainMs || !base.bands.some((b) => b.pools.length > 0)) return base;
  // The chart's scene and the Canvas renderer's ask for the same window in the same frame: answer once.
  const last = lastWindow.get(base);
  if (last && last.startMs === w.startMs && last.endMs === w.endMs && last.max === max) return last.layout;
  const found = unfoldFor(base, w, max);
  lastWindow.set(base, { startMs: w.startMs, endMs: w.endMs, max, layout: found });
  return found;
}

const lastWindow = new WeakMap<
  TimelineLayout,
  { startMs: number; endMs: number; max: number; layout: TimelineLayout }
>();

function unfoldFor(base: TimelineLayout, w: ViewWindow, max: number): TimelineLayout {
  const open = base.bands.map((band) =>
    band.pools.map((pool) => activePositions(band, pool, w, unfoldLimit(pool, max)) ?? []),
  );
  const key = open.map((b) => b.map((p) => p.join(',')).join(';')).join('|');
  if (!/\d/.test(key)) return base;
  const hit = cache.get(base);
  if (hit && hit.key === key) return hit.layout;
  const bands = base.bands.map((band, i) => (open[i].some((p) => p.length) ? unfoldBand(band, open[i]) : band));
  const unfolded: TimelineLayout = {
    ...base,
    bands,
    rowCount: bands.reduce((n, b) => n + b.rows.length, 0),
    base,
  };
  cache.set(base, { key, layout: unfolded });
  return unfolded;
}
