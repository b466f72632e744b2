/** The legend: only the states present, each with its swatch (colour + pattern) and label. */
import type { SpanState } from '../sim/types';
import { PALETTE } from './palette';
import { patternFill } from './patterns';

export function Swatch({ uid, state }: { uid: string; state: SpanState }) {
  return (
    <svg className="tl-swatch" width={18} height={12} aria-hidden="true" focusable="false">
      <rect
        className={`tl-s tl-s--${state}`}
        x={0.5}
        y={0.5}
        width={17}
        height={11}
        rx={2}
        fill={patternFill(uid, state)}
      />
    </svg>
  );
}

export function Legend({ uid, states, handoffs }: { uid: string; states: readonly SpanState[]; handoffs?: boolean }) {
  return (
    <ul className="tl-legend" aria-label="Legend">
      {states.map((s) => (
        <li key={s} title={PALETTE[s].description}>
          <Swatch uid={uid} state={s} />
          {PALETTE[s].label}
        </li>
      ))}
      {handoffs ? (
        <li title="The GIL passes from one thread to another.">
          <svg className="tl-swatch" width={18} height={12} aria-hidden="true" focusable="false">
            <line className="tl-handoff" x1={9} x2={9} y1={0} y2={12} />
          </svg>
          GIL hand-off
        </li>
      ) : null}
    </ul>
  );
}
