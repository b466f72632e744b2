/**
 * The scene: everything a figure draws for one layout, one time window and one plot width, computed in
 * one place. The SVG and Canvas renderers, image export, hit-testing, the keyboard cursor and the tooltip
 * all read it, so they cannot disagree about where a span is or how it looks.
 *
 * - Time → x through one linear scale over the window (`windowScale`); ticks adapt to the window.
 * - Level of detail: every span at least a pixel wide is its own shape; only sub-pixel runs merge
 *   (`lod.ts`), and rows holding many lanes are summarised per pixel column.
 * - Rows: the layout's, except that lanes active in a narrow window come out of their groups (`unfold.ts`);
 *   `scene.layout` is that layout, which labels, hit-testing and the keyboard cursor read.
 * - Flows (GIL hand-offs, wake-ups): all of them once neighbours are at least MIN_FLOW_GAP_PX apart;
 *   in wider views a thinned set is drawn and the scene says how many fall in view.
 */
import type { SpanState } from '../sim/types';
import type { Band, Row, SpanTarget, TimelineLayout } from './layout';
import { rowAtY } from './layout';
import { drawnOverGroup, lodRow, type LodShape } from './lod';
import { STATE_ORDER, hasPatternOverlay } from './palette';
import { spanAt } from './traceIndex';
import type { Tick } from './scale';
import { windowTicks } from './ticks';
import { clampWindow, windowScale, type ViewWindow, type WindowScale } from './viewWindow';

export { windowScale, type WindowScale };
import { bandFlows, prepareFlows, type FlowKind, type FlowMark } from './flows';
import { addStatesIn } from './statesIndex';
import { unfoldLayout } from './unfold';

/**
 * Plot width assumed before the plot is measured: the server render and the hydrating one. Coarser than a
 * real plot on purpose, so that a page's prerendered HTML stays small (the threads article's figures hold
 * thousands of 5 ms slices); the client draws at the measured width as soon as it has hydrated.
 */
export const NOMINAL_WIDTH = 480;

/** Flows closer than this are thinned. */
export const MIN_FLOW_GAP_PX = 3;

export interface SceneShape extends LodShape {
  /** Drawn in the alternate GIL-holder colour (every other thread's hold on the GIL lane). */
  alt: boolean;
}

export interface SceneRow {
  band: Band;
  row: Row;
  /** Row index within its band, and across the whole figure. */
  index: number;
  flat: number;
  /** Vertical padding inside the row, px. */
  pad: number;
  shapes: SceneShape[];
}

export interface SceneFlow extends FlowMark {
  x: number;
  /** Centres of the rows it joins, px from the chart top. */
  y0: number;
  y1: number;
}

export interface FlowCounts {
  /** Flows of each kind inside the window. */
  inView: Record<FlowKind, number>;
  /** How many of them are drawn (all, unless the view is too wide to tell them apart). */
  drawn: number;
  thinned: boolean;
}

export interface Scene {
  layout: TimelineLayout;
  window: ViewWindow;
  width: number;
  scale: WindowScale;
  pxPerMs: number;
  ticks: Tick[];
  rows: SceneRow[];
  flows: SceneFlow[];
  flowCounts: FlowCounts;
}

export function rowPad(h: number): number {
  return h >= 18 ? 3 : h >= 10 ? 2 : h >= 5 ? 1 : 0;
}

/** CSS classes of a shape: one class per state, plus the alternate GIL-holder colour. */
export function shapeClass(state: SpanState, alt: boolean): string {
  return alt ? 'tl-s tl-s--held tl-held-alt' : `tl-s tl-s--${state}`;
}

/** Whether the state is drawn with a pattern over its fill (patterned states). */
export const patterned = hasPatternOverlay;

function sceneFlows(layout: TimelineLayout, w: ViewWindow, x: (ms: number) => number) {
  const flows: SceneFlow[] = [];
  const inView: Record<FlowKind, number> = { gil: 0, wake: 0 };
  let thinned = false;
  for (const band of layout.bands) {
    const all = bandFlows(band);
    // First flow at or after the window start.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].timeMs < w.startMs) lo = mid + 1;
      else hi = mid;
    }
    let lastX = -Infinity;
    for (let i = lo; i < all.length && all[i].timeMs <= w.endMs; i++) {
      const f = all[i];
      inView[f.kind]++;
      const fx = x(f.timeMs);
      if (fx - lastX < MIN_FLOW_GAP_PX) {
        thinned = true;
        continue;
      }
      lastX = fx;
      const a = band.rows[f.fromRow];
      const b = band.rows[f.toRow];
      flows.push({ ...f, x: fx, y0: a.y + a.h / 2, y1: b.y + b.h / 2 });
    }
  }
  return { flows, flowCounts: { inView, drawn: flows.length, thinned } };
}

/**
 * The scene for a layout seen through a window on a plot `width` px wide. `shapes: false` leaves out what
 * only the drawing needs (the shapes and the flows): the scene of a chart whose marks are on a Canvas, which
 * places the axis and overlays and hit-tests while the renderer draws from its own scene at device pixels.
 * `unfolded: true` takes the layout's rows as they are instead of unfolding lanes for the window.
 */
export function buildScene(
  base: TimelineLayout,
  window: ViewWindow,
  width = NOMINAL_WIDTH,
  options: { shapes?: boolean; unfolded?: boolean } = {},
): Scene {
  const withShapes = options.shapes !== false;
  const w = clampWindow(window, base.domainMs);
  // Lanes active in a narrow window come out of their groups (unfold.ts): every reader of the scene sees them.
  // `unfolded`: the layout given already has the rows to draw (a pan strip wider than the window, panStrip.ts).
  const layout = options.unfolded ? base : unfoldLayout(base, w);
  const W = Math.max(1, width);
  const scale = windowScale(w, W);
  const pxPerMs = W / Math.max(1e-12, w.endMs - w.startMs || 1);
  const rows: SceneRow[] = [];
  let flat = 0;
  for (const band of layout.bands) {
    const { ix } = band;
    band.rows.forEach((row, index) => {
      const lod = withShapes ? lodRow(ix.spans, ix.laneStart, row.lanes, pxPerMs, W, w.startMs) : [];
      const gil = row.kind === 'gil';
      // The LOD's own shapes, given their colour in place (a redraw of a large trace makes thousands).
      const shapes = lod as SceneShape[];
      for (let k = 0; k < shapes.length; k++) {
        const sh = shapes[k];
        const s = gil && sh.span >= 0 ? ix.spans[sh.span] : null;
        sh.alt = !!s && s.state === 'held' && s.task % 2 === 1;
      }
      rows.push({ band, row, index, flat: flat++, pad: rowPad(row.h), shapes });
    });
  }
  const ticks = windowTicks(w, tickCount(W));
  const flows = withShapes ? sceneFlows(layout, w, scale) : { flows: [], flowCounts: NO_FLOWS };
  return { layout, window: w, width: W, scale, pxPerMs, ticks, rows, ...flows };
}

/**
 * Builds what the scenes of narrower windows read, so that the first zoom step does not: the index of the
 * lanes that come out of their groups (unfold.ts, asked once for a window narrower than the run) and the
 * trace's flows. Meant for an idle moment after a layout is made; the same work happens lazily otherwise.
 */
export function prepareScene(layout: TimelineLayout): void {
  const base = layout.base ?? layout;
  prepareFlows(base);
  if (base.domainMs > 0) unfoldLayout(base, { startMs: 0, endMs: base.domainMs / 2 });
}

const NO_FLOWS: FlowCounts = { inView: { gil: 0, wake: 0 }, drawn: 0, thinned: false };

/**
 * How many ticks an axis `width` px wide gets, whatever the pixel density: a renderer drawing at device
 * pixels passes its CSS width, so that its grid falls on the axis's ticks. Never fewer than three, so that
 * a phone's plot (about 270 px) still labels a 30 ms window every 10 ms.
 */
export function tickCount(cssWidth: number): number {
  return Math.max(3, Math.min(8, Math.round(cssWidth / 140)));
}

/** Horizontal position of an instant in percent of the plot width (for width-independent SVG). */
export function pctOf(scene: Scene, ms: number): number {
  return (scene.scale(ms) / scene.width) * 100;
}

/** The span under a point of the plot (x in px from the plot's left, y in px from the chart top). */
export function hitTest(scene: Scene, x: number, y: number): SpanTarget | null {
  const hit = rowAtY(scene.layout, y);
  if (!hit) return null;
  const t = scene.scale.invert(x);
  const { ix } = hit.band;
  // A grouped row: a span drawn as itself there (one task's Python among many waits, lod.ts) wins.
  if (hit.row.grouped) {
    for (const lane of hit.row.lanes) {
      const i = spanAt(ix, lane, t);
      const s = i >= 0 ? ix.spans[i] : null;
      if (s && drawnOverGroup(s, scene.pxPerMs))
        return { band: hit.band.index, span: i, xPct: (x / scene.width) * 100, y: hit.row.y };
    }
  }
  for (const lane of hit.row.lanes) {
    const i = spanAt(ix, lane, t);
    if (i >= 0) return { band: hit.band.index, span: i, xPct: (x / scene.width) * 100, y: hit.row.y };
  }
  return null;
}

/** The states with time inside the window, in legend order (from the spans themselves, not the merged shapes). */
export function statesInWindow(layout: TimelineLayout, w: ViewWindow): SpanState[] {
  const seen = new Set<SpanState>();
  for (const band of layout.bands) addStatesIn(band.ix.spans, band.ix.laneStart, band.rows, w.startMs, w.endMs, seen);
  return STATE_ORDER.filter((s) => seen.has(s));
}

/** Where to place the tooltip or details for a span: its middle (clamped to the window), in percent. */
export function spanTarget(scene: Scene, band: number, span: number): SpanTarget | null {
  const b = scene.layout.bands[band];
  const s = b?.ix.spans[span];
  if (!s) return null;
  const row = b.rows.find((r) => r.lanes.includes(s.lane));
  const mid = (Math.max(s.startMs, scene.window.startMs) + Math.min(s.endMs, scene.window.endMs)) / 2;
  return { band, span, xPct: Math.min(100, Math.max(0, pctOf(scene, mid))), y: row?.y ?? 0 };
}
