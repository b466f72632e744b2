/**
 * The time axis: a linear scale from trace milliseconds to a horizontal position, time
 * formatting in s / ms / µs, and axis ticks labelled in one unit.
 *
 * Positions are in percent of the plot width by default, so the static (server-rendered)
 * picture is correct at any width without measuring anything.
 */
import { ticks } from 'd3-array';

const NBSP = '\u00a0';

/** Three significant digits; never exponent notation. */
function sig3(v: number): string {
  const a = Math.abs(v);
  if (a >= 999.5) return String(Math.round(v));
  return v.toPrecision(3);
}

/**
 * A duration or instant in readable units, three significant digits:
 * `formatTime(1250)` is "1.25 s", `formatTime(850)` is "850 ms", `formatTime(0.0125)` is "12.5 µs".
 */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms === 0) return '0 s';
  const a = Math.abs(ms);
  // Decide the unit on the value as it will be shown (999.7 ms shows as "1.00 s").
  if (Number(a.toPrecision(3)) >= 1000) return `${sig3(ms / 1000)} s`;
  if (Number(a.toPrecision(3)) >= 1) return `${sig3(ms)} ms`;
  if (Number((a * 1000).toPrecision(3)) >= 1) return `${sig3(ms * 1000)} µs`;
  return `${sig3(ms * 1e6)} ns`;
}

/** A count with thin grouping: `formatCount(10000)` is "10 000" (with a no-break space). */
export function formatCount(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  const grouped = s.length > 4 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : s;
  return n < 0 ? `−${grouped}` : grouped;
}

/** `plural(1, 'task')` is "1 task", `plural(10000, 'task')` is "10 000 tasks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export interface TimeScale {
  /** The position of an instant. */
  (ms: number): number;
  /** The instant at a position. */
  invert(position: number): number;
}

/**
 * Linear time scale from [0, domainMs] to [0, rangeMax] (percent by default). The axis always starts at 0,
 * so the scale is one multiplication; the ticks come from d3-array.
 */
export function timeScale(domainMs: number, rangeMax = 100): TimeScale {
  const perMs = rangeMax / (domainMs > 0 ? domainMs : 1);
  const scale = (ms: number) => ms * perMs;
  scale.invert = (position: number) => position / perMs;
  return scale;
}

/** Decimals needed to tell ticks `step` apart: 0.25 → 2, 5 → 0. */
function decimalsFor(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(Math.abs(step)) + 1e-9));
}

export interface Tick {
  ms: number;
  /** Position in percent of the plot width. */
  pct: number;
  label: string;
}

export type TimeUnit = 's' | 'ms' | 'µs';

/** The unit an axis over [0, domainMs] is labelled in. */
export function axisUnit(domainMs: number): { unit: TimeUnit; perMs: number } {
  if (domainMs >= 1000) return { unit: 's', perMs: 1 / 1000 };
  if (domainMs >= 1) return { unit: 'ms', perMs: 1 };
  return { unit: 'µs', perMs: 1000 };
}

/**
 * About `count` round ticks over [0, domainMs], all labelled in one unit with just enough
 * decimals for the step: 0 s, 0.5 s, 1.0 s … or 0 ms, 20 ms, 40 ms …
 */
export function timeTicks(domainMs: number, count = 6): Tick[] {
  const max = domainMs > 0 ? domainMs : 1;
  const { unit, perMs } = axisUnit(max);
  const values = ticks(0, max * perMs, count);
  const step = values.length > 1 ? values[1] - values[0] : max * perMs;
  const decimals = decimalsFor(step);
  return values.map((v) => {
    const ms = v / perMs;
    return { ms, pct: (ms / max) * 100, label: v === 0 ? '0' : `${v.toFixed(decimals)} ${unit}` };
  });
}

/** Clamp t into [0, max]. */
export function clampTime(t: number, max: number): number {
  if (!(t > 0)) return 0;
  return t > max ? max : t;
}

/** Rounds a time for ARIA attributes (µs precision keeps values short but exact enough). */
export function ariaMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
