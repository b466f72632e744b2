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

/** Horizontal resolution of the axis's and the grid's strokes: a thousandth of a percent of the plot's width. */
const GRID_UNITS = 100000;

const unitsAt = (pct: number) => Math.round(pct * (GRID_UNITS / 100));

/**
 * The axis: its line and the tick marks as paths stretched over the plot's width (strokes keep 1 px,
 * timeline.css). Ticks chosen for the nominal width (`thinnable`: the figure as first rendered, before its
 * plot is measured) keep their odd ticks' marks apart, so that a narrow screen can hide them with their
 * labels; ticks chosen for the measured width are all shown.
 */
export const Axis = memo(function Axis({ ticks, thinnable = false }: { ticks: readonly Tick[]; thinnable?: boolean }) {
  let even = `M0 0.5H${GRID_UNITS}`;
  let odd = '';
  const isOdd = (i: number) => thinnable && i % 2 === 1;
  ticks.forEach((t, i) => {
    const d = `M${unitsAt(t.pct)} 0v5`;
    if (isOdd(i)) odd += d;
    else even += d;
  });
  return (
    <svg className="tl-axis" width="100%" height={AXIS_HEIGHT} aria-hidden="true">
      <svg
        className="tl-axis-marks"
        width="100%"
        height={AXIS_HEIGHT}
        viewBox={`0 0 ${GRID_UNITS} ${AXIS_HEIGHT}`}
        preserveAspectRatio="none"
      >
        <path d={even} />
        {odd ? <path className="tl-tick--odd" d={odd} /> : null}
      </svg>
      {/* Keyed by position, not by time: a zoom or pan step then moves the labels in place instead of replacing them. */}
      {ticks.map((t, i) => (
        <text key={i} className={isOdd(i) ? 'tl-tick--odd' : undefined} x={at(t.pct)} y={17} textAnchor={anchor(t.pct)}>
          {t.label}
        </text>
      ))}
    </svg>
  );
});

/**
 * Vertical grid lines at the ticks, through the rows of each band (not its header): one path stretched over
 * the plot's width (its stroke keeps 1 px, timeline.css), a subpath per line.
 */
export function GridLines({ layout, ticks }: { layout: TimelineLayout; ticks: readonly Tick[] }) {
  const xs = ticks.filter((t) => t.pct > 0 && t.pct < 100).map((t) => unitsAt(t.pct));
  let d = '';
  if (xs.length) {
    for (const b of layout.bands) {
      const top = b.y + b.headerH;
      const h = b.h - b.headerH;
      for (const x of xs) d += `M${x} ${top}v${h}`;
    }
  }
  return (
    <svg
      className="tl-grid"
      width="100%"
      height={layout.height}
      viewBox={`0 0 ${GRID_UNITS} ${layout.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {d ? <path d={d} /> : null}
    </svg>
  );
}
