/**
 * What a program prints besides its total: each request's latency when tasks arrive over time (from its
 * arrival to its end, with p50, p95 and max by nearest rank, as the simulator's metrics.latency), and the
 * final value of each shared variable (so that lost updates show in the real run too).
 */
import type { PyLines } from './builder';
import type { ProgramPlan } from './plan';
import type { SyncNames } from './sync';

/** timed(): runs one request and returns its latency in seconds. */
export function writeTimed(py: PyLines, async: boolean): void {
  const clock = async ? 'asyncio.get_running_loop().time()' : 'time.perf_counter()';
  py.block(`${async ? 'async def' : 'def'} timed(work, arrived, *args):`, () => {
    py.line('"""Runs one request; returns its latency in seconds, from its arrival to its end."""');
    py.line(`${async ? 'await ' : ''}work(*args)`);
    py.line(`return ${clock} - arrived`);
  });
  py.blank(2);
}

/** print_latency(): each request's latency in arrival order, then p50, p95 and max. */
export function writePrintLatency(py: PyLines): void {
  py.block('def print_latency(latencies):', () => {
    py.line('"""Prints each latency (arrival order), then p50, p95 and max by nearest rank."""');
    py.line('ms = [latency * 1000 for latency in latencies]');
    py.line('print("latency (ms):", " ".join(f"{x:.1f}" for x in ms))');
    py.line('ranked = sorted(ms)');
    py.line('p50, p95 = (ranked[max(0, math.ceil(p / 100 * len(ranked)) - 1)] for p in (50, 95))');
    py.line('print(f"latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {ranked[-1]:.1f} ms")');
  });
  py.blank(2);
}

/**
 * The last lines of main(): each shared variable's value (`value` of its Python id: an expression) beside
 * what it would be with no update lost.
 */
export function writeSharedReport(
  py: PyLines,
  names: SyncNames,
  value: (id: string) => string,
  writes: Map<string, number>,
): void {
  for (const [name, id] of names.vars) {
    const n = writes.get(name) ?? 0;
    const from = names.initial.get(name) ?? 0;
    py.line(
      `print(f"${id} = {${value(id)}} after ${n} writes of read + 1 (from ${from}, ${from + n} if no update was lost)")`,
    );
  }
}

/** Writes of each shared variable when every task runs to its end. */
export function plannedWrites(plan: ProgramPlan, names: SyncNames): Map<string, number> {
  const writes = new Map<string, number>();
  for (const run of plan.launches)
    for (const step of run.fn.steps)
      if (step.kind === 'write' && names.vars.has(step.var!))
        writes.set(step.var!, (writes.get(step.var!) ?? 0) + run.count);
  return writes;
}
