/**
 * Coordination in the generated programs: the primitives of `Scenario.sync`, the variables of
 * `Scenario.shared`, and the steps that use them, in each model's own API (threading and queue,
 * asyncio, multiprocessing).
 */
import type { Scenario, Step, SyncSpec } from '../types';
import { pyFloat, pyInt, pyString, type PyLines } from './builder';
import { pythonName } from './plan';

/** Where a model's primitives come from ('interpreters': queues standing for them, see interpreters.ts). */
export type SyncFlavor = 'threading' | 'asyncio' | 'multiprocessing' | 'interpreters';

export interface SyncNames {
  /** Python identifier per primitive and per shared variable. */
  prims: Map<string, string>;
  vars: Map<string, string>;
  specs: Map<string, SyncSpec>;
  initial: Map<string, number>;
  /**
   * Tasks that other tasks join: a Finished object (see writeFinished) that each copy tells when it
   * finishes, and the number of copies it counts down from.
   */
  joined: Map<string, { id: string; copies: number }>;
}

export function syncNames(scenario: Scenario): SyncNames {
  const used = new Set<string>();
  const unique = (wanted: string) => {
    let name = wanted;
    for (let i = 2; used.has(name); i++) name = `${wanted}_${i}`;
    used.add(name);
    return name;
  };
  const prims = new Map<string, string>();
  const specs = new Map<string, SyncSpec>();
  for (const [name, spec] of Object.entries(scenario.sync ?? {})) {
    prims.set(name, unique(pythonName(name)));
    specs.set(name, spec);
  }
  const vars = new Map<string, string>();
  const initial = new Map<string, number>();
  for (const [name, value] of Object.entries(scenario.shared ?? {})) {
    vars.set(name, unique(pythonName(name)));
    initial.set(name, value);
  }
  const joined = new Map<string, { id: string; copies: number }>();
  for (const task of scenario.tasks)
    for (const step of task.steps)
      if (step.kind === 'join' && step.task !== undefined && !joined.has(step.task)) {
        const copies = scenario.tasks.filter((t) => t.name === step.task).reduce((n, t) => n + (t.count ?? 1), 0);
        joined.set(step.task, { id: unique(`finished_${pythonName(step.task)}`), copies });
      }
  return { prims, vars, specs, initial, joined };
}

export function reservedNames(names: SyncNames): Set<string> {
  return new Set([...names.prims.values(), ...names.vars.values(), ...[...names.joined.values()].map((j) => j.id)]);
}

/** The constructor call for a primitive. */
export function primitiveCall(spec: SyncSpec, flavor: SyncFlavor): string {
  const mod = flavor === 'threading' ? 'threading' : flavor === 'asyncio' ? 'asyncio' : 'ctx';
  switch (spec.type) {
    case 'lock':
      return `${mod}.Lock()`;
    case 'semaphore':
      return `${mod}.Semaphore(${spec.value})`;
    case 'event':
      return `${mod}.Event()`;
    case 'barrier':
      return `${mod}.Barrier(${spec.parties})`;
    case 'queue':
      return `${flavor === 'threading' ? 'queue' : mod}.Queue(maxsize=${spec.maxsize})`;
  }
}

/** A shared variable under processes: a multiprocessing.Value (no lock of its own, like a plain global). */
export function sharedValueCall(value: number): string {
  return `ctx.Value(${pyString(Number.isInteger(value) ? 'q' : 'd')}, ${Number.isInteger(value) ? value : pyFloat(value)}, lock=False)`;
}

/** Module-level primitives and shared variables (threads, asyncio, sequential). */
export function writeSyncGlobals(
  py: PyLines,
  names: SyncNames,
  flavor: 'threading' | 'asyncio',
  taskLists = false,
): void {
  if (names.prims.size === 0 && names.vars.size === 0 && names.joined.size === 0) return;
  for (const [name, id] of names.prims) py.line(`${id} = ${primitiveCall(names.specs.get(name)!, flavor)}`);
  for (const [task, { id, copies }] of names.joined)
    py.line(
      taskLists
        ? `${id} = []  # the asyncio tasks running ${pythonName(task)}(), made by main()`
        : `${id} = Finished(${copies})  # counts down the ${pythonName(task)}() copies still running`,
    );
  if (names.vars.size) {
    const items = [...names.vars].map(([name, id]) => `${pyString(id)}: ${names.initial.get(name)}`);
    py.line(`shared = {${items.join(', ')}}`);
  }
  py.blank(2);
}

export interface SyncStepContext {
  flavor: SyncFlavor;
  async: boolean;
  scale: number;
  names: SyncNames;
  /** Shared variables already read or written earlier in this function (their `seen_` local exists). */
  seen: Set<string>;
  /** Primitives acquired with a timeout earlier in this function. */
  timed: Set<string>;
  /** asyncio with every task made at the start: a join awaits the joined task's asyncio tasks. */
  awaitJoins?: boolean;
}

/** A step as lines of Python (the first one, or the one at `mark`, is the step's line). */
export interface StepCode {
  lines: string[];
  mark: number;
}

function varAccess(id: string, ctx: SyncStepContext): string {
  return ctx.flavor === 'multiprocessing' ? `${id}.value` : `shared[${pyString(id)}]`;
}

export function syncStep(step: Step, ctx: SyncStepContext): StepCode {
  const aw = ctx.async ? 'await ' : '';
  const one = (line: string): StepCode => ({ lines: [line], mark: 0 });
  if (step.kind === 'read' || step.kind === 'write') {
    const id = ctx.names.vars.get(step.var!)!;
    const at = varAccess(id, ctx);
    const seen = `seen_${id}`;
    if (step.kind === 'read') {
      ctx.seen.add(id);
      return one(`${seen} = ${at}`);
    }
    const base = ctx.seen.has(id) ? seen : at;
    ctx.seen.add(id);
    return one(`${at} = ${seen} = ${base} + 1`);
  }
  if (step.kind === 'join') {
    const { id } = ctx.names.joined.get(step.task!)!;
    if (ctx.awaitJoins) return one(`await asyncio.gather(*${id})`);
    return one(`${aw}${id}.wait()`);
  }
  const id = ctx.names.prims.get(step.sync!)!;
  const spec = ctx.names.specs.get(step.sync!)!;
  switch (step.kind) {
    case 'acquire': {
      if (step.timeoutMs === undefined) return one(`${aw}${id}.acquire()`);
      ctx.timed.add(id);
      const seconds = pyFloat((step.timeoutMs * ctx.scale) / 1000);
      if (!ctx.async) return one(`got_${id} = ${id}.acquire(timeout=${seconds})`);
      return {
        lines: [
          'try:',
          `    await asyncio.wait_for(${id}.acquire(), timeout=${seconds})`,
          `    got_${id} = True`,
          'except TimeoutError:',
          `    got_${id} = False`,
        ],
        mark: 1,
      };
    }
    case 'release':
      return ctx.timed.has(id) ? { lines: [`if got_${id}:`, `    ${id}.release()`], mark: 1 } : one(`${id}.release()`);
    case 'put': {
      const size = spec.type === 'queue' ? (spec.itemBytes ?? 0) : 0;
      return one(`${aw}${id}.put(${size > 0 ? `bytes(${pyInt(Math.round(size * ctx.scale))})` : 'None'})`);
    }
    case 'get':
      return one(`${aw}${id}.get()`);
    case 'set':
      return one(`${id}.set()`);
    case 'clear':
      return one(`${id}.clear()`);
    case 'wait':
      return one(`${aw}${id}.wait()`);
    default:
      throw new Error(`generatePython: a ${step.kind} step has no Python form`);
  }
}

/** The primitives and shared variables a function uses, in order of first use (its own done-semaphore last). */
export function usedSyncIds(steps: readonly Step[], names: SyncNames, ownDone: string | null): string[] {
  const out: string[] = [];
  for (const s of steps) {
    const id =
      s.kind === 'join'
        ? names.joined.get(s.task!)?.id
        : s.sync !== undefined
          ? names.prims.get(s.sync)
          : s.var !== undefined
            ? names.vars.get(s.var)
            : undefined;
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  if (ownDone !== null && !out.includes(ownDone)) out.push(ownDone);
  return out;
}

/**
 * class Finished: a join on every copy of a task. Each copy calls done() when it finishes; the last one
 * sets an event, so that any number of joiners can wait() on the same task at once and all go on. (A
 * semaphore that joiners take and give back would not do: two joiners can each take part of the count
 * and then both wait forever.)
 */
export function writeFinished(py: PyLines, flavor: 'threading' | 'asyncio' | 'multiprocessing'): void {
  const processes = flavor === 'multiprocessing';
  py.block('class Finished:', () => {
    py.line(`"""The copies of a task still running: the last to finish sets all_done, which joiners wait for."""`);
    py.blank();
    if (processes)
      py.block('def __init__(self, ctx, copies):', () => {
        py.line('self.left = ctx.Value("i", copies)  # with a lock of its own, shared by every process');
        py.line('self.all_done = ctx.Event()');
      });
    else
      py.block('def __init__(self, copies):', () => {
        py.line('self.left = copies');
        if (flavor === 'threading') py.line('self.lock = threading.Lock()');
        py.line(`self.all_done = ${flavor}.Event()`);
      });
    py.blank();
    const countDown = (left: string, note = '') => {
      py.line(`${left} -= 1${note}`);
      py.block(`if ${left} == 0:`, () => py.line('self.all_done.set()'));
    };
    py.block('def done(self):', () => {
      if (processes) py.block('with self.left.get_lock():', () => countDown('self.left.value'));
      else if (flavor === 'threading') py.block('with self.lock:', () => countDown('self.left'));
      else countDown('self.left', '  # one event loop: no other task runs in between');
    });
    py.blank();
    py.block(`${flavor === 'asyncio' ? 'async def' : 'def'} wait(self):`, () =>
      py.line(`${flavor === 'asyncio' ? 'await ' : ''}self.all_done.wait()`),
    );
  });
  py.blank(2);
}
