/**
 * The span patterns of the page (the palette's tiles, as src/timeline/patterns.tsx draws them) for exported images, so that a saved PNG or
 * SVG tells the states apart without colour too: one <pattern> per patterned state, its base in the state's
 * colour and its marks in the page's ink colour.
 */
import type { SpanState } from '../sim/types';
import { hasPatternOverlay, stateTile } from '../timeline/palette';

const NS = 'http://www.w3.org/2000/svg';

function node(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export const imagePatternId = (state: SpanState) => `p-${state}`;

/** <defs> with a pattern for each patterned state among `states`. */
export function patternDefs(states: readonly SpanState[], fill: (s: SpanState) => string, ink: string): SVGElement {
  const defs = node('defs', {});
  for (const state of states.filter(hasPatternOverlay)) {
    const t = stateTile(state);
    if (!t) continue;
    const pattern = node('pattern', {
      id: imagePatternId(state),
      width: t.w,
      height: t.h,
      patternUnits: 'userSpaceOnUse',
    });
    if (t.rotate) pattern.setAttribute('patternTransform', `rotate(${t.rotate})`);
    pattern.append(node('rect', { width: t.w, height: t.h, fill: fill(state) }));
    for (const [cx, cy, r] of t.dots) pattern.append(node('circle', { cx, cy, r, fill: ink }));
    for (const [cx, cy, r] of t.rings)
      pattern.append(node('circle', { cx, cy, r, fill: 'none', stroke: ink, 'stroke-width': 1.5 }));
    for (const pts of t.polys) pattern.append(node('polygon', { points: pts.join(' '), fill: ink }));
    for (const [x1, y1, x2, y2] of t.lines)
      pattern.append(node('line', { x1, y1, x2, y2, stroke: ink, 'stroke-width': 1.5 }));
    defs.append(pattern);
  }
  return defs;
}

/** The fill for a state's shapes: its pattern where it has one, else its plain colour. */
export function imageFill(state: SpanState, fill: (s: SpanState) => string): string {
  return hasPatternOverlay(state) && stateTile(state) ? `url(#${imagePatternId(state)})` : fill(state);
}
