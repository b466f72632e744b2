/**
 * The legend: only the states in the window, each with its swatch (colour + pattern) and label. Hovering
 * or focusing an entry highlights that state's spans (the figure gets `data-highlight`). On a built page
 * each swatch is drawn once, as a <symbol> in the page's hidden SVG (SwatchSymbols, beside the patterns:
 * patternsOnPage.ts), and the legends show it with a <use>; elsewhere each legend draws its own.
 */
import { useContext, type FocusEvent, type MouseEvent, type ReactNode } from 'react';
import type { SpanState } from '../sim/types';
import { PALETTE, STATE_ORDER } from './palette';
import { patternFill } from './patterns';
import { PatternsOnPage } from './patternsOnPage';

export const swatchId = (state: SpanState | 'handoff') => `tl-sw-${state}`;

function SwatchShape({ state }: { state: SpanState }) {
  return (
    <rect className={`tl-s tl-s--${state}`} x={0.5} y={0.5} width={17} height={11} rx={2} fill={patternFill(state)} />
  );
}

function HandoffShape() {
  return (
    <>
      <line className="tl-flow" x1={9} x2={9} y1={0} y2={9} />
      <path className="tl-flow-head" d="M6,8 L9,12 L12,8 z" />
    </>
  );
}

/** Every swatch as a <symbol>, for the page's hidden SVG. */
export function SwatchSymbols() {
  return (
    <>
      {STATE_ORDER.map((s) => (
        <symbol key={s} id={swatchId(s)}>
          <SwatchShape state={s} />
        </symbol>
      ))}
      <symbol id={swatchId('handoff')}>
        <HandoffShape />
      </symbol>
    </>
  );
}

function SwatchBox({ id, children }: { id: string; children: ReactNode }) {
  const onPage = useContext(PatternsOnPage);
  // Sized by the stylesheet (`.tl-legend li > svg`, timeline.css): a dozen legends need no class of their own.
  return onPage ? (
    <svg aria-hidden="true">
      <use href={`#${id}`} />
    </svg>
  ) : (
    <svg width={18} height={12} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function Swatch({ state }: { state: SpanState }) {
  return (
    <SwatchBox id={swatchId(state)}>
      <SwatchShape state={state} />
    </SwatchBox>
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
          <SwatchBox id={swatchId('handoff')}>
            <HandoffShape />
          </SwatchBox>
          GIL hand-off
        </li>
      ) : null}
    </ul>
  );
}
