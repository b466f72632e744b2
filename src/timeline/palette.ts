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
  'solid' | 'outline' | 'dots' | 'hatch' | 'backhatch' | 'crosshatch' | 'hlines' | 'vlines' | 'dashes';

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
    'dots',
    '#f0e442',
    '#f0e442',
  ),
  'wait-core': style(
    'wait-core',
    'waiting for a core',
    'Runnable, waiting for a free CPU core.',
    'backhatch',
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
    'Pickling arguments or results between processes.',
    'dashes',
    '#882255',
    '#c9679a',
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
  const p = PALETTE[state].pattern;
  return p !== 'solid' && p !== 'outline';
}
