/**
 * The legend: only the states in the window, each with its swatch (colour + pattern) and label. Hovering
 * or focusing an entry highlights that state's spans (the figure gets `data-highlight`).
 */
import type { FocusEvent, MouseEvent } from 'react';
import type { SpanState } from '../sim/types';
import { PALETTE } from './palette';
import { patternFill } from './patterns';

export function Swatch({ state }: { state: SpanState }) {
  return (
    <svg className="tl-swatch" width={18} height={12} aria-hidden="true" focusable="false">
      <rect className={`tl-s tl-s--${state}`} x={0.5} y={0.5} width={17} height={11} rx={2} fill={patternFill(state)} />
    </svg>
  );
}

function highlight(e: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>, state: string | null) {
  const fig = e.currentTarget.closest('figure');
  if (!fig) return;
  if (state) fig.setAttribute('data-highlight', state);
  else fig.removeAttribute('data-highlight');
}

export function Legend({ states, handoffs }: { states: readonly SpanState[]; handoffs?: boolean }) {
  return (
    <ul className="tl-legend" aria-label="Legend">
      {states.map((s) => (
        <li
          key={s}
          title={PALETTE[s].description}
          tabIndex={0}
          onMouseEnter={(e) => highlight(e, s)}
          onMouseLeave={(e) => highlight(e, null)}
          onFocus={(e) => highlight(e, s)}
          onBlur={(e) => highlight(e, null)}
        >
          <Swatch state={s} />
          {PALETTE[s].label}
        </li>
      ))}
      {handoffs ? (
        <li title="An arrow from the thread that gave up the GIL to the one that took it.">
          <svg className="tl-swatch" width={18} height={12} aria-hidden="true" focusable="false">
            <line className="tl-flow" x1={9} x2={9} y1={0} y2={9} />
            <path className="tl-flow-head" d="M6,8 L9,12 L12,8 z" />
          </svg>
          GIL hand-off
        </li>
      ) : null}
    </ul>
  );
}
