/**
 * How a main() launches its tasks: at once, in launch order (a list of starts, or a loop for copies), or
 * each task at its arrival time (startAtMs, everyMs), from a sorted `arrivals` list.
 */
import { pyFloat, pyInt, type PyLines } from './builder';
import type { LaunchRun, ProgramPlan, TaskFunction } from './plan';
import { scaledBytes, taskParams, type StepContext } from './steps';

/** The Python expressions passed to a task function (its parameters, in order). */
function callArgs(fn: TaskFunction, ctx: StepContext): string[] {
  return taskParams(fn, ctx).map((p) =>
    p === 'payload' ? `bytes(${pyInt(scaledBytes(fn.argsBytes, ctx.scale))})` : p,
  );
}

export function tuple(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** How one launch is written, given the function and its argument expressions. */
export type Starter = (fn: TaskFunction, args: string[]) => string;

/** `name = [expr]` for the first run, `name += [...]` after; a loop for runs of more than one. */
function collect(py: PyLines, name: string, runs: readonly LaunchRun[], expr: (fn: TaskFunction) => string): void {
  runs.forEach((run, i) => {
    const op = i === 0 ? '=' : '+=';
    const item = expr(run.fn);
    py.line(run.count === 1 ? `${name} ${op} [${item}]` : `${name} ${op} [${item} for _ in range(${run.count})]`);
  });
}

/** `arrivals`: (ms from the start, function, arguments), sorted by time (ties keep launch order). */
function writeArrivals(py: PyLines, plan: ProgramPlan, ctx: StepContext, args: (fn: TaskFunction) => string[]) {
  const parts = plan.launches.map((run) => {
    const at = run.startAtMs * ctx.scale;
    const every = run.everyMs * ctx.scale;
    const entry = (time: string) => `(${time}, ${run.fn.name}, ${tuple(args(run.fn)).replace(/^\(\)$/, '()')})`;
    if (run.count === 1) return `[${entry(pyFloat(at))}]`;
    const time = every > 0 ? `${pyFloat(at)} + ${pyFloat(every)} * i` : pyFloat(at);
    return `[${entry(time)} for i in range(${run.count})]`;
  });
  py.line('# When each task arrives (ms from the start), what it runs and with what.');
  py.block('arrivals = sorted(', () => {
    parts.forEach((part, i) => py.line(`${i === 0 ? '' : '+ '}${part}${i === parts.length - 1 ? ',' : ''}`));
    py.line('key=lambda arrival: arrival[0],');
  });
  py.line(')');
}

/** Arguments that must exist before a launch: under processes they are made in main(). */
export function argsOf(fn: TaskFunction, ctx: StepContext): string[] {
  return callArgs(fn, ctx).map((a) => (a === 'pool' ? 'pool' : a));
}

/**
 * The launch loop: at once (in launch order), or each task at its arrival time, started by `arrive`
 * (an expression of `work`, `args`, `arrived` — its arrival on the program's clock — and `i`, its place
 * in arrival order).
 */
export function launchAll(
  py: PyLines,
  plan: ProgramPlan,
  ctx: StepContext,
  list: string | null,
  start: Starter,
  arrive = '',
  store = '',
): void {
  if (!plan.arrivals) {
    if (list === null) {
      for (const run of plan.launches) {
        const line = start(run.fn, argsOf(run.fn, ctx));
        if (run.count === 1) py.line(line);
        else py.block(`for _ in range(${run.count}):`, () => py.line(line));
      }
    } else collect(py, list, plan.launches, (fn) => start(fn, argsOf(fn, ctx)));
    return;
  }
  writeArrivals(py, plan, ctx, (fn) => argsOf(fn, ctx));
  if (store) py.line(store);
  if (list !== null) py.line(`${list} = []`);
  const clock = ctx.async ? 'loop.time()' : 'time.perf_counter()';
  if (ctx.async) py.line('loop = asyncio.get_running_loop()');
  py.line(`t0 = ${clock}`);
  const loop = /\bi\b/.test(arrive)
    ? 'for i, (at_ms, work, args) in enumerate(arrivals):'
    : 'for at_ms, work, args in arrivals:';
  py.block(loop, () => {
    py.line('arrived = t0 + at_ms / 1000');
    py.line(`delay = arrived - ${clock}`);
    py.block('if delay > 0:', () => py.line(ctx.async ? 'await asyncio.sleep(delay)' : 'time.sleep(delay)'));
    py.line(list === null ? arrive : `${list}.append(${arrive})`);
  });
}

/** Inside `with … as pool:`: every task submitted, then every result awaited (or each latency printed). */
export function submitAll(py: PyLines, plan: ProgramPlan, ctx: StepContext): void {
  launchAll(
    py,
    plan,
    ctx,
    'futures',
    (fn, args) => `pool.submit(${[fn.name, ...args].join(', ')})`,
    'pool.submit(timed, work, arrived, *args)',
  );
  if (plan.arrivals) py.line('print_latency([future.result() for future in futures])');
  else py.block('for future in futures:', () => py.line('future.result()'));
}
