/**
 * What "2.0× faster than sequential" divides by: the sequential run's makespan, or null when that run never
 * finished. Run one after another, a workload can block for good (a consumer's `get` before any `put`, a
 * producer's third `put` into a queue of two): its makespan is when it stuck, and a ratio against it
 * would read as "18× slower" instead of "sequential code cannot run this at all".
 */
import type { Trace } from './types';

export function baselineOf(sequential: Pick<Trace, 'makespanMs' | 'metrics'> | undefined): number | null {
  if (!sequential || sequential.metrics.deadlock !== null) return null;
  return sequential.makespanMs;
}
