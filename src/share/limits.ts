/**
 * The bounds a workload edited in the page must stay within, so that every change re-simulates at once
 * and nothing can freeze the page. Values outside them are clamped (with a message saying so), except too
 * many tasks in a file or a link, which is refused (see fitToLimits in validate.ts).
 */
import type { Scenario } from '../sim/types';

export const LIMITS = {
  durationMs: { min: 0, max: 60_000 },
  /** Tasks after `count` copies are made. */
  tasks: 10_000,
  cores: { min: 1, max: 128 },
  switchIntervalMs: { min: 0.01, max: 1000 },
  poolSize: { min: 1, max: 1024 },
  /** Imported scenario files. */
  fileBytes: 5 * 1024 * 1024,
} as const;

export interface Clamped {
  value: number;
  /** Set when the value had to be changed. */
  clamped: boolean;
}

export function clamp(value: number, min: number, max: number): Clamped {
  const v = Math.min(max, Math.max(min, value));
  return { value: v, clamped: v !== value };
}

/** "60 s", "0.01 ms", "10 000": how limits are written in messages. */
export function formatLimit(value: number, unit?: 'ms' | 's'): string {
  if (unit === 's') return `${value / 1000} s`;
  if (unit === 'ms') return `${value} ms`;
  return value >= 10_000 ? value.toLocaleString('en').replace(/,/g, '\u202f') : String(value);
}

export function totalTasks(scenario: Scenario): number {
  return scenario.tasks.reduce((n, t) => n + (t.count ?? 1), 0);
}
