/** SVG <pattern> definitions for the span states, one set per widget (ids from useId). */
import type { SpanState } from '../sim/types';
import { PALETTE, STATE_ORDER, hasPatternOverlay } from './palette';

export function patternId(uid: string, state: SpanState): string {
  return `${uid}-p-${state}`;
}

/** Fill attribute for a span rect: a pattern url for patterned states, else none (CSS class fills). */
export function patternFill(uid: string, state: SpanState): string | undefined {
  return hasPatternOverlay(state) ? `url(#${patternId(uid, state)})` : undefined;
}

function Pattern({ uid, state }: { uid: string; state: SpanState }) {
  const kind = PALETTE[state].pattern;
  const id = patternId(uid, state);
  const bg = (size: number) => <rect className={`tl-pbg tl-pbg--${state}`} width={size} height={size} />;
  switch (kind) {
    case 'dots':
      return (
        <pattern id={id} width={5} height={5} patternUnits="userSpaceOnUse">
          {bg(5)}
          <circle className="tl-pink" cx={2.5} cy={2.5} r={1.1} />
        </pattern>
      );
    case 'hatch':
    case 'backhatch':
      return (
        <pattern
          id={id}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform={`rotate(${kind === 'hatch' ? 45 : -45})`}
        >
          {bg(6)}
          <line className="tl-pline" x1={1} y1={0} x2={1} y2={6} />
        </pattern>
      );
    case 'crosshatch':
      return (
        <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          {bg(6)}
          <line className="tl-pline" x1={1} y1={0} x2={1} y2={6} />
          <line className="tl-pline" x1={0} y1={1} x2={6} y2={1} />
        </pattern>
      );
    case 'hlines':
      return (
        <pattern id={id} width={4} height={4} patternUnits="userSpaceOnUse">
          {bg(4)}
          <line className="tl-pline" x1={0} y1={1} x2={4} y2={1} />
        </pattern>
      );
    case 'vlines':
      return (
        <pattern id={id} width={4} height={4} patternUnits="userSpaceOnUse">
          {bg(4)}
          <line className="tl-pline" x1={1} y1={0} x2={1} y2={4} />
        </pattern>
      );
    case 'dashes':
      return (
        <pattern id={id} width={8} height={4} patternUnits="userSpaceOnUse">
          {bg(8)}
          <line className="tl-pline" x1={0} y1={2} x2={4} y2={2} />
        </pattern>
      );
    default:
      return null;
  }
}

/** A zero-size SVG holding the patterns, shared by the marks and the legend swatches. */
export function PatternDefs({ uid }: { uid: string }) {
  return (
    <svg className="tl-defs" width={0} height={0} aria-hidden="true" focusable="false">
      <defs>
        {STATE_ORDER.filter(hasPatternOverlay).map((s) => (
          <Pattern key={s} uid={uid} state={s} />
        ))}
      </defs>
    </svg>
  );
}
