/** SVG <pattern> definitions for the span states, one set per widget (ids from useId), from the palette's tiles. */
import type { SpanState } from '../sim/types';
import { STATE_ORDER, hasPatternOverlay, stateTile } from './palette';

export function patternId(uid: string, state: SpanState): string {
  return `${uid}-p-${state}`;
}

/** Fill attribute for a span rect: a pattern url for patterned states, else none (CSS class fills). */
export function patternFill(uid: string, state: SpanState): string | undefined {
  return hasPatternOverlay(state) ? `url(#${patternId(uid, state)})` : undefined;
}

function Pattern({ uid, state }: { uid: string; state: SpanState }) {
  const tile = stateTile(state);
  if (!tile) return null;
  return (
    <pattern
      id={patternId(uid, state)}
      width={tile.w}
      height={tile.h}
      patternUnits="userSpaceOnUse"
      patternTransform={tile.rotate ? `rotate(${tile.rotate})` : undefined}
    >
      <rect className={`tl-pbg tl-pbg--${state}`} width={tile.w} height={tile.h} />
      {tile.lines.map(([x1, y1, x2, y2], i) => (
        <line key={`l${i}`} className="tl-pline" x1={x1} y1={y1} x2={x2} y2={y2} />
      ))}
      {tile.dots.map(([cx, cy, r], i) => (
        <circle key={`d${i}`} className="tl-pink" cx={cx} cy={cy} r={r} />
      ))}
      {tile.rings.map(([cx, cy, r], i) => (
        <circle key={`r${i}`} className="tl-pline" cx={cx} cy={cy} r={r} fill="none" />
      ))}
      {tile.polys.map((pts, i) => (
        <polygon key={`p${i}`} className="tl-pink" points={pts.join(' ')} />
      ))}
    </pattern>
  );
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
