/** Model names and the compare header ("Threads · 3.00 s · 2.0× faster than sequential"). */
import type { ModelId, Trace } from '../sim/types';
import { formatCount, formatTime } from './scale';

/** Fallback labels; the widget passes the simulator's MODEL_LABELS when it has them. */
export const DEFAULT_MODEL_LABELS: Record<ModelId, string> = {
  sequential: 'Sequential',
  asyncio: 'asyncio',
  threads: 'Threads (GIL)',
  'free-threading': 'Free-threading',
  processes: 'Processes',
  subinterpreters: 'Subinterpreters',
};

/** "2.0× faster than sequential", "1.3× slower than sequential", "as fast as sequential". */
export function speedupText(makespanMs: number, baselineMs: number): string {
  if (!(makespanMs > 0) || !(baselineMs > 0)) return '';
  const ratio = baselineMs / makespanMs;
  if (Math.abs(ratio - 1) < 0.005) return 'as fast as sequential';
  if (ratio > 1) return `${ratio >= 100 ? formatCount(ratio) : ratio.toFixed(1)}× faster than sequential`;
  const inv = 1 / ratio;
  return `${inv >= 100 ? formatCount(inv) : inv.toFixed(1)}× slower than sequential`;
}

/** The pieces of a band header: model label, total time, speed-up (empty for the baseline itself). */
export function bandSummary(
  trace: Trace,
  baselineMs: number | null,
  labels: Partial<Record<ModelId, string>> = DEFAULT_MODEL_LABELS,
): { label: string; total: string; speedup: string; text: string } {
  const label = trace.label ?? labels[trace.model] ?? DEFAULT_MODEL_LABELS[trace.model] ?? trace.model;
  const total = formatTime(trace.makespanMs);
  // A run that stopped in a deadlock did not finish its work: no speed-up to speak of.
  const speedup = trace.metrics.deadlock
    ? `deadlocked at ${formatTime(trace.metrics.deadlock.atMs)}`
    : trace.model === 'sequential' || baselineMs === null
      ? ''
      : speedupText(trace.makespanMs, baselineMs);
  return { label, total, speedup, text: [label, total, speedup].filter(Boolean).join(' · ') };
}
