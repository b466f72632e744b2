/**
 * The main() of each model: how the program starts its tasks (the way the simulator's model does),
 * at once in launch order or, when tasks arrive later (startAtMs, everyMs), each at its time.
 */
import { interpreterPoolSize } from '../models/subinterpreters';
import type { ResolvedSettings } from '../types';
import { pyFloat, pyInt, pyString, type PyLines } from './builder';
import type { LaunchRun, ProgramPlan, TaskFunction } from './plan';
import { ownDone, scaledBytes, taskParams, type StepContext } from './steps';
import { writeSharedReport } from './report';
import { primitiveCall, sharedValueCall, type SyncNames } from './sync';

export type LaunchStyle =
  'sequential' | 'asyncio' | 'threads' | 'thread-pool' | 'processes' | 'process-pool' | 'interpreter-pool';

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

/**
 * The launch loop: at once (in launch order), or each task at its arrival time, started by `arrive`
 * (an expression of `work`, `args`, `arrived` — its arrival on the program's clock — and `i`, its place
 * in arrival order).
 */
function launchAll(
  py: PyLines,
  plan: ProgramPlan,
  ctx: LaunchContext,
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

/** Writes of each shared variable when every task runs to its end. */
function plannedWrites(plan: ProgramPlan, names: SyncNames): Map<string, number> {
  const writes = new Map<string, number>();
  for (const run of plan.launches)
    for (const step of run.fn.steps)
      if (step.kind === 'write' && names.vars.has(step.var!))
        writes.set(step.var!, (writes.get(step.var!) ?? 0) + run.count);
  return writes;
}

export function writeMain(py: PyLines, plan: ProgramPlan, style: LaunchStyle, ctx: LaunchContext): void {
  const call: Starter = (fn, args) => `${fn.name}(${args.join(', ')})`;
  const targetArgs = (args: string[]) => (args.length === 0 ? '' : `, args=${tuple(args)}`);
  const { names, settings } = ctx;
  const processes = style === 'processes' || style === 'process-pool';
  const report = () => writeSharedReport(py, names, processes, plannedWrites(plan, names));
  /** A concurrent.futures executor: every task submitted, then every result awaited (or its latency printed). */
  const submitToPool = (executor: string) =>
    py.block(`with ${executor} as pool:`, () => {
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
    });
  switch (style) {
    case 'sequential':
      py.block('def main():', () => {
        launchAll(py, plan, ctx, null, call, 'latencies.append(timed(work, arrived, *args))', 'latencies = []');
        if (plan.arrivals) py.line('print_latency(latencies)');
        report();
      });
      return;
    case 'asyncio':
      py.block('async def main():', () => {
        writeGather(py, plan, ctx);
        report();
      });
      return;
    case 'threads':
      py.block('def main():', () => {
        launchAll(
          py,
          plan,
          ctx,
          'threads',
          (fn, args) => `threading.Thread(target=${fn.name}${targetArgs(args)})`,
          'start_thread(latencies, i, work, arrived, *args)',
          'latencies = [0.0] * len(arrivals)',
        );
        if (!plan.arrivals) py.block('for thread in threads:', () => py.line('thread.start()'));
        py.block('for thread in threads:', () => py.line('thread.join()'));
        if (plan.arrivals) py.line('print_latency(latencies)');
        report();
      });
      return;
    case 'thread-pool':
      py.block('def main():', () => {
        submitToPool(`ThreadPoolExecutor(max_workers=${settings.poolSize})`);
        report();
      });
      return;
    case 'interpreter-pool':
      py.block('def main():', () => {
        // Imported here: the module exists from Python 3.14 on, and the program checks the version first.
        py.line('from concurrent.futures import InterpreterPoolExecutor');
        py.blank();
        const workers = interpreterPoolSize(settings.poolSize, settings.cores);
        py.line('# Every worker thread creates its own interpreter (own GIL); arguments and results are copied.');
        submitToPool(`InterpreterPoolExecutor(max_workers=${workers})`);
        report();
      });
      return;
    case 'processes':
      py.block('def main():', () => {
        py.line(`ctx = multiprocessing.get_context(${pyString(settings.startMethod)})`);
        writeProcessSync(py, names);
        const returning = plan.arrivals ? [] : plan.launches.filter((r) => r.fn.resultBytes > 0);
        if (returning.length) py.line('results = ctx.SimpleQueue()');
        const make = (fn: TaskFunction, args: string[]) => {
          if (fn.resultBytes > 0) return `ctx.Process(target=send_back, args=${tuple(['results', fn.name, ...args])})`;
          return `ctx.Process(target=${fn.name}${targetArgs(args)})`;
        };
        launchAll(
          py,
          plan,
          ctx,
          'processes',
          make,
          'start_process(ctx, latencies, i, work, arrived, *args)',
          'latencies = ctx.Array("d", len(arrivals), lock=False)',
        );
        if (!plan.arrivals) py.block('for process in processes:', () => py.line('process.start()'));
        if (returning.length) {
          const n = returning.reduce((sum, r) => sum + r.count, 0);
          py.block(`for _ in range(${n}):`, () => py.line('results.get()'));
        }
        py.block('for process in processes:', () => py.line('process.join()'));
        if (plan.arrivals) py.line('print_latency(latencies)');
        report();
      });
      return;
    case 'process-pool':
      py.block('def main():', () => {
        py.line(`ctx = multiprocessing.get_context(${pyString(settings.startMethod)})`);
        const shared = writeProcessSync(py, names);
        const init = shared.length ? `, initializer=share, initargs=${tuple(shared)}` : '';
        py.block(`with ctx.Pool(processes=${settings.poolSize}${init}) as pool:`, () => {
          launchAll(
            py,
            plan,
            ctx,
            'pending',
            (fn, args) => `pool.apply_async(${fn.name}${args.length ? `, ${tuple(args)}` : ''})`,
            'pool.apply_async(timed, (work, arrived, *args))',
          );
          if (plan.arrivals) py.line('print_latency([result.get() for result in pending])');
          else py.block('for result in pending:', () => py.line('result.get()'));
          py.line('pool.close()');
          py.line('pool.join()');
        });
        report();
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
      launchAll(
        py,
        plan,
        ctx,
        'tasks',
        (fn, args) => `asyncio.create_task(${fn.name}(${args.join(', ')}))`,
        'asyncio.create_task(timed(work, arrived, *args))',
      );
      py.line('print_latency(await asyncio.gather(*tasks))');
      return;
    }
    if (ctx.awaitJoins && ctx.names.joined.size) {
      writeJoinable(py, plan, ctx);
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

/**
 * asyncio where tasks join others: every coroutine becomes an asyncio task in launch order, and the
 * tasks of a joined function go to its module-level list, which joiners await.
 */
function writeJoinable(py: PyLines, plan: ProgramPlan, ctx: LaunchContext): void {
  const lists: string[] = [];
  let others = false;
  for (const run of plan.launches) {
    const task = `asyncio.create_task(${run.fn.name}(${argsOf(run.fn, ctx).join(', ')}))`;
    const joined = ownDone(run.fn, ctx.names);
    if (joined !== null && !lists.includes(joined)) lists.push(joined);
    const list = joined ?? 'tasks';
    if (joined === null && !others) {
      others = true;
      py.line(run.count === 1 ? `tasks = [${task}]` : `tasks = [${task} for _ in range(${run.count})]`);
    } else if (run.count === 1) py.line(`${list}.append(${task})`);
    else py.line(`${list}.extend(${task} for _ in range(${run.count}))`);
  }
  py.line(`await asyncio.gather(${[...(others ? ['*tasks'] : []), ...lists.map((l) => `*${l}`)].join(', ')})`);
}

/** send_back(): a Process's way of returning a result to the parent. */
export function writeSendBack(py: PyLines): void {
  py.block('def send_back(results, work, *args):', () => {
    py.line(`"""Runs work in the child process and sends its result back to the parent."""`);
    py.line('results.put(work(*args))');
  });
  py.blank(2);
}

/** start_thread() / start_process() (and store()): start request i at its arrival; its latency goes to latencies[i]. */
export function writeStarters(py: PyLines, style: LaunchStyle): void {
  if (style === 'threads') {
    py.block('def start_thread(latencies, i, work, arrived, *args):', () => {
      py.line('"""Starts request i on a new thread; its latency goes to latencies[i] when it ends."""');
      py.block('def request():', () => py.line('latencies[i] = timed(work, arrived, *args)'));
      py.line('thread = threading.Thread(target=request)');
      py.line('thread.start()');
      py.line('return thread');
    });
    py.blank(2);
  }
  if (style === 'processes') {
    py.block('def store(latencies, i, work, arrived, *args):', () => {
      py.line('"""Runs request i in the child process; its latency goes to latencies[i] in shared memory."""');
      py.line('latencies[i] = timed(work, arrived, *args)');
    });
    py.blank(2);
    py.block('def start_process(ctx, latencies, i, work, arrived, *args):', () => {
      py.line('process = ctx.Process(target=store, args=(latencies, i, work, arrived, *args))');
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
