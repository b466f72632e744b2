/**
 * Axis ticks for a time window, from d3-array's tick generator (the one d3-scale's linear scale uses): about `count` round instants inside [startMs, endMs),
 * labelled in one unit chosen from the window's width, with just enough decimals to tell them apart
 * ("15 ms", "20 ms" … or "200.05 ms", "200.10 ms" … deep inside a run).
 */
import { ticks } from 'd3-array';
import type { Tick, TimeUnit } from './scale';
import type { ViewWindow } from './viewWindow';

/** The unit ticks over a window this wide are labelled in. */
export function windowUnit(widthMs: number, endMs: number): { unit: TimeUnit; perMs: number } {
  if (widthMs >= 1000) return { unit: 's', perMs: 1 / 1000 };
  if (widthMs >= 1 || endMs >= 1) return { unit: 'ms', perMs: 1 };
  return { unit: 'µs', perMs: 1000 };
}

export function windowTicks(w: ViewWindow, count = 6): Tick[] {
  const width = w.endMs - w.startMs;
  if (!(width > 0)) return [{ ms: w.startMs, pct: 0, label: '0' }];
  const { unit, perMs } = windowUnit(width, w.endMs);
  const values = ticks(w.startMs * perMs, w.endMs * perMs, count);
  const step = values.length > 1 ? values[1] - values[0] : width * perMs;
  const decimals = Math.max(0, -Math.floor(Math.log10(Math.abs(step)) + 1e-9));
  return values.map((v) => {
    const ms = v / perMs;
    return {
      ms,
      pct: ((ms - w.startMs) / width) * 100,
      label: v === 0 ? '0' : `${v.toFixed(decimals)} ${unit}`,
    };
  });
}
