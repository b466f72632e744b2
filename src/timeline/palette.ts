/**
 * Span state → colour, pattern and short label.
 *
 * Colours are based on the Okabe–Ito palette (safe for the common colour-vision deficiencies)
 * and every state ALSO differs by pattern (solid, outline, hatching, dots, lines), so no state
 * is told apart by hue alone. Colours live in CSS custom properties (`--tl-<state>`, defined
 * for light and dark themes in timeline.css); the hex values here are the fallbacks Canvas uses
 * when it cannot read the stylesheet.
 */
import type { SpanState } from '../sim/types';

export type PatternKind =
  | 'solid'
  | 'outline'
  | 'dots'
  | 'rings'
  | 'hatch'
  | 'crosshatch'
  | 'checker'
  | 'hlines'
  | 'vlines'
  | 'dashes'
  | 'zigzag'
  | 'plus'
  | 'bricks'
  | 'triangles'
  | 'bars';

/**
 * A pattern tile, drawn the same way by the page's SVG, the Canvas renderer and exported images: marks in
 * the ink colour over the state's colour, in a `w` × `h` tile (CSS px) turned by `rotate` degrees.
 */
export interface PatternTile {
  w: number;
  h: number;
  rotate: number;
  /** [x1, y1, x2, y2] strokes. */
  lines: number[][];
  /** [cx, cy, r] filled dots. */
  dots: number[][];
  /** [cx, cy, r] stroked circles. */
  rings: number[][];
  /** Filled polygons, [x, y, x, y …]. */
  polys: number[][];
}

const t = (w: number, h: number, rotate: number, parts: Partial<PatternTile>): PatternTile => ({
  w,
  h,
  rotate,
  lines: [],
  dots: [],
  rings: [],
  polys: [],
  ...parts,
});

/**
 * The tiles. Each differs from the others in kind of mark (line, dot, ring, zigzag, block, cross), not
 * only in its direction, so that every state stays distinct in greyscale.
 */
export const PATTERN_TILES: Record<PatternKind, PatternTile | null> = {
  solid: null,
  outline: null,
  dots: t(5, 5, 0, { dots: [[2.5, 2.5, 1.1]] }),
  rings: t(8, 8, 0, { rings: [[4, 4, 2.2]] }),
  hatch: t(6, 6, 45, { lines: [[1, 0, 1, 6]] }),
  crosshatch: t(6, 6, 45, {
    lines: [
      [1, 0, 1, 6],
      [0, 1, 6, 1],
    ],
  }),
  checker: t(6, 6, 0, {
    polys: [
      [0, 0, 3, 0, 3, 3, 0, 3],
      [3, 3, 6, 3, 6, 6, 3, 6],
    ],
  }),
  hlines: t(4, 4, 0, { lines: [[0, 1, 4, 1]] }),
  vlines: t(4, 4, 0, { lines: [[1, 0, 1, 4]] }),
  dashes: t(8, 4, 0, { lines: [[0, 2, 4, 2]] }),
  zigzag: t(8, 6, 0, {
    lines: [
      [0, 4, 2, 2],
      [2, 2, 4, 4],
      [4, 4, 6, 2],
      [6, 2, 8, 4],
    ],
  }),
  plus: t(8, 8, 0, {
    lines: [
      [4, 1.5, 4, 6.5],
      [1.5, 4, 6.5, 4],
    ],
  }),
  bricks: t(8, 6, 0, {
    lines: [
      [0, 0.5, 8, 0.5],
      [0, 3.5, 8, 3.5],
      [2, 0.5, 2, 3.5],
      [6, 3.5, 6, 6],
    ],
  }),
  triangles: t(8, 6, 0, { polys: [[1, 5, 4, 1, 7, 5]] }),
  bars: t(8, 8, 0, { polys: [[0, 0, 3, 0, 3, 8, 0, 8]] }),
};

export interface StateStyle {
  state: SpanState;
  /** Legend and tooltip label. */
  label: string;
  /** One line explaining the state (legend title). */
  description: string;
  /** CSS custom property holding the colour. */
  cssVar: string;
  pattern: PatternKind;
  light: string;
  dark: string;
}

function style(
  state: SpanState,
  label: string,
  description: string,
  pattern: PatternKind,
  light: string,
  dark: string,
): StateStyle {
  return { state, label, description, cssVar: `--tl-${state}`, pattern, light, dark };
}

/** In legend order: work first, then waiting, then overheads. */
export const PALETTE: Record<SpanState, StateStyle> = {
  running: style(
    'running',
    'running Python',
    'Executing Python bytecode (holding the GIL where there is one).',
    'solid',
    '#0072b2',
    '#4aa3df',
  ),
  native: style('native', 'native code', 'Executing C code that released the GIL.', 'dots', '#009e73', '#2bc48f'),
  held: style('held', 'holds the GIL', 'The GIL is held by this thread.', 'solid', '#4d4d4d', '#c4c4c4'),
  io: style(
    'io',
    'waiting on I/O',
    'Waiting for I/O, a timer or a sleep; uses no CPU.',
    'outline',
    '#56b4e9',
    '#56b4e9',
  ),
  blocking: style(
    'blocking',
    'blocking the loop',
    'A blocking call inside a coroutine: nothing else on the loop runs.',
    'crosshatch',
    '#d55e00',
    '#f07a2e',
  ),
  'wait-gil': style(
    'wait-gil',
    'waiting for the GIL',
    'Ready to run Python code, waiting for the GIL.',
    'hatch',
    '#e69f00',
    '#f2b437',
  ),
  'wait-loop': style(
    'wait-loop',
    'waiting for the loop',
    'Ready, waiting for the event loop to get to it.',
    'rings',
    '#f0e442',
    '#f0e442',
  ),
  'wait-core': style(
    'wait-core',
    'waiting for a core',
    'Runnable, waiting for a free CPU core.',
    'checker',
    '#cc79a7',
    '#de93bd',
  ),
  'wait-worker': style(
    'wait-worker',
    'waiting for a worker',
    'Waiting for a free pool worker.',
    'hlines',
    '#999999',
    '#8c8c8c',
  ),
  starting: style(
    'starting',
    'starting up',
    'Thread or process start-up (fork/spawn, interpreter boot).',
    'vlines',
    '#6f6f6f',
    '#b3b3b3',
  ),
  pickling: style(
    'pickling',
    'pickling',
    'Pickling arguments or results between processes (copying them between interpreters).',
    'dashes',
    '#882255',
    '#c9679a',
  ),
  'wait-lock': style(
    'wait-lock',
    'waiting for a lock',
    'Blocked in acquire() of a lock or semaphore another task holds.',
    'zigzag',
    '#a6761d',
    '#d9a441',
  ),
  'wait-queue': style(
    'wait-queue',
    'waiting on a queue',
    'Blocked getting from an empty queue or putting into a full one.',
    'bricks',
    '#117733',
    '#44bb66',
  ),
  'wait-event': style(
    'wait-event',
    'waiting for an event',
    'Blocked in Event.wait() until another task sets the event.',
    'plus',
    '#332288',
    '#8877dd',
  ),
  'wait-join': style(
    'wait-join',
    'waiting for a task to finish',
    'Blocked in join() or await until another task finishes.',
    'triangles',
    '#44aa99',
    '#66ccbb',
  ),
  'wait-barrier': style(
    'wait-barrier',
    'waiting at a barrier',
    'Blocked in Barrier.wait() until enough parties arrive.',
    'bars',
    '#aa4499',
    '#cc77bb',
  ),
};

export const STATE_ORDER: readonly SpanState[] = Object.keys(PALETTE) as SpanState[];

/** Index of each state in STATE_ORDER (used for compact per-state arrays). */
export const STATE_INDEX: Record<SpanState, number> = Object.fromEntries(STATE_ORDER.map((s, i) => [s, i])) as Record<
  SpanState,
  number
>;

export function stateStyle(state: SpanState): StateStyle {
  return PALETTE[state];
}

/** The states that occur in a set of spans, in legend order. */
export function statesPresent(spans: Iterable<{ state: SpanState }>): SpanState[] {
  const seen = new Set<SpanState>();
  for (const s of spans) seen.add(s.state);
  return STATE_ORDER.filter((s) => seen.has(s));
}

/** States whose pattern is drawn over a base fill (everything but solid and outline). */
export function hasPatternOverlay(state: SpanState): boolean {
  return PATTERN_TILES[PALETTE[state]?.pattern ?? 'solid'] !== null;
}

/** The tile of a state's pattern, or null for solid and outlined states. */
export function stateTile(state: SpanState): PatternTile | null {
  return PATTERN_TILES[PALETTE[state]?.pattern ?? 'solid'];
}
