/**
 * Lane assignment and vertical layout.
 *
 * - Task view (default): one lane per task, plus the GIL lane on top where there is one.
 * - Worker view: main, event loop, GIL, thread, process and core lanes.
 * - Compare: several traces stacked as bands on one shared time axis, each with a header.
 *
 * Rows have fixed pixel heights computed from lane counts only, so the server render and the
 * client agree and nothing jumps. When there are too many lanes for the height budget, lanes
 * of one kind are grouped several to a row and labelled as a whole ("10 000 tasks").
 */
import type { LaneKind, Trace } from '../sim/types';
import { indexTrace } from './traceIndex';
import { KIND_NOUN, lanesForView } from './lanes';
import {
  LABEL_MIN_ROW,
  LAYOUT_DEFAULTS,
  type Band,
  type LabelGroup,
  type LayoutOptions,
  type Pool,
  type Row,
  type TimelineLayout,
  type ViewMode,
} from './layoutTypes';
import { plural } from './scale';

export * from './layoutTypes';
export { KIND_NOUN, lanesForView } from './lanes';

/** Consecutive lanes of one kind. */
function sections(trace: Trace, lanes: number[]): { kind: LaneKind; lanes: number[] }[] {
  const out: { kind: LaneKind; lanes: number[] }[] = [];
  for (const l of lanes) {
    const kind = trace.lanes[l].kind;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.lanes.push(l);
    else out.push({ kind, lanes: [l] });
  }
  return out;
}

/** Fixed-height rows (small sections, ≤ 2 lanes) and the lanes that share the rest of a band's budget. */
function bandNeeds(trace: Trace, lanes: number[], o: Required<LayoutOptions>): { fixedH: number; pooled: number } {
  let fixedH = 0;
  let pooled = 0;
  for (const sec of sections(trace, lanes)) {
    if (sec.lanes.length <= 2) fixedH += sec.lanes.length * o.laneHeight;
    else pooled += sec.lanes.length;
  }
  return { fixedH, pooled };
}

/**
 * Row budgets of stacked bands: each band's max height, unless together they would pass maxStackHeight.
 * Then a band whose rows are labelled at its max height keeps them labelled (LABEL_MIN_ROW each, the
 * lane area scrolls if need be), and a band of thin rows takes an equal share of the stack.
 */
function stackBudgets(
  traces: readonly Trace[],
  laneLists: number[][],
  maxH: number,
  o: Required<LayoutOptions>,
): number[] {
  const natural = laneLists.map((lanes, i) => {
    const { fixedH, pooled } = bandNeeds(traces[i], lanes, o);
    return { fixedH, pooled, h: fixedH + Math.min(maxH - fixedH, pooled * o.laneHeight) };
  });
  const chrome = traces.length * o.headerHeight + (traces.length - 1) * o.bandGap;
  const total = chrome + natural.reduce((n, b) => n + Math.max(0, b.h), 0);
  if (traces.length < 2 || total <= o.maxStackHeight) return natural.map(() => maxH);
  const share = Math.floor((o.maxStackHeight - chrome) / traces.length);
  return natural.map(({ fixedH, pooled }) => {
    const labelled = fixedH + pooled * LABEL_MIN_ROW;
    return labelled <= maxH ? Math.min(maxH, Math.max(share, labelled)) : Math.min(maxH, share);
  });
}

/** Rows of one band, starting at y = top. Small sections (≤ 2 lanes) always get full-height rows. */
function bandRows(
  trace: Trace,
  lanes: number[],
  top: number,
  maxH: number,
  o: Required<LayoutOptions>,
  bandIndex: number,
): { rows: Row[]; groups: LabelGroup[]; pools: Pool[]; h: number } {
  const secs = sections(trace, lanes);
  const fixed = secs.filter((s) => s.lanes.length <= 2);
  const pooled = secs.filter((s) => s.lanes.length > 2);
  const fixedH = fixed.reduce((n, s) => n + s.lanes.length * o.laneHeight, 0);
  const pooledLanes = pooled.reduce((n, s) => n + s.lanes.length, 0);
  const budget = Math.max(maxH - fixedH, o.minRowHeight * 8);
  let rowH = o.laneHeight;
  let groupSize = 1;
  if (pooledLanes > 0) {
    rowH = Math.min(o.laneHeight, Math.floor(budget / pooledLanes));
    if (rowH < o.minRowHeight) {
      rowH = o.minRowHeight;
      groupSize = Math.ceil(pooledLanes / Math.floor(budget / o.minRowHeight));
    }
  }
  const rows: Row[] = [];
  const groups: LabelGroup[] = [];
  const pools: Pool[] = [];
  let y = top;
  for (const sec of secs) {
    const small = sec.lanes.length <= 2;
    const h = small ? o.laneHeight : rowH;
    const size = small ? 1 : groupSize;
    const start = y;
    const firstRow = rows.length;
    for (let i = 0; i < sec.lanes.length; i += size) {
      const ls = sec.lanes.slice(i, i + size);
      const first = trace.lanes[ls[0]];
      const label = ls.length === 1 ? first.label : `${KIND_NOUN[sec.kind][1]} ${i + 1}–${i + ls.length}`;
      rows.push({ key: `${bandIndex}:${first.id}`, label, kind: sec.kind, lanes: ls, y, h, grouped: ls.length > 1 });
      y += h;
    }
    if (!small && h < LABEL_MIN_ROW) {
      const [one, many] = KIND_NOUN[sec.kind];
      groups.push({ label: plural(sec.lanes.length, one, many), y: start, h: y - start });
    }
    if (size > 1) {
      const rowCount = rows.length - firstRow;
      pools.push({
        kind: sec.kind,
        lanes: sec.lanes,
        firstRow,
        rowCount,
        y: start,
        h: y - start,
        rowH: h,
        laneH: o.laneHeight,
      });
    }
  }
  return { rows, groups, pools, h: y - top };
}

/** Vertical layout of one or more traces in a view. Pure: depends on the traces and options only. */
export function layoutTimeline(traces: readonly Trace[], view: ViewMode, options: LayoutOptions = {}): TimelineLayout {
  const o = { ...LAYOUT_DEFAULTS, ...options };
  const compare = traces.length > 1;
  const maxH = compare ? o.maxCompareBandHeight : o.maxBandHeight;
  const bands: Band[] = [];
  let y = 0;
  let spanCount = 0;
  let rowCount = 0;
  let laneCount = 0;
  const laneLists = traces.map((trace) => lanesForView(trace, view));
  const budgets = compare ? stackBudgets(traces, laneLists, maxH, o) : traces.map(() => maxH);
  traces.forEach((trace, index) => {
    if (index > 0) y += o.bandGap;
    const lanes = laneLists[index];
    const ix = indexTrace(trace);
    const { rows, groups, pools, h } = bandRows(trace, lanes, y + o.headerHeight, budgets[index], o, index);
    let bandSpans = 0;
    for (const l of lanes) bandSpans += ix.laneStart[l + 1] - ix.laneStart[l];
    bands.push({
      index,
      trace,
      ix,
      y,
      headerH: o.headerHeight,
      h: o.headerHeight + h,
      rows,
      groups,
      pools,
      spanCount: bandSpans,
    });
    y += o.headerHeight + h;
    spanCount += bandSpans;
    rowCount += rows.length;
    laneCount += lanes.length;
  });
  const domainMs = Math.max(0, ...traces.map((t) => t.makespanMs));
  return {
    view,
    bands,
    height: y,
    domainMs,
    spanCount,
    rowCount,
    laneCount,
    large: spanCount > o.largeSpans || laneCount > o.largeLanes,
  };
}

/** The row under a y coordinate (px from the chart top), or null. */
export function rowAtY(layout: TimelineLayout, y: number): { band: Band; row: Row } | null {
  for (const band of layout.bands) {
    if (y < band.y || y >= band.y + band.h) continue;
    for (const row of band.rows) if (y >= row.y && y < row.y + row.h) return { band, row };
  }
  return null;
}
