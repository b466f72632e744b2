/**
 * SVG <pattern> definitions for the span states, from the palette's tiles, with stable ids that every
 * figure's marks and legend swatches reference: one set per built page (written by the prerender beside the
 * app, see patternsOnPage.ts), or one per figure where the page has none.
 */
import { useContext, type ReactNode } from 'react';
import type { SpanState } from '../sim/types';
import { STATE_ORDER, hasPatternOverlay, stateTile } from './palette';
import { PatternsOnPage } from './patternsOnPage';

export function patternId(state: SpanState): string {
  return `tl-p-${state}`;
}

/** Fill attribute for a span rect: a pattern url for patterned states, else none (CSS class fills). */
export function patternFill(state: SpanState): string | undefined {
  return hasPatternOverlay(state) ? `url(#${patternId(state)})` : undefined;
}

function Pattern({ state }: { state: SpanState }) {
  const tile = stateTile(state);
  if (!tile) return null;
  return (
    <pattern
      id={patternId(state)}
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

/**
 * The hidden SVG holding one set of patterns (`id` on the page's own set: PAGE_PATTERNS_ID), and on the page
 * the symbols its figures show with <use> (`children`: the legend's swatches, the buttons' icons).
 */
export function PatternSet({ id, children }: { id?: string; children?: ReactNode }) {
  return (
    <svg id={id} className="tl-defs" width={0} height={0} aria-hidden="true" focusable="false">
      <defs>
        {STATE_ORDER.filter(hasPatternOverlay).map((s) => (
          <Pattern key={s} state={s} />
        ))}
        {children}
      </defs>
    </svg>
  );
}

/** A figure's patterns: none when the page holds them (patternsOnPage.ts), else a set of its own. */
export function PatternDefs() {
  return useContext(PatternsOnPage) ? null : <PatternSet />;
}
