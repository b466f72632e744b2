/**
 * Programs whose tasks can wait forever. The simulator says which: run one after another (sequential),
 * a wait that only another task could end never ends, and the generated program raises `Blocked` at
 * that step instead of hanging; under the concurrent models a deadlock depends on timing, so when the
 * simulation of some model ends in one, the program gets a watchdog that reports it and exits.
 */
import { expandTasks } from '../scenario/expand';
import type { SimOverrides } from '../settings';
import { simulate } from '../simulate';
import { MODEL_IDS, type DeadlockInfo, type ModelId, type Scenario, type Step, type StepItem } from '../types';
import { pyFloat, pyString, pyText, type PyLines } from './builder';
import type { StepCode, SyncStepContext } from './sync';

/** Where the sequential run stops: task `task` (as named in the scenario, before `count`) at step `step`. */
export interface SequentialBlock {
  task: string;
  /** Index into the task's unrolled steps. */
  step: number;
  /** The simulator's sentence ("producer waits on queue q (full); 2 more tasks never got to run"). */
  sentence: string;
}

/** A deadlock the simulation finds under some concurrent models. */
export interface DeadlockRisk {
  models: ModelId[];
  sentence: string;
  /** Seconds after which the program reports a deadlock: far beyond what the workload needs. */
  seconds: number;
}

export interface StuckPlan {
  sequential: SequentialBlock | null;
  watchdog: DeadlockRisk | null;
}

/** Whether tasks can wait for each other at all: primitives or joins. */
function coordinated(scenario: Scenario): boolean {
  return (
    Object.keys(scenario.sync ?? {}).length > 0 || scenario.tasks.some((t) => t.steps.some((s) => s.kind === 'join'))
  );
}

/**
 * The first step that waits when the tasks run one after another (in arrival order): with one task
 * running at a time, a wait that is not satisfied at once never is. Semantics as sync/coord.ts
 * (a timed-out acquire goes on and skips its later release).
 */
function firstWait(scenario: Scenario): { task: number; step: number } | null {
  const tasks = expandTasks(scenario);
  const specs = scenario.sync ?? {};
  const value = new Map<string, number>();
  for (const [name, spec] of Object.entries(specs))
    value.set(name, spec.type === 'lock' ? 1 : spec.type === 'semaphore' ? spec.value : 0);
  const left = new Map<string, number>();
  for (const entry of scenario.tasks) left.set(entry.name, (left.get(entry.name) ?? 0) + (entry.count ?? 1));
  const entryOf: string[] = scenario.tasks.flatMap((e) => Array.from({ length: e.count ?? 1 }, () => e.name));
  const order = tasks.map((t, i) => ({ i, at: t.startAtMs ?? 0 })).sort((x, y) => x.at - y.at || x.i - y.i);
  for (const { i } of order) {
    const skip = new Map<string, number>();
    const steps = tasks[i].steps;
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k];
      const name = step.sync ?? '';
      const spec = specs[name];
      const v = value.get(name) ?? 0;
      switch (step.kind) {
        case 'acquire':
          if (v > 0) value.set(name, v - 1);
          else if (step.timeoutMs !== undefined) skip.set(name, (skip.get(name) ?? 0) + 1);
          else return { task: i, step: k };
          break;
        case 'release':
          if ((skip.get(name) ?? 0) > 0) skip.set(name, skip.get(name)! - 1);
          else value.set(name, spec?.type === 'lock' ? 1 : v + 1);
          break;
        case 'put':
          if (spec?.type === 'queue' && spec.maxsize > 0 && v >= spec.maxsize) return { task: i, step: k };
          value.set(name, v + 1);
          break;
        case 'get':
          if (v === 0) return { task: i, step: k };
          value.set(name, v - 1);
          break;
        case 'set':
          value.set(name, 1);
          break;
        case 'clear':
          value.set(name, 0);
          break;
        case 'wait':
          if (spec?.type === 'barrier' ? spec.parties > 1 : v === 0) return { task: i, step: k };
          break;
        case 'join':
          if ((left.get(step.task!) ?? 0) > 0) return { task: i, step: k };
          break;
      }
    }
    left.set(entryOf[i], left.get(entryOf[i])! - 1);
  }
  return null;
}

function sequentialBlock(scenario: Scenario, overrides: SimOverrides): SequentialBlock | null {
  const wait = firstWait(scenario);
  if (!wait) return null;
  const deadlock = simulate(scenario, 'sequential', { ...overrides, trace: 'summary' }).metrics.deadlock;
  if (!deadlock) return null;
  // The expanded task's entry in the scenario: copies follow their entry in order.
  let i = 0;
  for (const entry of scenario.tasks) {
    i += entry.count ?? 1;
    if (wait.task < i) return { task: entry.name, step: wait.step, sentence: deadlock.cycle };
  }
  return null;
}

/** The whole workload done in turn, plus the last arrival (ms, unscaled). */
function workloadMs(scenario: Scenario): number {
  let ms = 0;
  let last = 0;
  for (const task of expandTasks(scenario)) {
    last = Math.max(last, task.startAtMs ?? 0);
    for (const step of task.steps) ms += step.durationMs + (step.timeoutMs ?? 0);
  }
  return ms + last;
}

/**
 * Whether no interleaving can deadlock: every wait is an acquire of a lock or semaphore, taken while the
 * task holds nothing else, and every task releases all it takes (a semaphore of 20 around 1000 downloads).
 * Such workloads skip the simulations below, which for thousands of tasks would cost seconds.
 */
function cannotDeadlock(scenario: Scenario): boolean {
  for (const task of scenario.tasks) {
    const held = new Map<string, number>();
    for (const step of task.steps) {
      if (step.kind === 'acquire') {
        if (step.timeoutMs === undefined && [...held.values()].some((n) => n > 0)) return false;
        held.set(step.sync!, (held.get(step.sync!) ?? 0) + 1);
      } else if (step.kind === 'release') held.set(step.sync!, (held.get(step.sync!) ?? 0) - 1);
      else if (['put', 'get', 'wait', 'join'].includes(step.kind)) return false;
    }
    if ([...held.values()].some((n) => n !== 0)) return false;
  }
  return true;
}

/** Per scenario, the deadlock (or none) of each concurrent model's simulation (overrides as first asked). */
const simulated = new WeakMap<Scenario, Map<string, DeadlockInfo | null>>();

function deadlockOf(scenario: Scenario, model: ModelId, overrides: SimOverrides): DeadlockInfo | null {
  let byModel = simulated.get(scenario);
  if (!byModel) simulated.set(scenario, (byModel = new Map()));
  const key = `${model} ${JSON.stringify(overrides)}`;
  if (!byModel.has(key))
    byModel.set(key, simulate(scenario, model, { ...overrides, trace: 'summary' }).metrics.deadlock);
  return byModel.get(key)!;
}

/** Models that stop with a deadlock, found by simulating the workload under each concurrent model. */
function deadlockRisk(scenario: Scenario, model: ModelId, overrides: SimOverrides, scale: number): DeadlockRisk | null {
  if (cannotDeadlock(scenario)) return null;
  const models: ModelId[] = [];
  let sentence = '';
  // This model first, so that its own sentence is the one quoted.
  for (const m of [model, ...MODEL_IDS.filter((x) => x !== model)]) {
    if (m === 'sequential') continue;
    const deadlock = deadlockOf(scenario, m, overrides);
    if (!deadlock) continue;
    models.push(m);
    if (!sentence) sentence = deadlock.cycle;
  }
  if (!models.length) return null;
  const seconds = Math.max(1, Math.ceil((10 * workloadMs(scenario) * scale) / 100) / 10);
  return { models, sentence, seconds };
}

export function stuckPlan(scenario: Scenario, model: ModelId, overrides: SimOverrides, scale: number): StuckPlan {
  if (!coordinated(scenario)) return { sequential: null, watchdog: null };
  if (model === 'sequential') return { sequential: sequentialBlock(scenario, overrides), watchdog: null };
  return { sequential: null, watchdog: deadlockRisk(scenario, model, overrides, scale) };
}

/** The step (leaf of the written items) that runs as unrolled step k. */
export function leafAt(items: readonly StepItem[], k: number): Step | null {
  for (const item of items) {
    if (!('repeat' in item)) {
      if (k === 0) return item;
      k--;
      continue;
    }
    const size = unrolledSize(item.steps);
    if (k < size * item.repeat) return leafAt(item.steps, k % size);
    k -= size * item.repeat;
  }
  return null;
}

function unrolledSize(items: readonly StepItem[]): number {
  return items.reduce((n, item) => n + ('repeat' in item ? item.repeat * unrolledSize(item.steps) : 1), 0);
}

/** The Blocked exception that sequential programs raise where they would hang. */
export function writeBlocked(py: PyLines): void {
  py.block('class Blocked(Exception):', () =>
    py.line('"""A wait that no other task can end: run one after another, the program would hang there."""'),
  );
  py.blank(2);
}

/**
 * The step at which the sequential run stops, written so that it checks first and raises Blocked with the
 * simulator's sentence instead of waiting forever (the step's own line stays its line marker).
 */
export function blockedStep(step: Step, code: StepCode, ctx: SyncStepContext, sentence: string): StepCode {
  const note = '# Run in turn, no other task can end this wait: the program would hang here.';
  const raise = `    raise Blocked(${pyString(sentence)})`;
  const id = step.sync !== undefined ? ctx.names.prims.get(step.sync)! : '';
  const spec = step.sync !== undefined ? ctx.names.specs.get(step.sync) : undefined;
  const guarded = (check: string): StepCode => ({
    lines: [note, `if ${check}:`, raise, ...code.lines],
    mark: 3 + code.mark,
  });
  switch (step.kind) {
    case 'acquire':
      if (step.timeoutMs !== undefined) return code;
      return { lines: [note, `if not ${id}.acquire(blocking=False):`, raise], mark: 1 };
    case 'get':
      return guarded(`${id}.empty()`);
    case 'put':
      return guarded(`${id}.full()`);
    case 'wait':
      return guarded(spec?.type === 'barrier' ? `${id}.n_waiting + 1 < ${id}.parties` : `not ${id}.is_set()`);
    case 'join':
      // Run in turn, a join either finds the task finished or waits for a task that runs later.
      return { lines: [note, raise.trimStart()], mark: 1 };
    default:
      return code;
  }
}

/** watchdog(): ends a program whose tasks still wait after a deadline far beyond the workload. */
export function writeWatchdog(
  py: PyLines,
  risk: DeadlockRisk,
  model: ModelId,
  processes: boolean,
  digits: number,
): void {
  const under = risk.models.includes(model)
    ? `Under ${model} the simulator finds a deadlock`
    : `The simulator finds a deadlock under ${risk.models.join(', ')} (not under ${model}, but timing decides)`;
  const text = `${under}: ${pyText(risk.sentence)}. A real run can end the same way, and then no task moves again: watchdog() reports it.`;
  for (const line of wrap(text, 98)) py.line(`# ${line}`);
  py.block('def watchdog(seconds, start):', () => {
    py.line('"""Reports a deadlock and ends the program if its tasks are still waiting after `seconds`."""');
    py.line('time.sleep(seconds)');
    py.line('print(f"deadlock: the tasks still wait for each other after {seconds} s")');
    py.line(`print(f"total: {time.perf_counter() - start:.${digits}f} s", flush=True)`);
    // Printed before the children end: once they do, the main thread's join returns and it may print its
    // own total and begin to shut down, which can stop this daemon thread between its two lines.
    if (processes) py.block('for child in multiprocessing.active_children():', () => py.line('child.terminate()'));
    py.line('os._exit(0)');
  });
  py.blank(2);
}

/** Words in lines of at most `width` characters (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The line in `if __name__ == "__main__":` that starts the watchdog (after `start` is set). */
export function watchdogStart(risk: DeadlockRisk): string {
  return `threading.Thread(target=watchdog, args=(${pyFloat(risk.seconds)}, start), daemon=True).start()`;
}
