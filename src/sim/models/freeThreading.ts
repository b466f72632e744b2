/**
 * Free-threading (python3.13t / 3.14t): the threads model without a GIL. Threads run bytecode in
 * parallel on the cores (the OS still time-slices them when there are more threads than cores), but
 * every cpu step is slower by the build's single-thread overhead (defaults.FREE_THREADED_SLOWDOWN).
 */
import { FREE_THREADED_SLOWDOWN } from '../defaults';
import type { ModelContext } from './context';
import { runThreads } from './threads';

export function freeThreadedSlowdown(python: string): number {
  return python === '3.14t' ? FREE_THREADED_SLOWDOWN['3.14t'] : FREE_THREADED_SLOWDOWN['3.13t'];
}

export function runFreeThreading(ctx: ModelContext): void {
  runThreads(ctx, { free: true, cpuScale: freeThreadedSlowdown(ctx.settings.python) });
}
