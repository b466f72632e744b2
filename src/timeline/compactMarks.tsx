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

/** The figure's shapes grouped by look (state and shade), in order of first appearance, touching ones joined. */
export function figureLooks(scene: Scene): Look[] {
  const k = UNITS / scene.width;
  const looks = new Map<string, Look>();
  for (const r of scene.rows) {
    const h = r.row.h - 2 * r.pad;
    if (h <= 0) continue;
    const y = r.row.y + r.pad + h / 2;
    // Per look and opacity, the open run of this row: [a, b).
    const open = new Map<string, { look: Look; opacity: number | undefined; run: [number, number] }>();
    const close = (look: Look, opacity: number | undefined, [a, b]: [number, number]) => {
      const key = `${h}|${opacity ?? ''}`;
      let p = look.paths.get(key);
      if (!p) look.paths.set(key, (p = { h, opacity, d: '', x: 0, y: NaN }));
      p.d += p.y === y ? `m${a - p.x} 0h${b - a}` : `M${a} ${y}h${b - a}`;
      p.x = b;
      p.y = y;
    };
    for (const sh of r.shapes) {
      const a = Math.round(Math.max(0, sh.x0) * k);
      const b = Math.round(Math.min(scene.width, sh.x1) * k);
      if (b <= a) continue;
      const opacity = densityOpacity(sh.density);
      const lookKey = `${sh.state}|${sh.alt ? 1 : 0}`;
      let look = looks.get(lookKey);
      if (!look) looks.set(lookKey, (look = { state: sh.state, alt: sh.alt, paths: new Map() }));
      const runKey = `${lookKey}|${opacity ?? ''}`;
      const o = open.get(runKey);
      if (o && o.run[1] >= a) o.run[1] = Math.max(o.run[1], b);
      else {
        if (o) close(o.look, o.opacity, o.run);
        open.set(runKey, { look, opacity, run: [a, b] });
      }
    }
    for (const o of open.values()) close(o.look, o.opacity, o.run);
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
 * plain lines inside, thinned to one per COMPACT_FLOW_GAP_PX.
 */
export function CompactFlows({ scene, uid }: { scene: Scene; uid: string }) {
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
        <g key={kind} className={`tl-flow tl-flow--${kind}`} markerEnd={`url(#${uid}-arrow)`}>
          {list.map((f, i) => (
            <line key={i} x1={`${f.x}%`} x2={`${f.x}%`} y1={f.y0} y2={f.y1} />
          ))}
        </g>
      ))}
    </g>
  );
}
