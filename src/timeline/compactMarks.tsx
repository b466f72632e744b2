/**
 * The compact drawing of a figure's shapes, for the figure as first rendered (the server and the hydrating
 * client, before the plot is measured): one element per look (state, pattern, density) for the whole
 * figure instead of one rect per span. Each look is a rect over the whole plot masked to the union of its
 * shapes; the mask is in the rect's bounding-box units, scaled so that x runs over the plot width in
 * UNITS and y in px from the chart top, and the pattern keeps its own tile size whatever the width.
 * Touching shapes of one look in a row join into one subpath. Hit-testing and the tooltip read the scene
 * (scene.ts), not these elements.
 */
import { Fragment } from 'react';
import type { SpanState } from '../sim/types';
import { patternFill } from './patterns';
import type { FlowKind } from './flows';
import { NOMINAL_WIDTH, shapeClass, type Scene } from './scene';

/** Horizontal resolution of the masks: 1/UNITS of the plot width (a twentieth of a percent). */
export const UNITS = 2000;

/** Flows closer than this (px at the scene's width) are thinned further in the compact drawing. */
export const COMPACT_FLOW_GAP_PX = 8;

/** From this many shapes, a figure drawn at the nominal width is drawn compactly (smaller ones keep a rect per span). */
export const COMPACT_MIN_SHAPES = 24;

/** Whether the figure as first rendered (the scene at the nominal width) is drawn compactly. */
export function drawCompact(scene: Scene): boolean {
  if (scene.width !== NOMINAL_WIDTH) return false;
  let n = 0;
  for (const r of scene.rows) n += r.shapes.length;
  return n >= COMPACT_MIN_SHAPES;
}

/** Fill opacity of a merged shape (undefined when it is practically solid). */
export function densityOpacity(density: number): number | undefined {
  return density < 0.97 ? Math.round((0.35 + 0.65 * density) * 100) / 100 : undefined;
}

/** One stroke set of a look: the runs of one height and one opacity. */
export interface LookPath {
  /** Shape height (px), the stroke width. */
  h: number;
  /** Opacity of the merged shapes (undefined: solid), the stroke's opacity in the mask. */
  opacity: number | undefined;
  /** One horizontal stroke per run, x in UNITS, y in px. */
  d: string;
  /** End and row of the last run written (for relative moves). */
  x: number;
  y: number;
}

export interface Look {
  state: SpanState;
  alt: boolean;
  /** Path data per shape height and opacity, in order of first appearance. */
  paths: Map<string, LookPath>;
}

/** One shape of a row at the compact drawing's resolution: [a, b) in UNITS. */
interface Cell {
  a: number;
  b: number;
  look: Look;
  opacity: number | undefined;
  /** Drawn after the looks before it: solid looks first, then patterned ones, each in order of first appearance. */
  layer: number;
}

/** Merged [a, b) intervals of the cells, in order, touching ones joined. */
function union(cells: readonly Cell[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && c.a <= last[1]) last[1] = Math.max(last[1], c.b);
    else out.push([c.a, c.b]);
  }
  return out;
}

/** Whether [a, b) lies inside one of the intervals (in order, disjoint). */
function inside(intervals: readonly [number, number][], a: number, b: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid][0] <= a) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && intervals[hi][1] >= b;
}

/**
 * A row's runs per look and opacity, touching ones joined. A run at full opacity also reaches over a gap
 * that shapes drawn above it cover without a break and at full opacity (they hide it there), so that a row
 * where two looks alternate draws the lower one as a single stroke under the other.
 */
function rowRuns(cells: Cell[]): Cell[] {
  cells.sort((p, q) => p.a - q.a || p.layer - q.layer);
  const cover = new Map<number, [number, number][]>();
  const above = (layer: number) => {
    let u = cover.get(layer);
    if (!u) cover.set(layer, (u = union(cells.filter((d) => d.layer > layer && d.opacity === undefined))));
    return u;
  };
  const runs: Cell[] = [];
  const open = new Map<string, Cell>();
  for (const c of cells) {
    const key = `${c.layer}|${c.opacity ?? ''}`;
    const o = open.get(key);
    const joins = !!o && (o.b >= c.a || (c.opacity === undefined && inside(above(c.layer), o.b, c.a)));
    if (o && joins) o.b = Math.max(o.b, c.b);
    else {
      if (o) runs.push(o);
      open.set(key, { ...c });
    }
  }
  runs.push(...open.values());
  return runs.sort((p, q) => p.a - q.a);
}

/** The figure's shapes grouped by look (state and shade), in order of first appearance, touching ones joined. */
export function figureLooks(scene: Scene): Look[] {
  const k = UNITS / scene.width;
  const looks = new Map<string, Look>();
  const rows: { y: number; h: number; cells: Cell[] }[] = [];
  for (const r of scene.rows) {
    const h = r.row.h - 2 * r.pad;
    if (h <= 0) continue;
    const cells: Cell[] = [];
    for (const sh of r.shapes) {
      const a = Math.round(Math.max(0, sh.x0) * k);
      const b = Math.round(Math.min(scene.width, sh.x1) * k);
      if (b <= a) continue;
      const lookKey = `${sh.state}|${sh.alt ? 1 : 0}`;
      let look = looks.get(lookKey);
      if (!look) looks.set(lookKey, (look = { state: sh.state, alt: sh.alt, paths: new Map() }));
      cells.push({ a, b, look, opacity: densityOpacity(sh.density), layer: 0 });
    }
    rows.push({ y: r.row.y + r.pad + h / 2, h, cells });
  }
  // Paint order: the solid looks' svg first, then a masked rect per patterned look.
  const order = [...looks.values()].sort((p, q) => Number(!!patternFill(p.state)) - Number(!!patternFill(q.state)));
  const layer = new Map(order.map((look, i) => [look, i]));
  for (const { y, h, cells } of rows) {
    for (const c of cells) c.layer = layer.get(c.look)!;
    for (const { look, opacity, a, b } of rowRuns(cells)) {
      const key = `${h}|${opacity ?? ''}`;
      let p = look.paths.get(key);
      if (!p) look.paths.set(key, (p = { h, opacity, d: '', x: 0, y: NaN }));
      p.d += p.y === y ? `m${a - p.x} 0h${b - a}` : `M${a} ${y}h${b - a}`;
      p.x = b;
      p.y = y;
    }
  }
  return [...looks.values()];
}

/** A number written short: at most six significant digits, no leading zero ("0.00344828" → ".00344828"). */
function short(n: number): string {
  return String(Number(n.toPrecision(6))).replace(/^0\./, '.');
}

/**
 * The figure's shapes drawn compactly, per look, as horizontal strokes as thick as the shapes (butt caps end
 * them exactly), x in UNITS over the plot width and y in px. A solid look is one path of its own colour in a
 * plot-wide viewBox stretched across the width (its strokes are horizontal, so the stretch leaves their
 * thickness alone). A patterned look keeps its tiles' size whatever the width, so it is a rect over the plot
 * masked by those strokes in the rect's bounding-box units. A shape's shade (densityOpacity) is its stroke's
 * opacity: the same as a rect of its own with that fill opacity.
 */
export function CompactShapes({ scene, uid }: { scene: Scene; uid: string }) {
  const H = scene.layout.height;
  if (H <= 0) return null;
  const looks = figureLooks(scene);
  const strokes = (look: Look) =>
    [...look.paths].map(([key, p]) => <path key={key} strokeWidth={p.h} strokeOpacity={p.opacity} d={p.d} />);
  const solid = looks.filter((look) => !patternFill(look.state));
  return (
    <g className="tl-compact">
      {solid.length ? (
        <svg
          className="tl-compact-solid"
          width="100%"
          height={H}
          viewBox={`0 0 ${UNITS} ${H}`}
          preserveAspectRatio="none"
        >
          {solid.map((look, i) => (
            <g key={i} className={shapeClass(look.state, look.alt)}>
              {strokes(look)}
            </g>
          ))}
        </svg>
      ) : null}
      {looks.map((look, i) => {
        const fill = patternFill(look.state);
        if (!fill) return null;
        const id = `${uid}-c${i}`;
        return (
          <Fragment key={i}>
            <mask id={id} maskContentUnits="objectBoundingBox">
              <g transform={`scale(${short(1 / UNITS)} ${short(1 / H)})`} fill="none" stroke="#fff">
                {strokes(look)}
              </g>
            </mask>
            <rect
              className={shapeClass(look.state, look.alt)}
              x="0"
              width="100%"
              y="0"
              height={H}
              fill={fill}
              mask={`url(#${id})`}
            />
          </Fragment>
        );
      })}
    </g>
  );
}

/**
 * The flows drawn compactly: one group per kind carrying the class and the arrow head (both inherited),
 * (`arrow`: a marker's id), plain lines inside, thinned to one per COMPACT_FLOW_GAP_PX.
 */
export function CompactFlows({ scene, arrow }: { scene: Scene; arrow: string }) {
  const k = 100 / scene.width;
  const byKind = new Map<FlowKind, { x: number; y0: number; y1: number }[]>();
  const lastX = new Map<FlowKind, number>();
  for (const f of scene.flows) {
    if (f.x - (lastX.get(f.kind) ?? -Infinity) < COMPACT_FLOW_GAP_PX) continue;
    lastX.set(f.kind, f.x);
    // Stop short of the taker's row centre so the arrow head sits on the row's edge.
    const y1 = f.y1 + (f.y1 > f.y0 ? -3 : 3);
    let list = byKind.get(f.kind);
    if (!list) byKind.set(f.kind, (list = []));
    list.push({ x: Math.round(f.x * k * 10) / 10, y0: f.y0, y1 });
  }
  return (
    <g className="tl-flows" aria-hidden="true">
      {[...byKind].map(([kind, list]) => (
        <g key={kind} className={`tl-flow tl-flow--${kind}`} markerEnd={`url(#${arrow})`}>
          {list.map((f, i) => (
            <line key={i} x1={`${f.x}%`} x2={`${f.x}%`} y1={f.y0} y2={f.y1} />
          ))}
        </g>
      ))}
    </g>
  );
}
