/**
 * The main() of each model: how the program starts its tasks (the way the simulator's model does),
 * at once in launch order or, when tasks arrive later (startAtMs, everyMs), each at its time.
 */
import type { ResolvedSettings } from '../types';
import { pyString, type PyLines } from './builder';
import { writeInterpreterMain } from './interpreterPool';
import { argsOf, launchAll, submitAll, tuple, type Starter } from './launchLoop';
import type { ProgramPlan, TaskFunction } from './plan';
import { ownDone, type StepContext } from './steps';
import { plannedWrites, writeSharedReport } from './report';
import { primitiveCall, sharedValueCall, type SyncNames } from './sync';

export type LaunchStyle =
  'sequential' | 'asyncio' | 'threads' | 'thread-pool' | 'processes' | 'process-pool' | 'interpreter-pool';

export interface LaunchContext extends StepContext {
  settings: ResolvedSettings;
}

function writeProcessSync(py: PyLines, names: SyncNames): string[] {
  const made: string[] = [];
  for (const [name, id] of names.prims) {
    py.line(`${id} = ${primitiveCall(names.specs.get(name)!, 'multiprocessing')}`);
    made.push(id);
  }
  for (const [task, { id, copies }] of names.joined) {
    py.line(`${id} = Finished(ctx, ${copies})  # counts down the ${task} copies still running`);
    made.push(id);
  }
  for (const [name, id] of names.vars) {
    py.line(`${id} = ${sharedValueCall(names.initial.get(name)!)}`);
    made.push(id);
  }
  return made;
}

export function writeMain(py: PyLines, plan: ProgramPlan, style: LaunchStyle, ctx: LaunchContext): void {
  const call: Starter = (fn, args) => `${fn.name}(${args.join(', ')})`;
  const targetArgs = (args: string[]) => (args.length === 0 ? '' : `, args=${tuple(args)}`);
  const { names, settings } = ctx;
  const processes = style === 'processes' || style === 'process-pool';
  const report = () =>
    writeSharedReport(
      py,
      names,
      processes ? (id) => `${id}.value` : (id) => `shared['${id}']`,
      plannedWrites(plan, names),
    );
  /** A concurrent.futures executor: every task submitted, then every result awaited (or its latency printed). */
  const submitToPool = (executor: string) =>
    py.block(`with ${executor} as pool:`, () => {
      submitAll(py, plan, ctx);
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
      writeInterpreterMain(py, plan, ctx);
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
