/**
 * parseChromeTrace: a Chrome trace JSON as VizTracer writes it ({"traceEvents": [...]}, or a bare array)
 * turned into thread lanes: one lane per (pid, tid), a running span wherever a complete ("X") or a
 * begin/end ("B"/"E") event covers the time. Only lanes: a trace has no waits to derive a workload from.
 */
import type { Lane, Span, TaskResult, Trace } from '../types';
import { RecordingError } from './parse';
import { blankMetrics } from './metrics';

/** More events than this is a trace of a long run: refuse it rather than freeze the page. */
export const MAX_TRACE_EVENTS = 2_000_000;

interface RawEvent {
  ph?: unknown;
  ts?: unknown;
  dur?: unknown;
  pid?: unknown;
  tid?: unknown;
  name?: unknown;
  args?: { name?: unknown };
}

function key(e: RawEvent): string {
  return `${String(e.pid ?? 0)}:${String(e.tid ?? 0)}`;
}

function num(v: unknown, file: string, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RecordingError(file, path, 'must be a number');
  return v;
}

/** Intervals (µs) → merged [start, end) pairs. */
function merge(iv: [number, number][]): [number, number][] {
  iv.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of iv) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function isChromeTrace(data: unknown): boolean {
  return Array.isArray(data) || (typeof data === 'object' && data !== null && 'traceEvents' in data);
}

export function parseChromeTrace(data: unknown, file: string): Trace {
  const list = Array.isArray(data) ? data : (data as { traceEvents?: unknown }).traceEvents;
  const base = Array.isArray(data) ? '' : 'traceEvents';
  if (!Array.isArray(list)) throw new RecordingError(file, 'traceEvents', 'must be an array of trace events');
  if (list.length > MAX_TRACE_EVENTS)
    throw new RecordingError(file, base, `has ${list.length} events; at most ${MAX_TRACE_EVENTS} can be drawn`);
  const names = new Map<string, string>();
  const busy = new Map<string, [number, number][]>();
  const open = new Map<string, number[]>();
  let t0 = Infinity;
  let t1 = -Infinity;
  const at = (i: number) => (base ? `${base}[${i}]` : `[${i}]`);
  list.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null)
      throw new RecordingError(file, at(i), 'must be an object (a trace event)');
    const e = raw as RawEvent;
    const k = key(e);
    if (e.ph === 'M') {
      if (e.name === 'thread_name' && typeof e.args?.name === 'string') names.set(k, e.args.name);
      return;
    }
    if (e.ph !== 'X' && e.ph !== 'B' && e.ph !== 'E') return;
    const ts = num(e.ts, file, `${at(i)}.ts`);
    if (!busy.has(k)) busy.set(k, []);
    if (e.ph === 'X') {
      const dur = num(e.dur ?? 0, file, `${at(i)}.dur`);
      if (dur < 0) throw new RecordingError(file, `${at(i)}.dur`, 'must be a number ≥ 0');
      busy.get(k)!.push([ts, ts + dur]);
      t0 = Math.min(t0, ts);
      t1 = Math.max(t1, ts + dur);
    } else if (e.ph === 'B') {
      if (!open.has(k)) open.set(k, []);
      open.get(k)!.push(ts);
      t0 = Math.min(t0, ts);
    } else {
      const start = open.get(k)?.pop();
      if (start === undefined) return;
      busy.get(k)!.push([start, ts]);
      t1 = Math.max(t1, ts);
    }
  });
  if (busy.size === 0) throw new RecordingError(file, base, 'has no duration events ("ph": "X", "B"/"E") to draw');
  const keys = [...busy.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const lanes: Lane[] = [];
  const spans: Span[] = [];
  const tasks: TaskResult[] = [];
  keys.forEach((k, i) => {
    const label = names.get(k) ?? `thread ${k.split(':')[1]} (pid ${k.split(':')[0]})`;
    lanes.push({ id: `vt-${k}`, kind: 'task', label, task: i });
    const runs = merge(busy.get(k)!);
    for (const [s, e] of runs) {
      spans.push({
        lane: i,
        startMs: (s - t0) / 1000,
        endMs: (e - t0) / 1000,
        state: 'running',
        task: i,
        step: -1,
        worker: -1,
      });
    }
    const startMs = (runs[0][0] - t0) / 1000;
    const endMs = (runs[runs.length - 1][1] - t0) / 1000;
    tasks.push({ name: label, arrivalMs: startMs, startMs, endMs, latencyMs: endMs - startMs });
  });
  const makespanMs = Math.max(0, (t1 - t0) / 1000);
  const cpuWorkMs = spans.reduce((n, s) => n + s.endMs - s.startMs, 0);
  return {
    model: 'threads',
    label: `VizTracer trace · ${keys.length} ${keys.length === 1 ? 'thread' : 'threads'}`,
    scenarioId: 'viztracer',
    settings: {
      cores: 1,
      switchIntervalMs: 5,
      startMethod: 'fork',
      poolSize: null,
      python: '3.11',
      threadPoolSize: 5,
      processPoolSize: 1,
    },
    makespanMs,
    lanes,
    spans,
    events: [],
    tasks,
    metrics: blankMetrics(makespanMs, 1, cpuWorkMs, tasks),
  };
}
