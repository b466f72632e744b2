/** simulate(scenario, model): runs one model over a scenario and assembles the Trace. */
import { DEFAULT_MAX_EVENTS, FAIR_LOCK_AFTER_NS, GIL_DROP_OVERSHOOT_NS, msToNs } from './defaults';
import { lazyTrace } from './engine/materialize';
import { Recorder } from './engine/recorder';
import { Sim } from './engine/sim';
import { SimulationError } from './errors';
import type { ModelContext } from './models/context';
import { runAsyncio } from './models/asyncio';
import { runProcesses } from './models/processes';
import { runSequential } from './models/sequential';
import { runThreads } from './models/threads';
import { runFreeThreading } from './models/freeThreading';
import { runSubinterpreters } from './models/subinterpreters';
import { expandTasks } from './scenario/expand';
import { Coord } from './sync/coord';
import type { Flavor } from './sync/coord';
import { latencyMetrics, peakConcurrency } from './sync/metrics';
import type { SimOverrides } from './settings';
import { resolveSettings } from './settings';
import type { Metrics, ModelId, Scenario, Task, Trace } from './types';

const FLAVOURS: Record<ModelId, Flavor> = {
  sequential: 'sequential',
  asyncio: 'asyncio',
  threads: 'threads',
  'free-threading': 'threads',
  processes: 'processes',
  // Interpreters share no objects: primitives and queues behave as between processes (see models/subinterpreters.ts).
  subinterpreters: 'processes',
};

const RUNNERS: Record<ModelId, (ctx: ModelContext) => void> = {
  sequential: runSequential,
  asyncio: runAsyncio,
  threads: runThreads,
  'free-threading': runFreeThreading,
  processes: runProcesses,
  subinterpreters: runSubinterpreters,
};

export function simulate(scenario: Scenario, model: ModelId, overrides: SimOverrides = {}): Trace {
  const runner = RUNNERS[model];
  if (!runner) throw new SimulationError(`unknown model "${String(model)}"`);
  const settings = resolveSettings(scenario, model, overrides);
  if (!(Number.isInteger(settings.cores) && settings.cores >= 1)) {
    throw new SimulationError(`cores must be an integer ≥ 1 (got ${settings.cores})`);
  }
  const { tasks, names, order, arrivalNs } = expanded(scenario);
  const rec = new Recorder(names, overrides.trace !== 'summary');
  rec.taskArrival.set(arrivalNs);
  const gilWaitNs = msToNs(settings.switchIntervalMs) + GIL_DROP_OVERSHOOT_NS;
  const sim = new Sim(rec, settings.cores, gilWaitNs, overrides.maxEvents ?? DEFAULT_MAX_EVENTS);
  const coord = new Coord(
    tasks,
    scenario,
    sim,
    rec,
    FLAVOURS[model],
    model === 'free-threading' ? FAIR_LOCK_AFTER_NS : Infinity,
  );
  sim.sync = coord;
  const ctx: ModelContext = { tasks, settings, sim, rec, coord, order, arrivalNs };
  runner(ctx);
  sim.runLoop();

  const endNs = sim.endNs;
  rec.closeAll(endNs);
  // Hide GIL lanes of interpreters that only ever had one thread.
  for (const gil of sim.gils) if (gil.threads < 2) rec.hide(gil.lane);
  const coreBusyNs = rec.busyNs(sim.coreLane(0), settings.cores);
  // Spans and events become objects when first read (most re-simulations are only summarised or drawn in part).
  const { lanes, spans, events, tasks: results } = rec.finishLazy();
  if (sim.deadlocked) {
    for (const r of results) {
      if (!(r.endMs >= 0)) {
        r.endMs = endNs / 1e6;
        if (!(r.startMs >= 0)) r.startMs = r.endMs;
        r.latencyMs = r.endMs - r.arrivalMs;
        r.unfinished = true;
      }
    }
  }

  const makespanMs = endNs / 1e6;
  const busyTotal = coreBusyNs.reduce((a, b) => a + b, 0);
  const metrics: Metrics = {
    makespanMs,
    coreBusyMs: coreBusyNs.map((ns) => ns / 1e6),
    utilisation: endNs > 0 ? busyTotal / (settings.cores * endNs) : 0,
    peakConcurrency: peakConcurrency(rec),
    gilSwitches: sim.gilSwitches,
    memoryBytes: sim.memPeak,
    cpuWorkMs: sim.cpuWorkNs / 1e6,
    eventCount: sim.eventCount,
    ...latencyMetrics(results, makespanMs, endedInOrder(rec, sim.deadlocked)),
    sync: coord.syncMetrics(),
    shared: coord.sharedMetrics(),
    deadlock: coord.deadlock,
  };
  sim.releaseBuffers();
  return lazyTrace({ model, scenarioId: scenario.id, settings, makespanMs, lanes }, spans, events, results, metrics);
}

/**
 * The expanded task list of a scenario, cached per scenario object (the page re-simulates the same
 * scenario under other models and settings). The cache is used only while every task entry still has the
 * same name, count, byte sizes and step list (copies share the step arrays, so edits to steps show through).
 */
interface Expansion {
  entries: Task[];
  fields: unknown[];
  tasks: Task[];
  names: string[];
  order: Int32Array;
  arrivalNs: Float64Array;
}
const expansions = new WeakMap<Scenario, Expansion>();

function fieldsOf(entries: readonly Task[]): unknown[] {
  const out: unknown[] = [];
  for (const t of entries) out.push(t, t.name, t.count, t.argsBytes, t.resultBytes, t.steps, t.startAtMs, t.everyMs);
  return out;
}

function expanded(scenario: Scenario): Expansion {
  const cached = expansions.get(scenario);
  if (cached !== undefined && cached.entries === scenario.tasks) {
    const now = fieldsOf(scenario.tasks);
    if (now.length === cached.fields.length && now.every((v, i) => v === cached.fields[i])) return cached;
  }
  const tasks = expandTasks(scenario);
  const arrivalNs = new Float64Array(tasks.length);
  let sorted = true;
  for (let i = 0; i < tasks.length; i++) {
    arrivalNs[i] = msToNs(tasks[i].startAtMs ?? 0);
    if (i > 0 && arrivalNs[i] < arrivalNs[i - 1]) sorted = false;
  }
  const order = new Int32Array(tasks.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => arrivalNs[a] - arrivalNs[b] || a - b);
  const e: Expansion = {
    entries: scenario.tasks,
    fields: fieldsOf(scenario.tasks),
    tasks,
    names: tasks.map((t) => t.name),
    order,
    arrivalNs,
  };
  expansions.set(scenario, e);
  return e;
}

/**
 * The tasks in the order they ended, when that order is by time and they are exactly the finished tasks
 * (all of them, or after a deadlock those that ended: the rest are unfinished); otherwise null.
 */
function endedInOrder(rec: Recorder, deadlocked: boolean): Int32Array | null {
  if (!rec.inTimeOrder || !(deadlocked || rec.nEnded === rec.taskEnd.length)) return null;
  return rec.endOrder.subarray(0, rec.nEnded);
}
