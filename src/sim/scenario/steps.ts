/**
 * The checks on coordination that a JSON schema cannot express, and the unrolling of step groups.
 * Every error names the file and the field as written (tasks[0].steps[2].steps[1].sync), also inside
 * groups.
 */
import { ScenarioError } from '../errors.ts';
import type { Scenario, Step, StepItem, SyncSpec, SyncStepKind } from '../types';

/** At most this many steps per task once groups are unrolled. */
export const MAX_STEPS_PER_TASK = 1_000_000;
/** At most this many unrolled steps over all task entries (copies share theirs). */
export const MAX_STEPS_TOTAL = 4_000_000;

const NEEDS_SYNC: Partial<Record<SyncStepKind, readonly SyncSpec['type'][]>> = {
  acquire: ['lock', 'semaphore'],
  release: ['lock', 'semaphore'],
  put: ['queue'],
  get: ['queue'],
  set: ['event'],
  clear: ['event'],
  wait: ['event', 'barrier'],
};

const FIELDS_OF_TYPE: Record<SyncSpec['type'], readonly string[]> = {
  lock: ['type'],
  semaphore: ['type', 'value'],
  queue: ['type', 'maxsize', 'itemBytes'],
  event: ['type'],
  barrier: ['type', 'parties'],
};

/** Checks `sync` beyond the schema and fills in defaults (semaphore value 1, queue maxsize 0). */
export function cleanSync(raw: Record<string, SyncSpec> | undefined, file: string): Record<string, SyncSpec> {
  const out: Record<string, SyncSpec> = {};
  for (const [name, spec] of Object.entries(raw ?? {})) {
    for (const f of Object.keys(spec)) {
      if (!FIELDS_OF_TYPE[spec.type].includes(f)) {
        throw new ScenarioError(
          file,
          `sync.${name}.${f}`,
          `is not a field of a ${spec.type} (its fields: ${FIELDS_OF_TYPE[spec.type].join(', ')})`,
        );
      }
    }
    if (spec.type === 'semaphore') out[name] = { type: 'semaphore', value: spec.value ?? 1 };
    else if (spec.type === 'queue') {
      out[name] = { type: 'queue', maxsize: spec.maxsize ?? 0 };
      if (spec.itemBytes !== undefined) out[name] = { ...out[name], itemBytes: spec.itemBytes } as SyncSpec;
    } else if (spec.type === 'barrier') {
      if (spec.parties === undefined)
        throw new ScenarioError(file, `sync.${name}.parties`, 'is required for a barrier');
      out[name] = { type: 'barrier', parties: spec.parties };
    } else out[name] = { type: spec.type };
  }
  return out;
}

function cleanStep(step: Step): Step {
  const out: Step = { kind: step.kind, durationMs: step.durationMs ?? 0 };
  if (step.kind === 'io') out.blocking = step.blocking ?? false;
  if (step.offload !== undefined) out.offload = step.offload;
  if (step.sync !== undefined) out.sync = step.sync;
  if (step.timeoutMs !== undefined) out.timeoutMs = step.timeoutMs;
  if (step.task !== undefined) out.task = step.task;
  if (step.var !== undefined) out.var = step.var;
  if (step.label !== undefined) out.label = step.label;
  return out;
}

interface Ctx {
  file: string;
  scenario: Scenario;
  taskName: string;
  sameGroup: Set<string>;
  /** Acquires minus releases so far, per primitive. */
  balance: Map<string, number>;
  out: Step[];
}

function checkStep(c: Ctx, step: Step, at: string): void {
  const { file, scenario } = c;
  const plain = step.kind === 'cpu' || step.kind === 'io' || step.kind === 'native';
  if (plain && step.durationMs === undefined) throw new ScenarioError(file, `${at}.durationMs`, 'is required');
  if (step.durationMs !== undefined && !Number.isFinite(step.durationMs)) {
    throw new ScenarioError(file, `${at}.durationMs`, 'must be a number ≥ 0');
  }
  if (step.blocking !== undefined && step.kind !== 'io') {
    throw new ScenarioError(file, `${at}.blocking`, `is only allowed on io steps (this step is "${step.kind}")`);
  }
  if (step.offload !== undefined && step.kind !== 'cpu') {
    throw new ScenarioError(file, `${at}.offload`, `is only allowed on cpu steps (this step is "${step.kind}")`);
  }
  const types = NEEDS_SYNC[step.kind as SyncStepKind];
  const only = (field: 'sync' | 'task' | 'var' | 'timeoutMs', kinds: string) => {
    if (step[field] !== undefined) {
      throw new ScenarioError(
        file,
        `${at}.${field}`,
        `is only allowed on ${kinds} steps (this step is "${step.kind}")`,
      );
    }
  };
  if (!types) only('sync', 'acquire, release, put, get, set, clear and wait');
  if (step.kind !== 'join') only('task', 'join');
  if (step.kind !== 'read' && step.kind !== 'write') only('var', 'read and write');
  if (step.kind !== 'acquire') only('timeoutMs', 'acquire');
  if (types) {
    if (step.sync === undefined)
      throw new ScenarioError(file, `${at}.sync`, 'is required (the name of a primitive in "sync")');
    const spec = scenario.sync?.[step.sync];
    const known = Object.keys(scenario.sync ?? {});
    if (spec === undefined) {
      throw new ScenarioError(
        file,
        `${at}.sync`,
        `names no primitive "${step.sync}" (${known.length ? `known: ${known.join(', ')}` : 'the scenario has no "sync" section'})`,
      );
    }
    if (!types.includes(spec.type)) {
      throw new ScenarioError(
        file,
        `${at}.sync`,
        `names ${spec.type} "${step.sync}", but ${step.kind} needs a ${types.join(' or ')}`,
      );
    }
    if (step.kind === 'acquire') c.balance.set(step.sync, (c.balance.get(step.sync) ?? 0) + 1);
    if (step.kind === 'release') {
      const b = c.balance.get(step.sync) ?? 0;
      if (b <= 0) {
        throw new ScenarioError(
          file,
          at,
          `releases "${step.sync}" without an acquire of it earlier in task "${c.taskName}"`,
        );
      }
      c.balance.set(step.sync, b - 1);
    }
  }
  if (step.kind === 'join') {
    if (step.task === undefined) throw new ScenarioError(file, `${at}.task`, 'is required (the task to wait for)');
    if (c.sameGroup.has(step.task)) {
      throw new ScenarioError(file, `${at}.task`, `joins task "${step.task}" itself: it would wait forever`);
    }
    if (!scenario.tasks.some((t) => t.name === step.task)) {
      throw new ScenarioError(
        file,
        `${at}.task`,
        `names no task "${step.task}" (known: ${scenario.tasks.map((t) => t.name).join(', ')})`,
      );
    }
  }
  if (step.kind === 'read' || step.kind === 'write') {
    if (step.var === undefined) throw new ScenarioError(file, `${at}.var`, 'is required (a variable in "shared")');
    if (scenario.shared?.[step.var] === undefined) {
      const known = Object.keys(scenario.shared ?? {});
      throw new ScenarioError(
        file,
        `${at}.var`,
        `names no shared variable "${step.var}" (${known.length ? `known: ${known.join(', ')}` : 'the scenario has no "shared" section'})`,
      );
    }
  }
}

function unroll(c: Ctx, items: readonly StepItem[], at: string, times: number): void {
  for (let r = 0; r < times; r++) {
    items.forEach((item, k) => {
      const here = `${at}[${k}]`;
      if ('repeat' in item) {
        unroll(c, item.steps, `${here}.steps`, item.repeat);
        return;
      }
      checkStep(c, item, here);
      if (c.out.length >= MAX_STEPS_PER_TASK) {
        throw new ScenarioError(
          c.file,
          here,
          `makes task "${c.taskName}" longer than ${MAX_STEPS_PER_TASK} steps once its groups are repeated`,
        );
      }
      c.out.push(cleanStep(item));
    });
  }
}

/** The unrolled, checked steps of task entry i (written form in `items`). */
export function taskSteps(scenario: Scenario, i: number, items: readonly StepItem[], file: string): Step[] {
  const task = scenario.tasks[i];
  const sameGroup = new Set([task.name]);
  const c: Ctx = { file, scenario, taskName: task.name, sameGroup, balance: new Map(), out: [] };
  unroll(c, items, `tasks[${i}].steps`, 1);
  return c.out;
}

export function hasGroups(items: readonly StepItem[]): boolean {
  return items.some((s) => 'repeat' in s);
}
