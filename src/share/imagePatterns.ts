/**
 * The span patterns of the page (src/timeline/patterns.tsx) for exported images, so that a saved PNG or
 * SVG tells the states apart without colour too: one <pattern> per patterned state, its base in the state's
 * colour and its marks in the page's ink colour.
 */
import type { SpanState } from '../sim/types';
import { PALETTE, hasPatternOverlay } from '../timeline/palette';

const NS = 'http://www.w3.org/2000/svg';

function node(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export const imagePatternId = (state: SpanState) => `p-${state}`;

/** Lines of a pattern tile, as [x1, y1, x2, y2], and its size and rotation. */
function tile(state: SpanState): { size: [number, number]; rotate: number; lines: number[][]; dot: boolean } | null {
  switch (PALETTE[state].pattern) {
    case 'dots':
      return { size: [5, 5], rotate: 0, lines: [], dot: true };
    case 'hatch':
      return { size: [6, 6], rotate: 45, lines: [[1, 0, 1, 6]], dot: false };
    case 'backhatch':
      return { size: [6, 6], rotate: -45, lines: [[1, 0, 1, 6]], dot: false };
    case 'crosshatch':
      return {
        size: [6, 6],
        rotate: 45,
        lines: [
          [1, 0, 1, 6],
          [0, 1, 6, 1],
        ],
        dot: false,
      };
    case 'hlines':
      return { size: [4, 4], rotate: 0, lines: [[0, 1, 4, 1]], dot: false };
    case 'vlines':
      return { size: [4, 4], rotate: 0, lines: [[1, 0, 1, 4]], dot: false };
    case 'dashes':
      return { size: [8, 4], rotate: 0, lines: [[0, 2, 4, 2]], dot: false };
    default:
      return null;
  }
}

/** <defs> with a pattern for each patterned state among `states`. */
export function patternDefs(states: readonly SpanState[], fill: (s: SpanState) => string, ink: string): SVGElement {
  const defs = node('defs', {});
  for (const state of states.filter(hasPatternOverlay)) {
    const t = tile(state);
    if (!t) continue;
    const [w, h] = t.size;
    const pattern = node('pattern', { id: imagePatternId(state), width: w, height: h, patternUnits: 'userSpaceOnUse' });
    if (t.rotate) pattern.setAttribute('patternTransform', `rotate(${t.rotate})`);
    pattern.append(node('rect', { width: w, height: h, fill: fill(state) }));
    if (t.dot) pattern.append(node('circle', { cx: w / 2, cy: h / 2, r: 1.1, fill: ink }));
    for (const [x1, y1, x2, y2] of t.lines)
      pattern.append(node('line', { x1, y1, x2, y2, stroke: ink, 'stroke-width': 1.5 }));
    defs.append(pattern);
  }
  return defs;
}

/** The fill for a state's shapes: its pattern where it has one, else its plain colour. */
export function imageFill(state: SpanState, fill: (s: SpanState) => string): string {
  return hasPatternOverlay(state) && tile(state) ? `url(#${imagePatternId(state)})` : fill(state);
}
