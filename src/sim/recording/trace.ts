/**
 * recordedTrace: a recording drawn as a Trace, so the timeline shows the real run above its replays on
 * the same axis. Task lanes follow the derived scenario's tasks (the same rows as the replays); worker
 * lanes are the recorded threads and processes. Waits for the GIL are inferred (see classify.ts).
 */
import type { Lane, LaneKind, Span, SpanState, TaskResult, Trace, TraceEvent } from '../types';
import { classifySegment, clip, runningCover } from './classify';
import type { Derived } from './derive';
import { blankMetrics } from './metrics';
import type { Recording, RecordedProcess, RecordedThread } from './types';

function workerKind(p: number, t: RecordedThread, loops: Set<string>): LaneKind {
  if (loops.has(`${p}:${t.id}`)) return 'loop';
  if (p > 0) return t.main ? 'process' : 'thread';
  return t.main ? 'main' : 'thread';
}

function threadLabel(p: RecordedProcess, pi: number, t: RecordedThread): string {
  if (pi === 0) return t.name;
  return t.main ? `${p.name} (pid ${p.pid})` : `${p.name} · ${t.name}`;
}

/** The band title: "Recorded · Python 3.11.7 · 2 cores". */
export function recordedLabel(rec: Recording): string {
  return `Recorded · Python ${rec.python.version} · ${rec.machine.cores} ${rec.machine.cores === 1 ? 'core' : 'cores'}`;
}

export function recordedTrace(rec: Recording, derived: Derived): Trace {
  const lanes: Lane[] = [];
  const spans: Span[] = [];
  const covers = rec.processes.map((p) => runningCover(p));
  const gil = rec.python.gil;
  const loops = new Set<string>();
  for (const s of derived.sources) if (s.asyncTask !== undefined) loops.add(`${s.process}:${s.thread}`);
  const laneOf = new Map<string, number>();
  derived.sources.forEach((s, i) => lanes.push({ id: `task-${i}`, kind: 'task', label: s.name, task: i }));
  rec.processes.forEach((p, pi) =>
    p.threads.forEach((t) => {
      laneOf.set(`${pi}:${t.id}`, lanes.length);
      lanes.push({ id: `rec-${pi}-${t.id}`, kind: workerKind(pi, t, loops), label: threadLabel(p, pi, t) });
    }),
  );
  const push = (lane: number, startMs: number, endMs: number, state: SpanState, task: number, worker: number) => {
    if (endMs > startMs) spans.push({ lane, startMs, endMs, state, task, step: -1, worker });
  };
  derived.sources.forEach((s, i) => {
    const p = rec.processes[s.process];
    const worker = laneOf.get(`${s.process}:${s.thread}`) ?? -1;
    if (s.asyncTask !== undefined) {
      const task = (p.tasks ?? []).find((k) => k.id === s.asyncTask);
      if (!task) return;
      const first = task.resumptions[0];
      if (first) push(i, task.createdMs, first.startMs, 'wait-loop', i, worker);
      for (const r of task.resumptions) push(i, r.startMs, r.endMs, 'running', i, worker);
      for (const w of task.awaits) push(i, w.startMs, w.endMs, 'io', i, worker);
      return;
    }
    const thread = p.threads.find((t) => t.id === s.thread);
    if (!thread) return;
    for (const seg of clip(thread.segments, s.startMs, s.endMs)) {
      const c = classifySegment(seg, covers[s.process], gil);
      push(i, c.startMs, c.endMs, c.state, i, worker);
    }
  });
  rec.processes.forEach((p, pi) =>
    p.threads.forEach((t) => {
      const lane = laneOf.get(`${pi}:${t.id}`) ?? -1;
      for (const seg of t.segments) {
        if (seg.state === 'waiting' && seg.label === 'select') continue; // the loop idle in select(): nothing to draw
        const c = classifySegment(seg, covers[pi], gil);
        push(lane, c.startMs, c.endMs, c.state, -1, -1);
      }
    }),
  );
  spans.sort((a, b) => a.lane - b.lane || a.startMs - b.startMs);
  const tasks: TaskResult[] = derived.sources.map((s) => ({
    name: s.name,
    arrivalMs: s.startMs,
    startMs: s.startMs,
    endMs: s.endMs,
    latencyMs: s.endMs - s.startMs,
  }));
  const events: TraceEvent[] = [];
  derived.sources.forEach((s, i) => {
    events.push({ timeMs: s.startMs, kind: 'task-start', task: i, lane: i });
    events.push({ timeMs: s.endMs, kind: 'task-end', task: i, lane: i });
  });
  events.sort((a, b) => a.timeMs - b.timeMs);
  const cpuWorkMs = rec.processes.reduce((sum, p) => sum + p.threads.reduce((n, t) => n + (t.cpuMs ?? 0), 0), 0);
  const settings = derived.scenario.modelSettings?.[derived.model] ?? {};
  const makespanMs = Math.max(rec.durationMs, ...tasks.map((t) => t.endMs));
  return {
    model: derived.model,
    scenarioId: derived.scenario.id,
    label: recordedLabel(rec),
    settings: {
      cores: rec.machine.cores,
      switchIntervalMs: rec.python.switchIntervalMs ?? 5,
      startMethod: rec.program.startMethod ?? 'fork',
      poolSize: settings.poolSize ?? null,
      python: '3.11',
      threadPoolSize: Math.min(32, rec.machine.cores + 4),
      processPoolSize: rec.machine.cores,
    },
    makespanMs,
    lanes,
    spans,
    events,
    tasks,
    metrics: blankMetrics(makespanMs, rec.machine.cores, cpuWorkMs, tasks),
  };
}
