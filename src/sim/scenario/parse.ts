/**
 * parseScenario: validates untrusted input against content/scenarios/scenario.schema.json (with
 * @cfworker/json-schema, which needs no eval), then checks what the schema cannot express, and fills in
 * defaults. Every error names the file and the field path, e.g.
 *   content/scenarios/x.json: tasks[1].steps[0].durationMs must be a number ≥ 0
 */
import { Validator } from '@cfworker/json-schema';
import type { OutputUnit, Schema } from '@cfworker/json-schema';
import schemaJson from '../../../content/scenarios/scenario.schema.json' with { type: 'json' };
import { ScenarioError } from '../errors.ts';
import type { ModelId, Scenario, StepItem, Task } from '../types';
import { cleanSync, hasGroups, MAX_STEPS_TOTAL, taskSteps } from './steps.ts';

/** Upper bound on tasks after `count` is applied (the CLI must handle 100 000; the page far fewer). */
export const MAX_EXPANDED_TASKS = 1_000_000;

let validator: Validator | undefined;
/** Built on first use, so that code which never parses a file does not pay for the schema. */
function schemaValidator(): Validator {
  validator ??= new Validator(schemaJson as unknown as Schema, '2020-12', false);
  return validator;
}

const RULES: Record<string, string> = {
  durationMs: 'must be a number ≥ 0',
  cores: 'must be an integer from 1 to 256',
  count: 'must be an integer ≥ 1',
  poolSize: 'must be an integer ≥ 1',
  threadPoolSize: 'must be an integer ≥ 1',
  processPoolSize: 'must be an integer ≥ 1',
  argsBytes: 'must be a number of bytes ≥ 0',
  resultBytes: 'must be a number of bytes ≥ 0',
  kind: 'must be one of "cpu", "io", "native", "acquire", "release", "put", "get", "set", "clear", "wait", "join", "read", "write"',
  type: 'must be one of "lock", "semaphore", "queue", "event", "barrier"',
  value: 'must be an integer ≥ 0',
  maxsize: 'must be an integer ≥ 0 (0 = unbounded)',
  itemBytes: 'must be a number of bytes ≥ 0',
  parties: 'must be an integer ≥ 1',
  timeoutMs: 'must be a number ≥ 0',
  task: 'must be the name of a task',
  var: 'must be the name of a variable in "shared"',
  repeat: 'must be an integer ≥ 1',
  startAtMs: 'must be a number ≥ 0',
  everyMs: 'must be a number ≥ 0',
  shared: 'must be an object of numbers, like { "x": 0 }',
  offload: 'must be "thread" or "process"',
  blocking: 'must be true or false',
  startMethod: 'must be one of "fork", "forkserver", "spawn"',
  python: 'must be one of "3.11", "3.13t", "3.14t"',
  switchIntervalMs: 'must be a number > 0',
  id: 'must be a string of lowercase letters, digits and dashes (the file name without .json)',
  title: 'must be a non-empty string',
  name: 'must be a non-empty string',
  label: 'must be a string',
  description: 'must be a string',
  $schema: 'must be a string',
  tasks: 'must be a non-empty array of tasks',
  steps: 'must be a non-empty array of steps',
  machine: 'must be an object like { "cores": 2 }',
  settings: 'must be an object',
  modelSettings:
    'must be an object keyed by model (sequential, asyncio, threads, free-threading, processes, subinterpreters)',
};

const KNOWN: Record<string, string[]> = {
  task: ['name', 'steps', 'argsBytes', 'resultBytes', 'count', 'startAtMs', 'everyMs'],
  step: ['kind', 'durationMs', 'blocking', 'offload', 'label', 'sync', 'timeoutMs', 'task', 'var'],
  group: ['repeat', 'steps', 'label'],
  syncSpec: ['type', 'value', 'maxsize', 'itemBytes', 'parties'],
  machine: ['cores'],
  modelSettings: ['sequential', 'asyncio', 'threads', 'free-threading', 'processes', 'subinterpreters'],
  settings: ['switchIntervalMs', 'startMethod', 'poolSize', 'python', 'threadPoolSize', 'processPoolSize'],
};

/** "#/tasks/1/steps/0/durationMs" → ["tasks", 1, "steps", 0, "durationMs"] */
function segments(location: string): (string | number)[] {
  const rest = location.replace(/^#\/?/, '');
  if (rest === '') return [];
  return rest
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** ["tasks", 1, "steps", 0, "durationMs"] → "tasks[1].steps[0].durationMs" */
export function formatPath(segs: readonly (string | number)[]): string {
  let out = '';
  for (const s of segs) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

function objectKind(segs: readonly (string | number)[], input?: unknown): string {
  const last = segs[segs.length - 1];
  if (segs.length === 2 && segs[0] === 'sync') return 'syncSpec';
  if (typeof last === 'number' && segs[segs.length - 2] === 'steps' && input !== undefined) {
    let node: unknown = input;
    for (const s of segs) node = (node as Record<string | number, unknown> | undefined)?.[s];
    if (node !== null && typeof node === 'object' && 'repeat' in node) return 'group';
  }
  if (typeof last === 'number') return segs[segs.length - 2] === 'steps' ? 'step' : 'task';
  if (segs[segs.length - 2] === 'modelSettings') return 'settings';
  return String(last);
}

function describe(unit: OutputUnit, file: string, input: unknown): ScenarioError {
  const segs = segments(unit.instanceLocation);
  if (unit.keyword === 'false') {
    const parent = segs.slice(0, -1);
    const known = KNOWN[objectKind(parent, input)];
    const hint = known ? ` (known fields: ${known.join(', ')})` : '';
    return new ScenarioError(file, formatPath(segs), `is not a known field${hint}`);
  }
  if (unit.keyword === 'required') {
    const m = /"([^"]+)"/.exec(unit.error);
    const field = m ? m[1] : '?';
    return new ScenarioError(file, formatPath([...segs, field]), 'is required');
  }
  const last = segs[segs.length - 1];
  if (segs.length === 0) return new ScenarioError(file, '', 'must be a JSON object (a scenario)');
  if (segs.length === 1 && last === 'sync')
    return new ScenarioError(file, 'sync', 'must be an object of primitives, like { "L": { "type": "lock" } }');
  if (segs.length === 2 && (segs[0] === 'sync' || segs[0] === 'shared') && unit.keyword === 'pattern') {
    return new ScenarioError(
      file,
      formatPath(segs),
      'is not a usable name (letters, digits, _ and -, not starting with a digit)',
    );
  }
  if (segs.length === 2 && segs[0] === 'shared')
    return new ScenarioError(file, formatPath(segs), 'must be a number (the initial value)');
  if (segs.length === 2 && segs[0] === 'sync')
    return new ScenarioError(file, formatPath(segs), 'must be an object like { "type": "lock" }');
  const rule = typeof last === 'string' ? RULES[last] : undefined;
  if (rule) return new ScenarioError(file, formatPath(segs), rule);
  if (typeof last === 'number')
    return new ScenarioError(file, formatPath(segs), `must be an object (a ${objectKind(segs, input)})`);
  return new ScenarioError(file, formatPath(segs), `is invalid: ${unit.error}`);
}

const WRAPPERS = new Set([
  'properties',
  'items',
  'prefixItems',
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'additionalProperties',
  'if',
  'then',
  'else',
  'propertyNames',
]);

export function parseScenario(input: unknown, source: string): Scenario {
  const result = schemaValidator().validate(input);
  if (!result.valid) {
    const unit = result.errors.find((e) => !WRAPPERS.has(e.keyword)) ?? result.errors[0];
    throw describe(unit, source, input);
  }
  const raw = input as Scenario;
  const sync = cleanSync(raw.sync, source);
  const shared = { ...raw.shared };
  const checked: Scenario = { ...raw, sync, shared };
  let total = 0;
  let totalSteps = 0;
  const tasks: Task[] = raw.tasks.map((task, i) => {
    const written = task.steps as StepItem[];
    const steps = taskSteps(checked, i, written, source);
    totalSteps += steps.length;
    if (totalSteps > MAX_STEPS_TOTAL) {
      throw new ScenarioError(source, `tasks[${i}].steps`, `brings the total to more than ${MAX_STEPS_TOTAL} steps`);
    }
    for (const f of ['argsBytes', 'resultBytes'] as const) {
      const v = task[f];
      if (v !== undefined && !Number.isFinite(v)) throw new ScenarioError(source, `tasks[${i}].${f}`, RULES[f]);
    }
    const count = task.count ?? 1;
    total += count;
    if (total > MAX_EXPANDED_TASKS) {
      throw new ScenarioError(
        source,
        `tasks[${i}].count`,
        `brings the total to ${total} tasks; at most ${MAX_EXPANDED_TASKS} are allowed`,
      );
    }
    const out: Task = {
      name: task.name,
      steps,
      argsBytes: task.argsBytes ?? 0,
      resultBytes: task.resultBytes ?? 0,
      count,
    };
    if (task.startAtMs !== undefined) out.startAtMs = task.startAtMs;
    if (task.everyMs !== undefined) out.everyMs = task.everyMs;
    if (hasGroups(written)) out.written = JSON.parse(JSON.stringify(written)) as StepItem[];
    return out;
  });
  checkExpandedNames(tasks, source);
  const out: Scenario = {
    id: raw.id,
    title: raw.title,
    description: raw.description ?? '',
    machine: { cores: raw.machine.cores },
    tasks,
    settings: { ...raw.settings },
  };
  if (raw.sync !== undefined) out.sync = sync;
  if (raw.shared !== undefined) out.shared = shared;
  if (raw.modelSettings !== undefined) {
    out.modelSettings = {};
    for (const [model, settings] of Object.entries(raw.modelSettings)) {
      if (settings) out.modelSettings[model as ModelId] = { ...settings };
    }
  }
  return out;
}

/** Copies are named name-1 … name-N: make sure no two expanded tasks share a name. */
function checkExpandedNames(tasks: readonly Task[], source: string): void {
  const seen = new Map<string, number>();
  tasks.forEach((task, i) => {
    const n = task.count ?? 1;
    for (let c = 1; c <= n; c++) {
      const name = n === 1 ? task.name : `${task.name}-${c}`;
      const prev = seen.get(name);
      if (prev !== undefined && prev !== i) {
        throw new ScenarioError(
          source,
          `tasks[${i}].name`,
          `gives the task name "${name}", already used by tasks[${prev}]`,
        );
      }
      seen.set(name, i);
    }
  });
}
