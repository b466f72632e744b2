/**
 * The compact drawing of a figure's shapes, for the figure as first rendered (the server and the hydrating
 * client, before the plot is measured): one element per look (state, pattern, density) for the whole
 * figure instead of one rect per span. Each look is a rect over the whole plot clipped to the union of its
 * shapes; the clip path is in the rect's bounding-box units, scaled so that x runs over the plot width in
 * UNITS and y in px from the chart top, and the pattern keeps its own tile size whatever the width.
 * Touching shapes of one look in a row join into one subpath. Hit-testing and the tooltip read the scene
 * (scene.ts), not these elements.
 */
import type { SpanState } from '../sim/types';
import { patternFill } from './patterns';
import { shapeClass, type Scene } from './scene';

/** Horizontal resolution of the clip paths: 1/UNITS of the plot width (a hundredth of a percent). */
export const UNITS = 10000;

/** Fill opacity of a merged shape (undefined when it is practically solid). */
export function densityOpacity(density: number): number | undefined {
  return density < 0.97 ? Math.round((0.35 + 0.65 * density) * 100) / 100 : undefined;
}

export interface Look {
  state: SpanState;
  alt: boolean;
  opacity: number | undefined;
  /** Path data: one subpath per run of touching shapes, x in UNITS, y in px. */
  d: string;
}

/** The figure's shapes grouped by look, in order of first appearance, with touching shapes joined. */
export function figureLooks(scene: Scene): Look[] {
  const k = UNITS / scene.width;
  const looks = new Map<string, Look>();
  for (const r of scene.rows) {
    const y0 = r.row.y + r.pad;
    const h = r.row.h - 2 * r.pad;
    if (h <= 0) continue;
    // Per look, the open run of this row: [a, b).
    const open = new Map<Look, [number, number]>();
    const close = (look: Look, run: [number, number]) => {
      look.d += `M${run[0]} ${y0}v${h}h${run[1] - run[0]}V${y0}z`;
    };
    for (const sh of r.shapes) {
      const a = Math.round(Math.max(0, sh.x0) * k);
      const b = Math.round(Math.min(scene.width, sh.x1) * k);
      if (b <= a) continue;
      const opacity = densityOpacity(sh.density);
      const key = `${sh.state}|${sh.alt ? 1 : 0}|${opacity ?? ''}`;
      let look = looks.get(key);
      if (!look) looks.set(key, (look = { state: sh.state, alt: sh.alt, opacity, d: '' }));
      const run = open.get(look);
      if (run && run[1] >= a) run[1] = Math.max(run[1], b);
      else {
        if (run) close(look, run);
        open.set(look, [a, b]);
      }
    }
    for (const [look, run] of open) close(look, run);
  }
  return [...looks.values()];
}

/** The figure's shapes drawn compactly: a clip path and a clipped rect per look. */
export function CompactShapes({ scene, uid }: { scene: Scene; uid: string }) {
  const H = scene.layout.height;
  if (H <= 0) return null;
  const transform = `scale(${1 / UNITS} ${1 / H})`;
  return (
    <g className="tl-compact">
      {figureLooks(scene).map((look, i) => {
        const id = `${uid}-c${i}`;
        return (
          <g key={i}>
            <clipPath id={id} clipPathUnits="objectBoundingBox">
              <path transform={transform} d={look.d} />
            </clipPath>
            <rect
              className={shapeClass(look.state, look.alt)}
              x="0"
              width="100%"
              y="0"
              height={H}
              fill={patternFill(uid, look.state)}
              fillOpacity={look.opacity}
              clipPath={`url(#${id})`}
            />
          </g>
        );
      })}
    </g>
  );
}
