/**
 * The page's limits (src/sim/limits.ts, PAGE_LIMITS) in the shape the page's controls use, and the size of
 * an importable file. Values outside them are clamped with a message saying so; a workload too large to
 * simulate in the page (tasks, steps, total work) is refused with the reason (fit.ts).
 */
import { formatCount, PAGE_LIMITS } from '../sim/limits';

export { totalTasks } from '../sim/limits';

export const LIMITS = {
  durationMs: PAGE_LIMITS.durationMs,
  /** Tasks after `count` copies are made. */
  tasks: PAGE_LIMITS.tasks,
  cores: PAGE_LIMITS.cores,
  switchIntervalMs: PAGE_LIMITS.switchIntervalMs,
  poolSize: PAGE_LIMITS.poolSize,
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
  return formatCount(value);
}
