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
import type { ModelId, Scenario, Step, Task } from '../types';

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
  kind: 'must be one of "cpu", "io", "native"',
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
  modelSettings: 'must be an object keyed by model (sequential, asyncio, threads, free-threading, processes)',
};

const KNOWN: Record<string, string[]> = {
  task: ['name', 'steps', 'argsBytes', 'resultBytes', 'count'],
  step: ['kind', 'durationMs', 'blocking', 'offload', 'label'],
  machine: ['cores'],
  modelSettings: ['sequential', 'asyncio', 'threads', 'free-threading', 'processes'],
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

function objectKind(segs: readonly (string | number)[]): string {
  const last = segs[segs.length - 1];
  if (typeof last === 'number') return segs[segs.length - 2] === 'steps' ? 'step' : 'task';
  if (segs[segs.length - 2] === 'modelSettings') return 'settings';
  return String(last);
}

function describe(unit: OutputUnit, file: string): ScenarioError {
  const segs = segments(unit.instanceLocation);
  if (unit.keyword === 'false') {
    const parent = segs.slice(0, -1);
    const known = KNOWN[objectKind(parent)];
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
  const rule = typeof last === 'string' ? RULES[last] : undefined;
  if (rule) return new ScenarioError(file, formatPath(segs), rule);
  if (typeof last === 'number')
    return new ScenarioError(file, formatPath(segs), `must be an object (a ${objectKind(segs)})`);
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
]);

function cleanStep(step: Step): Step {
  const out: Step = { kind: step.kind, durationMs: step.durationMs };
  if (step.kind === 'io') out.blocking = step.blocking ?? false;
  if (step.offload !== undefined) out.offload = step.offload;
  if (step.label !== undefined) out.label = step.label;
  return out;
}

export function parseScenario(input: unknown, source: string): Scenario {
  const result = schemaValidator().validate(input);
  if (!result.valid) {
    const unit = result.errors.find((e) => !WRAPPERS.has(e.keyword)) ?? result.errors[0];
    throw describe(unit, source);
  }
  const raw = input as Scenario;
  let total = 0;
  const tasks: Task[] = raw.tasks.map((task, i) => {
    const steps = task.steps.map((step, k) => {
      const at = `tasks[${i}].steps[${k}]`;
      if (!Number.isFinite(step.durationMs)) throw new ScenarioError(source, `${at}.durationMs`, RULES.durationMs);
      if (step.blocking !== undefined && step.kind !== 'io') {
        throw new ScenarioError(source, `${at}.blocking`, `is only allowed on io steps (this step is "${step.kind}")`);
      }
      if (step.offload !== undefined && step.kind !== 'cpu') {
        throw new ScenarioError(source, `${at}.offload`, `is only allowed on cpu steps (this step is "${step.kind}")`);
      }
      return cleanStep(step);
    });
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
    return { name: task.name, steps, argsBytes: task.argsBytes ?? 0, resultBytes: task.resultBytes ?? 0, count };
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
