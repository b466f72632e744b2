/**
 * A value that changes at instants (a queue's depth, a shared variable) and its step line over a time
 * window: at most one run of vertices per pixel column, so a queue that changes ten thousand times
 * stays a short path, while at a close zoom every change is drawn where it happened.
 */
import { windowScale, type ViewWindow } from './viewWindow';

export interface StepSeries {
  /** The value before the first change. */
  initial: number;
  /** Change times, ascending, and the value from each of them on. */
  t: number[];
  v: number[];
}

/** Index of the first change at or after t. */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value at t (a change at t counts). */
export function valueAt(s: StepSeries, t: number): number {
  const i = firstAtOrAfter(s.t, t);
  if (i < s.t.length && s.t[i] === t) {
    let j = i;
    while (j + 1 < s.t.length && s.t[j + 1] === t) j++;
    return s.v[j];
  }
  return i > 0 ? s.v[i - 1] : s.initial;
}

/** Smallest and largest value the series takes inside [startMs, endMs], including the value it enters with. */
export function rangeIn(s: StepSeries, w: ViewWindow): { min: number; max: number } {
  let min = valueAt(s, w.startMs);
  let max = min;
  for (let i = firstAtOrAfter(s.t, w.startMs); i < s.t.length && s.t[i] <= w.endMs; i++) {
    if (s.v[i] < min) min = s.v[i];
    if (s.v[i] > max) max = s.v[i];
  }
  return { min, max };
}

const r = (n: number) => Math.round(n * 100) / 100;

/**
 * SVG path data of the step line through a window on a plot `width` px wide, with `y(value)` in px.
 * The line starts at the window's left edge and ends at `endMs` (the end of the run) or the right edge.
 */
export function stepPath(
  s: StepSeries,
  w: ViewWindow,
  width: number,
  y: (v: number) => number,
  endMs = w.endMs,
): string {
  const x = windowScale(w, width);
  const stopX = r(Math.min(width, Math.max(0, x(Math.min(endMs, w.endMs)))));
  const parts: string[] = [`M0 ${r(y(valueAt(s, w.startMs)))}`];
  let col = -Infinity;
  let x0 = 0;
  let lo = 0;
  let hi = 0;
  let last = 0;
  let n = 0;
  const flush = () => {
    if (n === 0) return;
    parts.push(n === 1 || lo === hi ? `H${r(x0)}V${r(y(last))}` : `H${r(x0)}V${r(y(lo))}V${r(y(hi))}V${r(y(last))}`);
    n = 0;
  };
  for (let i = firstAtOrAfter(s.t, w.startMs); i < s.t.length && s.t[i] <= w.endMs && s.t[i] <= endMs; i++) {
    const px = x(s.t[i]);
    const c = Math.floor(px);
    if (c !== col) {
      flush();
      col = c;
      x0 = px;
      lo = hi = s.v[i];
    }
    lo = Math.min(lo, s.v[i]);
    hi = Math.max(hi, s.v[i]);
    last = s.v[i];
    n++;
  }
  flush();
  parts.push(`H${stopX}`);
  return parts.join('');
}
