/** The time axis (SVG, positions in percent so it is right at any width) and the vertical grid, from the scene's ticks. */
import { memo } from 'react';
import { timeTicks, type Tick } from './scale';
import type { TimelineLayout } from './layout';

export const AXIS_HEIGHT = 24;

/** Ticks over the whole run (the overview strip, exported images of the whole run). */
export function ticksFor(domainMs: number): Tick[] {
  return timeTicks(domainMs, 6);
}

/** A tick's position as an SVG length, to a thousandth of a percent (a hundredth of a pixel on a wide screen). */
const at = (pct: number) => `${Math.round(pct * 1000) / 1000}%`;

function anchor(pct: number): 'start' | 'middle' | 'end' {
  if (pct <= 0.5) return 'start';
  if (pct >= 99.5) return 'end';
  return 'middle';
}

export const Axis = memo(function Axis({ ticks }: { ticks: readonly Tick[] }) {
  return (
    <svg className="tl-axis" width="100%" height={AXIS_HEIGHT} aria-hidden="true" focusable="false">
      <line className="tl-axis-line" x1="0%" x2="100%" y1={0.5} y2={0.5} />
      {/* Keyed by position, not by time: a zoom or pan step then moves the ticks in place instead of replacing them. */}
      {ticks.map((t, i) => (
        <g key={i} className={i % 2 === 1 ? 'tl-tick tl-tick--odd' : 'tl-tick'}>
          <line x1={at(t.pct)} x2={at(t.pct)} y1={0} y2={5} />
          <text x={at(t.pct)} y={17} textAnchor={anchor(t.pct)}>
            {t.label}
          </text>
        </g>
      ))}
    </svg>
  );
});

/** Vertical grid lines at the ticks, through the rows of each band (not its header). */
export function GridLines({ layout, ticks }: { layout: TimelineLayout; ticks: readonly Tick[] }) {
  const inside = ticks.filter((t) => t.pct > 0 && t.pct < 100);
  return (
    <g className="tl-grid" aria-hidden="true">
      {layout.bands.map((b) =>
        inside.map((t, i) => (
          <line key={`${b.index}-${i}`} x1={at(t.pct)} x2={at(t.pct)} y1={b.y + b.headerH} y2={b.y + b.h} />
        )),
      )}
    </g>
  );
}
