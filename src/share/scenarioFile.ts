/**
 * Scenario files in and out: the edited workload as a scenario JSON file in the format of content/scenarios,
 * and a dropped or picked file read back, checked with the same schema (errors name the field) and the
 * page's limits. Files over 5 MB are refused before they are read.
 */
import type { Scenario, StepItem } from '../sim/types';
import { formatLimit, LIMITS } from './limits';
import { checkUntrusted, type Checked } from './fit';

const PLAIN = new Set(['cpu', 'io', 'native']);

/** One step or step group as the file writes it (a coordination step's duration left out when 0). */
function itemJson(item: StepItem): Record<string, unknown> {
  if ('repeat' in item) {
    const group: Record<string, unknown> = { repeat: item.repeat, steps: item.steps.map(itemJson) };
    const label = (item as { label?: unknown }).label;
    if (label !== undefined) group.label = label;
    return group;
  }
  const step: Record<string, unknown> = { kind: item.kind };
  if (PLAIN.has(item.kind) || item.durationMs) step.durationMs = item.durationMs;
  for (const f of ['sync', 'timeoutMs', 'task', 'var'] as const) if (item[f] !== undefined) step[f] = item[f];
  if (item.blocking) step.blocking = true;
  if (item.offload) step.offload = item.offload;
  if (item.label) step.label = item.label;
  return step;
}

/** The scenario as a file, defaults left out. */
export function scenarioJson(scenario: Scenario): string {
  const out: Record<string, unknown> = {
    $schema: './scenario.schema.json',
    id: scenario.id,
    title: scenario.title,
  };
  if (scenario.description) out.description = scenario.description;
  out.machine = { cores: scenario.machine.cores };
  if (scenario.settings && Object.keys(scenario.settings).length) out.settings = scenario.settings;
  if (scenario.modelSettings && Object.keys(scenario.modelSettings).length) out.modelSettings = scenario.modelSettings;
  if (scenario.sync && Object.keys(scenario.sync).length) out.sync = scenario.sync;
  if (scenario.shared && Object.keys(scenario.shared).length) out.shared = scenario.shared;
  out.tasks = scenario.tasks.map((t) => {
    const task: Record<string, unknown> = { name: t.name };
    if ((t.count ?? 1) !== 1) task.count = t.count;
    if (t.argsBytes) task.argsBytes = t.argsBytes;
    if (t.resultBytes) task.resultBytes = t.resultBytes;
    if (t.startAtMs) task.startAtMs = t.startAtMs;
    if (t.everyMs) task.everyMs = t.everyMs;
    task.steps = (t.written ?? t.steps).map(itemJson);
    return task;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Checks a scenario file's text (named `name` in messages); loads the schema validator. */
export async function readScenarioText(text: string, name: string): Promise<Checked> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return checkUntrusted(raw, name);
}

export async function readScenarioFile(file: Blob & { name?: string }): Promise<Checked> {
  const name = file.name || 'the file';
  if (file.size > LIMITS.fileBytes) {
    return {
      ok: false,
      error: `${name} is ${mb(file.size)}; scenario files up to ${formatLimit(LIMITS.fileBytes / (1024 * 1024))} MB can be imported.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `${name} could not be read.` };
  }
  return readScenarioText(text, name);
}
