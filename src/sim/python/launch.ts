/**
 * The main() of each model: how the program starts its tasks (the way the simulator's model does),
 * at once in launch order or, when tasks arrive later (startAtMs, everyMs), each at its time.
 */
import type { ResolvedSettings } from '../types';
import { pyFloat, pyInt, pyString, type PyLines } from './builder';
import type { LaunchRun, ProgramPlan, TaskFunction } from './plan';
import { scaledBytes, taskParams, type StepContext } from './steps';
import { primitiveCall, sharedValueCall, type SyncNames } from './sync';

export type LaunchStyle = 'sequential' | 'asyncio' | 'threads' | 'thread-pool' | 'processes' | 'process-pool';

export interface LaunchContext extends StepContext {
  settings: ResolvedSettings;
}

/** The Python expressions passed to a task function (its parameters, in order). */
function callArgs(fn: TaskFunction, ctx: StepContext): string[] {
  return taskParams(fn, ctx).map((p) =>
    p === 'payload' ? `bytes(${pyInt(scaledBytes(fn.argsBytes, ctx.scale))})` : p,
  );
}

function tuple(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** How one launch is written, given the function and its argument expressions. */
type Starter = (fn: TaskFunction, args: string[]) => string;

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
function argsOf(fn: TaskFunction, ctx: StepContext): string[] {
  return callArgs(fn, ctx).map((a) => (a === 'pool' ? 'pool' : a));
}

function writeProcessSync(py: PyLines, names: SyncNames): string[] {
  const made: string[] = [];
  for (const [name, id] of names.prims) {
    py.line(`${id} = ${primitiveCall(names.specs.get(name)!, 'multiprocessing')}`);
    made.push(id);
  }
  for (const [task, { id }] of names.joined) {
    py.line(`${id} = ctx.Semaphore(0)  # released by each ${task} that finishes`);
    made.push(id);
  }
  for (const [name, id] of names.vars) {
    py.line(`${id} = ${sharedValueCall(names.initial.get(name)!)}`);
    made.push(id);
  }
  return made;
}

/** The launch loop: at once (in launch order), or each task at its arrival time. */
function launchAll(py: PyLines, plan: ProgramPlan, ctx: LaunchContext, list: string | null, start: Starter): void {
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
  if (list !== null) py.line(`${list} = []`);
  const clock = ctx.async ? 'loop.time()' : 'time.perf_counter()';
  if (ctx.async) py.line('loop = asyncio.get_running_loop()');
  py.line(`t0 = ${clock}`);
  py.block('for at_ms, work, args in arrivals:', () => {
    py.line(`delay = t0 + at_ms / 1000 - ${clock}`);
    py.block('if delay > 0:', () => py.line(ctx.async ? 'await asyncio.sleep(delay)' : 'time.sleep(delay)'));
    const line = start({ name: 'work' } as TaskFunction, ['*args']);
    py.line(list === null ? line : `${list}.append(${line})`);
  });
}

export function writeMain(py: PyLines, plan: ProgramPlan, style: LaunchStyle, ctx: LaunchContext): void {
  const call: Starter = (fn, args) => `${fn.name}(${args.join(', ')})`;
  const targetArgs = (args: string[]) =>
    args.length === 0 ? '' : args[0] === '*args' ? ', args=args' : `, args=${tuple(args)}`;
  const { names, settings } = ctx;
  switch (style) {
    case 'sequential':
      py.block('def main():', () => launchAll(py, plan, ctx, null, call));
      return;
    case 'asyncio':
      py.block('async def main():', () => writeGather(py, plan, ctx));
      return;
    case 'threads':
      py.block('def main():', () => {
        launchAll(py, plan, ctx, 'threads', (fn, args) =>
          plan.arrivals
            ? `start_thread(${[fn.name, ...args].join(', ')})`
            : `threading.Thread(target=${fn.name}${targetArgs(args)})`,
        );
        if (!plan.arrivals) py.block('for thread in threads:', () => py.line('thread.start()'));
        py.block('for thread in threads:', () => py.line('thread.join()'));
      });
      return;
    case 'thread-pool':
      py.block('def main():', () => {
        py.block(`with ThreadPoolExecutor(max_workers=${settings.poolSize}) as pool:`, () => {
          launchAll(py, plan, ctx, 'futures', (fn, args) => `pool.submit(${[fn.name, ...args].join(', ')})`);
          py.block('for future in futures:', () => py.line('future.result()'));
        });
      });
      return;
    case 'processes':
      py.block('def main():', () => {
        py.line(`ctx = multiprocessing.get_context(${pyString(settings.startMethod)})`);
        writeProcessSync(py, names);
        const returning = plan.launches.filter((r) => r.fn.resultBytes > 0);
        if (returning.length) py.line('results = ctx.SimpleQueue()');
        const returners = returning.map((r) => r.fn.name).filter((n, i, all) => all.indexOf(n) === i);
        const make = (fn: TaskFunction, args: string[]) => {
          if (plan.arrivals) {
            const to = returners.length ? `results if work in (${returners.join(', ')},) else None` : 'None';
            return `start_process(ctx, ${to}, work, *args)`;
          }
          if (fn.resultBytes > 0) return `ctx.Process(target=send_back, args=${tuple(['results', fn.name, ...args])})`;
          return `ctx.Process(target=${fn.name}${targetArgs(args)})`;
        };
        launchAll(py, plan, ctx, 'processes', make);
        if (!plan.arrivals) py.block('for process in processes:', () => py.line('process.start()'));
        if (returning.length) {
          const n = returning.reduce((sum, r) => sum + r.count, 0);
          py.block(`for _ in range(${n}):`, () => py.line('results.get()'));
        }
        py.block('for process in processes:', () => py.line('process.join()'));
      });
      return;
    case 'process-pool':
      py.block('def main():', () => {
        py.line(`ctx = multiprocessing.get_context(${pyString(settings.startMethod)})`);
        const shared = writeProcessSync(py, names);
        const init = shared.length ? `, initializer=share, initargs=${tuple(shared)}` : '';
        py.block(`with ctx.Pool(processes=${settings.poolSize}${init}) as pool:`, () => {
          launchAll(py, plan, ctx, 'pending', (fn, args) =>
            args[0] === '*args'
              ? `pool.apply_async(${fn.name}, args)`
              : `pool.apply_async(${fn.name}${args.length ? `, ${tuple(args)}` : ''})`,
          );
          py.block('for result in pending:', () => py.line('result.get()'));
          py.line('pool.close()');
          py.line('pool.join()');
        });
      });
      return;
  }
}

function writeGather(py: PyLines, plan: ProgramPlan, ctx: LaunchContext): void {
  const steps = plan.functions.flatMap((f) => f.steps);
  if (steps.some((s) => s.kind === 'cpu' && s.offload === 'thread')) {
    py.line('# asyncio.to_thread runs on the default executor: min(32, cores + 4) threads.');
    py.line(
      `asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=${ctx.settings.threadPoolSize}))`,
    );
  }
  const gather = () => {
    if (plan.arrivals) {
      launchAll(py, plan, ctx, 'tasks', (fn, args) => `asyncio.create_task(${fn.name}(${args.join(', ')}))`);
      py.line('await asyncio.gather(*tasks)');
      return;
    }
    const items = plan.launches.map((run) => {
      const call = `${run.fn.name}(${argsOf(run.fn, ctx).join(', ')})`;
      return run.count === 1 ? call : `*(${call} for _ in range(${run.count}))`;
    });
    const oneLine = `await asyncio.gather(${items.join(', ')})`;
    if (oneLine.length <= 80) {
      py.line(oneLine);
      return;
    }
    py.block('await asyncio.gather(', () => {
      for (const item of items) py.line(`${item},`);
    });
    py.line(')');
  };
  if (steps.some((s) => s.kind === 'cpu' && s.offload === 'process')) {
    py.line(`mp_context = multiprocessing.get_context(${pyString(ctx.settings.startMethod)})`);
    py.block(
      `with ProcessPoolExecutor(max_workers=${ctx.settings.processPoolSize}, mp_context=mp_context) as pool:`,
      gather,
    );
  } else gather();
}

/** send_back(): a Process's way of returning a result to the parent. */
export function writeSendBack(py: PyLines): void {
  py.block('def send_back(results, work, *args):', () => {
    py.line(`"""Runs work in the child process and sends its result back to the parent."""`);
    py.line('results.put(work(*args))');
  });
  py.blank(2);
}

/** start_thread() / start_process(): start one worker at its arrival time. */
export function writeStarters(py: PyLines, style: LaunchStyle, returns: boolean): void {
  if (style === 'threads') {
    py.block('def start_thread(work, *args):', () => {
      py.line('thread = threading.Thread(target=work, args=args)');
      py.line('thread.start()');
      py.line('return thread');
    });
    py.blank(2);
  }
  if (style === 'processes') {
    py.block('def start_process(ctx, results, work, *args):', () => {
      if (returns) {
        py.line('if results is None:');
        py.line('    process = ctx.Process(target=work, args=args)');
        py.line('else:');
        py.line('    process = ctx.Process(target=send_back, args=(results, work, *args))');
      } else py.line('process = ctx.Process(target=work, args=args)');
      py.line('process.start()');
      py.line('return process');
    });
    py.blank(2);
  }
}

/** share(): the Pool initializer that gives every worker the primitives (they cannot be pickled per task). */
export function writeShare(py: PyLines, ids: string[]): void {
  py.block('def share(*objects):', () => {
    py.line(`"""Pool initializer: every worker gets the primitives and shared values the tasks use."""`);
    py.line(`global ${ids.join(', ')}`);
    py.line(`${ids.join(', ')}${ids.length === 1 ? ',' : ''} = objects`);
  });
  py.blank(2);
}
