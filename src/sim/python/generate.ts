/**
 * From a workload and a model, a short runnable Python 3.11 program that does what the workload does:
 * time.sleep / await asyncio.sleep for io, a counting loop for cpu, hashlib.sha256 for native work, and
 * the model's own API to run the tasks. It prints its total time last. Pure: no DOM, no I/O.
 */
import { DEFAULT_SWITCH_INTERVAL_MS } from '../defaults';
import { expandTasks } from '../scenario/expand';
import { resolveSettings, type SimOverrides } from '../settings';
import type { ModelId, ResolvedSettings, Scenario } from '../types';
import { humanBytes, pyFloat, PyLines, pyText } from './builder';
import { LOOP_NS_PER_ITERATION, SHA256_BYTES_PER_MS } from './calibration';
import { writeMain, writeSendBack, writeShare, writeStarters, type LaunchStyle } from './launch';
import { planProgram, type ProgramPlan } from './plan';
import { helperNeeds, writeHelperConstants, writeHelpers, writeTaskFunction, type StepContext } from './steps';
import { interpreterPoolSize } from '../models/subinterpreters';
import { writePrintLatency, writeTimed } from './report';
import { stuckPlan, watchdogStart, writeBlocked, writeWatchdog, type StuckPlan } from './stuck';
import { QUEUES_DOC, queueHelperNeeds, writeQueueHelpers, type QueueHelpers } from './interpreters';
import { reservedNames, syncNames, writeFinished, writeSyncGlobals, type SyncFlavor, type SyncNames } from './sync';

export interface PythonOptions {
  /** Multiplies every duration (sleeps, loop iterations, hashed bytes) and payload size. Default 1. */
  scale?: number;
  /** The same overrides `simulate` takes (switchIntervalMs, poolSize, startMethod, cores …). */
  overrides?: SimOverrides;
  /**
   * ns per iteration of the counting loop that stands for Python computing (default LOOP_NS_PER_ITERATION,
   * 32.4 ns: typical CPython 3.11), e.g. a rate measured on the machine that will run the program.
   */
  loopNsPerIteration?: number;
  /** Bytes per ms hashlib.sha256 hashes, for native steps (default SHA256_BYTES_PER_MS: 64 MiB in 38 ms). */
  hashBytesPerMs?: number;
  /**
   * The workload was changed from the one its title describes: the docstring says so, since the title may
   * name the old numbers ("Three tasks that sleep 2 s, 3 s and 1 s").
   */
  changed?: boolean;
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a number > 0, not ${value}`);
  return value;
}

/** What a program needs to run as intended ('3.14': InterpreterPoolExecutor, on a regular build). */
export type PythonRequirement = '3.11' | '3.13t' | '3.14t' | '3.14';

export interface PythonProgram {
  model: ModelId;
  /** The program, ending in a newline. */
  code: string;
  /**
   * For each task of the scenario (by its name before `count` expansion; copies share it), the 1-based
   * line that runs each of its steps.
   */
  stepLines: Map<string, number[]>;
  /** The interpreter the program is meant for: free-threading needs a free-threaded build. */
  requires: PythonRequirement;
  /** The settings the program was written for (as the simulator resolves them). */
  settings: ResolvedSettings;
  /** Tasks after `count` expansion. */
  taskCount: number;
  /** How the program starts its tasks. */
  launch: LaunchStyle;
}

function launchStyle(model: ModelId, settings: ResolvedSettings): LaunchStyle {
  switch (model) {
    case 'sequential':
      return 'sequential';
    case 'asyncio':
      return 'asyncio';
    case 'threads':
    case 'free-threading':
      return settings.poolSize === null ? 'threads' : 'thread-pool';
    case 'processes':
      return settings.poolSize === null ? 'processes' : 'process-pool';
    case 'subinterpreters':
      return 'interpreter-pool';
  }
}

function describe(style: LaunchStyle, settings: ResolvedSettings, model: ModelId): string {
  const build = model === 'free-threading' ? ` on free-threaded Python ${settings.python} (no GIL)` : '';
  switch (style) {
    case 'sequential':
      return 'every task in turn, one after another';
    case 'asyncio':
      return 'asyncio, one coroutine per task, gathered';
    case 'threads':
      return `one thread per task${build}`;
    case 'thread-pool':
      return `a ThreadPoolExecutor of ${settings.poolSize} threads${build}`;
    case 'processes':
      return `one process per task (start method ${settings.startMethod})`;
    case 'process-pool':
      return `a multiprocessing Pool of ${settings.poolSize} processes (start method ${settings.startMethod})`;
    case 'interpreter-pool':
      return `an InterpreterPoolExecutor of ${interpreterPoolSize(settings.poolSize, settings.cores)} interpreters, each with its own GIL`;
  }
}

function writeDocstring(
  py: PyLines,
  scenario: Scenario,
  model: ModelId,
  style: LaunchStyle,
  ctx: Ctx,
  changed: boolean,
): void {
  const title = changed ? `A changed version of "${scenario.title}"` : scenario.title;
  py.line(`"""${pyText(title)}: ${describe(style, ctx.settings, model)}.`);
  py.blank();
  const kinds = new Set(scenario.tasks.flatMap((t) => t.steps.map((s) => s.kind)));
  const parts = [
    kinds.has('io') ? (ctx.async ? 'waiting is await asyncio.sleep' : 'waiting is time.sleep') : '',
    kinds.has('cpu') ? 'Python computing is busy(), a counting loop' : '',
    kinds.has('native') ? 'native code is hashlib.sha256' : '',
  ].filter(Boolean);
  if (parts.length) {
    py.line(`In this program ${parts.join('; ')}.`);
    py.line(`Sized from CPython 3.11 on a 2-core Linux machine; the workload assumes ${ctx.settings.cores} cores.`);
  }
  if (ctx.scale !== 1) py.line(`Every duration and payload is scaled by ${pyFloat(ctx.scale)}.`);
  if (model === 'free-threading')
    py.line(`Run it with a free-threaded build: python${ctx.settings.python} (python.org or pyenv "t" builds).`);
  if (model === 'subinterpreters' && coordinates(ctx.names)) {
    py.blank();
    for (const line of QUEUES_DOC) py.line(line);
    py.line('Run it with Python 3.14 or later (concurrent.interpreters, concurrent.futures.InterpreterPoolExecutor).');
  } else if (model === 'subinterpreters')
    py.line('Run it with Python 3.14 or later (concurrent.futures.InterpreterPoolExecutor).');
  py.line('"""');
}

interface Ctx extends StepContext {
  settings: ResolvedSettings;
  stuck: StuckPlan;
}

function flavorOf(style: LaunchStyle): SyncFlavor {
  if (style === 'asyncio') return 'asyncio';
  if (style === 'interpreter-pool') return 'interpreters';
  return style === 'processes' || style === 'process-pool' ? 'multiprocessing' : 'threading';
}

function imports(
  plan: ProgramPlan,
  style: LaunchStyle,
  model: ModelId,
  ctx: Ctx,
  needs: { native: boolean; queues: QueueHelpers | null },
): string[] {
  const { names } = ctx;
  const coordinated = names.prims.size > 0 || names.joined.size > 0;
  const steps = plan.functions.flatMap((f) => f.steps);
  const offThread = ctx.async && steps.some((s) => s.kind === 'cpu' && s.offload === 'thread');
  const offProcess = ctx.async && steps.some((s) => s.kind === 'cpu' && s.offload === 'process');
  const modules = new Set<string>(['time']);
  if (ctx.async) modules.add('asyncio');
  if (needs.native) modules.add('hashlib');
  if (style === 'threads' || (ctx.flavor === 'threading' && coordinated)) modules.add('threading');
  if (ctx.flavor === 'threading' && [...names.specs.values()].some((s) => s.type === 'queue')) modules.add('queue');
  if (needs.queues?.take) modules.add('queue');
  if (style === 'processes' || style === 'process-pool' || offProcess) modules.add('multiprocessing');
  if (switchInterval(ctx.settings) !== null || model === 'free-threading' || style === 'interpreter-pool')
    modules.add('sys');
  if (plan.arrivals) modules.add('math');
  if (ctx.stuck.watchdog) modules.add('os').add('threading');
  const lines = [...modules].sort().map((m) => `import ${m}`);
  const futures = [
    ...(offProcess ? ['ProcessPoolExecutor'] : []),
    ...(style === 'thread-pool' || offThread ? ['ThreadPoolExecutor'] : []),
  ];
  if (futures.length) lines.push(`from concurrent.futures import ${futures.join(', ')}`);
  return lines;
}

/** Whether the tasks use primitives, join each other or share variables. */
function coordinates(names: SyncNames): boolean {
  return names.prims.size > 0 || names.joined.size > 0 || names.vars.size > 0;
}

/** The switch interval to set, in seconds, when it differs from CPython's default. */
function switchInterval(settings: ResolvedSettings): number | null {
  return settings.switchIntervalMs === DEFAULT_SWITCH_INTERVAL_MS ? null : settings.switchIntervalMs / 1000;
}

export function generatePython(scenario: Scenario, model: ModelId, options: PythonOptions = {}): PythonProgram {
  const scale = positive(options.scale ?? 1, 'scale');
  const loopNsPerIteration = positive(options.loopNsPerIteration ?? LOOP_NS_PER_ITERATION, 'loopNsPerIteration');
  const hashBytesPerMs = positive(options.hashBytesPerMs ?? SHA256_BYTES_PER_MS, 'hashBytesPerMs');
  const settings = resolveSettings(scenario, model, options.overrides);
  const style = launchStyle(model, settings);
  const names = syncNames(scenario);
  const flavor = flavorOf(style);
  const ctx: Ctx = {
    async: model === 'asyncio',
    scale,
    loopNsPerIteration,
    hashBytesPerMs,
    settings,
    names,
    flavor,
    syncParams: style === 'processes' || style === 'interpreter-pool',
    stuck: stuckPlan(scenario, model, options.overrides ?? {}, scale),
  };
  ctx.blocked = ctx.stuck.sequential;
  const plan = planProgram(scenario.tasks, reservedNames(names), (t) => (names.joined.has(t.name) ? t.name : ''));
  const needs = helperNeeds(plan.functions, ctx);
  const queues = flavor === 'interpreters' ? queueHelperNeeds(plan.functions, names) : null;
  const py = new PyLines();
  const digits = scale === 1 ? 3 : 6;

  writeDocstring(py, scenario, model, style, ctx, options.changed === true);
  for (const line of imports(plan, style, model, ctx, { ...needs, queues })) py.line(line);
  py.blank(2);
  writeHelperConstants(py, needs, ctx);
  ctx.awaitJoins = ctx.async && !plan.arrivals;
  // Before the module-level primitives, which make Finished objects.
  if (flavor !== 'interpreters' && names.joined.size && !ctx.awaitJoins) writeFinished(py, flavor);
  if (flavor === 'threading' || flavor === 'asyncio') writeSyncGlobals(py, names, flavor, ctx.awaitJoins);
  writeHelpers(py, needs, ctx);
  if (queues) writeQueueHelpers(py, queues);
  if (style === 'processes' && plan.functions.some((f) => f.resultBytes > 0)) writeSendBack(py);
  if (plan.arrivals) {
    writeTimed(py, ctx.async);
    writeStarters(py, style);
    writePrintLatency(py);
  }
  if (ctx.stuck.sequential) writeBlocked(py);
  if (ctx.stuck.watchdog) writeWatchdog(py, ctx.stuck.watchdog, model, flavor === 'multiprocessing', digits);
  const shared = [...names.prims.values(), ...[...names.joined.values()].map((j) => j.id), ...names.vars.values()];
  if (style === 'process-pool' && shared.length) writeShare(py, shared);

  const stepLines = new Map<string, number[]>();
  for (const fn of plan.functions) {
    if (fn.argsBytes > 0 || fn.resultBytes > 0) {
      const sizes = [
        fn.argsBytes > 0 ? `gets ${humanBytes(fn.argsBytes * scale)}` : '',
        fn.resultBytes > 0 ? `returns ${humanBytes(fn.resultBytes * scale)}` : '',
      ].filter(Boolean);
      py.line(`# ${fn.name}: ${sizes.join(', ')}`);
    }
    const lines = writeTaskFunction(py, fn, ctx);
    for (const name of fn.tasks) stepLines.set(name, lines);
    py.blank(2);
  }

  writeMain(py, plan, style, ctx);
  py.blank(2);
  py.block('if __name__ == "__main__":', () => {
    if (model === 'free-threading') {
      py.block('if getattr(sys, "_is_gil_enabled", lambda: True)():', () =>
        py.line(`sys.exit("This program needs free-threaded Python (python${settings.python}); this one has a GIL.")`),
      );
    }
    if (style === 'interpreter-pool') {
      py.block('if sys.version_info < (3, 14):', () =>
        py.line(
          'sys.exit(f"This program needs Python 3.14 or later (concurrent.interpreters and InterpreterPoolExecutor); this is {sys.version.split()[0]}.")',
        ),
      );
    }
    const interval = switchInterval(settings);
    if (interval !== null) py.line(`sys.setswitchinterval(${pyFloat(interval)})`);
    py.line('start = time.perf_counter()');
    if (ctx.stuck.watchdog) py.line(watchdogStart(ctx.stuck.watchdog));
    const run = ctx.async ? 'asyncio.run(main())' : 'main()';
    if (ctx.stuck.sequential) {
      py.block('try:', () => py.line(run));
      py.block('except Blocked as stuck:', () => py.line('print(f"deadlock: {stuck}")'));
    } else py.line(run);
    py.line(`print(f"total: {time.perf_counter() - start:.${digits}f} s")`);
  });

  return {
    model,
    code: py.toString(),
    stepLines,
    requires:
      model === 'free-threading'
        ? (settings.python as PythonRequirement)
        : style === 'interpreter-pool'
          ? '3.14'
          : '3.11',
    settings,
    taskCount: expandTasks(scenario).length,
    launch: style,
  };
}
