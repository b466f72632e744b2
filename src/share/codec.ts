/**
 * The view of one timeline (its workload, the models shown, the playhead, the lane view) as a short,
 * versioned, URL-safe string: `2.` + base64url of the raw DEFLATE (deflate.ts) of a compact JSON array.
 * Format 1 (the same array, not compressed) is still read.
 *
 *   payload  [models, playheadMs | null, view, scenario | 0]        0: the article's own workload
 *   models   one letter each: s sequential, a asyncio, t threads, f free-threading, p processes,
 *            i subinterpreters (added later: links without it read as before)
 *   view     "t" by task, "w" by worker
 *   scenario [id, title, cores, settings | 0, modelSettings | 0, tasks, sync | 0, shared | 0]
 *            (the last two only when the workload coordinates: links without them read as before)
 *   task     [name, steps, count?, argsBytes?, resultBytes?, startAtMs?, everyMs?]
 *   step     kind letter + duration in ms ("c1100", "i500"), or [that, label]
 *            c cpu, i io, b blocking io, n native, t cpu offloaded to a thread, p … to a process;
 *            a coordination step as its file object ({"kind": "acquire", "sync": "L"}, durationMs left
 *            out when 0), and a step group as {"repeat": N, "steps": [...]} (steps as written, nested)
 *
 * decodeView never throws: it returns the view or a message for the reader. The scenario it returns is
 * untrusted; it still has to pass parseScenario (which names the field that is wrong).
 */
import { MODEL_IDS, type ModelId, type Scenario, type Step, type StepItem, type Task } from '../sim/types';
import type { ViewMode } from '../timeline/layout';
import { base64urlToBytes, bytesToBase64url, fromBase64url, utf8 } from './base64url';
import { deflateRaw, inflateRaw } from './deflate';

export const SHARE_VERSION = 2;
/** Formats this page reads. */
const READS = [1, 2];
/** Longer strings are not decoded at all. */
export const MAX_ENCODED_LENGTH = 2_000_000;
/** Most bytes a view's JSON may inflate to. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;
/**
 * The longest address "Copy link" hands out: 8 KB is the request-line limit of common web servers and
 * proxies (nginx's large_client_header_buffers, Apache's LimitRequestLine), past which a link stops loading.
 */
export const MAX_LINK_LENGTH = 8000;

export interface SharedView<S = Scenario> {
  /** null: the widget's own (article) workload. */
  scenario: S | null;
  models: ModelId[];
  /** null: at the end (the finished run). */
  timeMs: number | null;
  view: ViewMode;
}

export type Decoded =
  { ok: true; value: SharedView<unknown> } | { ok: false; reason: 'version' | 'malformed'; message: string };

const MODEL_LETTERS: Record<ModelId, string> = {
  sequential: 's',
  asyncio: 'a',
  threads: 't',
  'free-threading': 'f',
  processes: 'p',
  subinterpreters: 'i',
};

function stepCode(step: Step): string {
  if (step.kind === 'io') return step.blocking ? 'b' : 'i';
  if (step.kind === 'cpu') return step.offload === 'thread' ? 't' : step.offload === 'process' ? 'p' : 'c';
  return 'n';
}

const STEP_KINDS: Record<string, Partial<Step>> = {
  c: { kind: 'cpu' },
  i: { kind: 'io' },
  b: { kind: 'io', blocking: true },
  n: { kind: 'native' },
  t: { kind: 'cpu', offload: 'thread' },
  p: { kind: 'cpu', offload: 'process' },
};

const PLAIN = new Set(['cpu', 'io', 'native']);

function compactItem(item: StepItem): unknown {
  if ('repeat' in item) {
    const group: Record<string, unknown> = { repeat: item.repeat, steps: item.steps.map(compactItem) };
    const label = (item as { label?: unknown }).label;
    if (label !== undefined) group.label = label;
    return group;
  }
  if (!PLAIN.has(item.kind)) {
    const step: Record<string, unknown> = { kind: item.kind };
    for (const f of ['sync', 'timeoutMs', 'task', 'var', 'label'] as const)
      if (item[f] !== undefined) step[f] = item[f];
    if (item.durationMs) step.durationMs = item.durationMs;
    return step;
  }
  const code = `${stepCode(item)}${item.durationMs}`;
  return item.label !== undefined ? [code, item.label] : code;
}

function compactTask(task: Task): unknown[] {
  const steps = (task.written ?? task.steps).map(compactItem);
  const out: unknown[] = [
    task.name,
    steps,
    task.count ?? 1,
    task.argsBytes ?? 0,
    task.resultBytes ?? 0,
    task.startAtMs ?? 0,
    task.everyMs ?? 0,
  ];
  while (out.length > 2 && out[out.length - 1] === (out.length === 3 ? 1 : 0)) out.pop();
  return out;
}

const emptyToZero = (o: object | undefined) => (o && Object.keys(o).length > 0 ? o : 0);

function compactScenario(s: Scenario): unknown[] {
  const out = [
    s.id,
    s.title,
    s.machine.cores,
    emptyToZero(s.settings),
    emptyToZero(s.modelSettings),
    s.tasks.map(compactTask),
  ];
  const sync = emptyToZero(s.sync);
  const shared = emptyToZero(s.shared);
  return sync === 0 && shared === 0 ? out : [...out, sync, shared];
}

export function encodeView(view: SharedView): string {
  const models = view.models.map((m) => MODEL_LETTERS[m]).join('');
  const time = view.timeMs === null ? null : Math.round(view.timeMs * 1000) / 1000;
  const payload = [
    models,
    time,
    view.view === 'worker' ? 'w' : 't',
    view.scenario ? compactScenario(view.scenario) : 0,
  ];
  return `${SHARE_VERSION}.${bytesToBase64url(deflateRaw(new TextEncoder().encode(JSON.stringify(payload))))}`;
}

function expandStep(x: unknown): unknown {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    const item = x as Record<string, unknown>;
    if (!('repeat' in item) || !Array.isArray(item.steps)) return item;
    return { ...item, steps: item.steps.map(expandStep) };
  }
  const [code, label] = Array.isArray(x) ? x : [x, undefined];
  if (typeof code !== 'string' || code.length < 2) return x;
  const kind = STEP_KINDS[code[0]] ?? { kind: code[0] };
  const step: Record<string, unknown> = { ...kind, durationMs: Number(code.slice(1)) };
  if (label !== undefined) step.label = label;
  return step;
}

function expandTask(x: unknown): unknown {
  if (!Array.isArray(x)) return x;
  const [name, steps, count, argsBytes, resultBytes, startAtMs, everyMs] = x;
  const task: Record<string, unknown> = { name, steps: Array.isArray(steps) ? steps.map(expandStep) : steps };
  if (count !== undefined) task.count = count;
  if (argsBytes !== undefined) task.argsBytes = argsBytes;
  if (resultBytes !== undefined) task.resultBytes = resultBytes;
  if (startAtMs !== undefined && startAtMs !== 0) task.startAtMs = startAtMs;
  if (everyMs !== undefined && everyMs !== 0) task.everyMs = everyMs;
  return task;
}

/** The compact array back as a scenario object in the file format (not yet validated). */
function expandScenario(x: unknown[]): unknown {
  const [id, title, cores, settings, modelSettings, tasks, sync, shared] = x;
  const raw: Record<string, unknown> = {
    id,
    title,
    machine: { cores },
    tasks: Array.isArray(tasks) ? tasks.map(expandTask) : tasks,
  };
  if (settings !== 0) raw.settings = settings;
  if (modelSettings !== 0) raw.modelSettings = modelSettings;
  if (sync !== undefined && sync !== 0) raw.sync = sync;
  if (shared !== undefined && shared !== 0) raw.shared = shared;
  return raw;
}

function decodeModels(x: unknown): ModelId[] | null {
  if (typeof x !== 'string' || x.length === 0 || x.length > MODEL_IDS.length) return null;
  const models = MODEL_IDS.filter((m) => x.includes(MODEL_LETTERS[m]));
  const known = new Set(Object.values(MODEL_LETTERS));
  if ([...x].some((c) => !known.has(c)) || new Set(x).size !== x.length) return null;
  return models;
}

const malformed = (what: string): Decoded => ({ ok: false, reason: 'malformed', message: what });

function decodePayload(payload: unknown): Decoded {
  if (!Array.isArray(payload) || payload.length !== 4) return malformed('it is not a timeline view');
  const [m, t, v, s] = payload;
  const models = decodeModels(m);
  if (!models) return malformed('its list of models is not valid');
  if (t !== null && !(typeof t === 'number' && Number.isFinite(t) && t >= 0)) {
    return malformed('its playhead time is not valid');
  }
  if (v !== 't' && v !== 'w') return malformed('its lane view is not valid');
  if (s !== 0 && !(Array.isArray(s) && (s.length === 6 || s.length === 8)))
    return malformed('its workload is not valid');
  return {
    ok: true,
    value: { models, timeMs: t, view: v === 'w' ? 'worker' : 'task', scenario: s === 0 ? null : expandScenario(s) },
  };
}

export function decodeView(code: string): Decoded {
  if (typeof code !== 'string' || code.length > MAX_ENCODED_LENGTH) return malformed('it is too long');
  const m = /^(\d{1,6})\.(.*)$/s.exec(code);
  if (!m) return malformed('it is not in a format this page knows');
  const version = Number(m[1]);
  if (!READS.includes(version)) {
    return {
      ok: false,
      reason: 'version',
      message: `it was made by ${version < SHARE_VERSION ? 'an older' : 'a newer'} version of the site (format ${version}; this page reads format ${SHARE_VERSION})`,
    };
  }
  let json: string | null;
  if (version === 1) json = fromBase64url(m[2]);
  else {
    const bytes = base64urlToBytes(m[2]);
    const inflated = bytes && inflateRaw(bytes, MAX_JSON_BYTES);
    if (bytes && !inflated) return malformed('it is damaged (its compressed data cannot be read)');
    json = inflated && utf8(inflated);
  }
  if (json === null) return malformed('it is damaged (not valid base64url)');
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return malformed('it is damaged (not valid JSON)');
  }
  try {
    return decodePayload(payload);
  } catch {
    return malformed('it is not a timeline view');
  }
}
