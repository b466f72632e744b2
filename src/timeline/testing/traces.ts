/** Hand-made traces for tests and stories (not shipped to readers unless imported). */
import type { LaneKind, ModelId, Span, SpanState, Trace, TraceEvent } from '../../sim/types';

export interface TaskSpec {
  name: string;
  /** [state, startMs, endMs, workerLaneLabel?] */
  spans: [SpanState, number, number, string?][];
}

export interface LaneSpec {
  kind: LaneKind;
  label: string;
  /** [state, startMs, endMs, task] */
  spans: [SpanState, number, number, number][];
}

export function makeTrace(opts: {
  model?: ModelId;
  scenarioId?: string;
  tasks: TaskSpec[];
  workers?: LaneSpec[];
  events?: TraceEvent[];
  cores?: number;
}): Trace {
  const model = opts.model ?? 'sequential';
  const workers = opts.workers ?? [];
  const lanes: Trace['lanes'] = [];
  const spans: Span[] = [];
  const events: TraceEvent[] = [...(opts.events ?? [])];
  workers.forEach((w) => lanes.push({ id: `${w.kind}:${w.label}`, kind: w.kind, label: w.label }));
  opts.tasks.forEach((t, task) => lanes.push({ id: `task:${task}`, kind: 'task', label: t.name, task }));
  workers.forEach((w, lane) => {
    for (const [state, startMs, endMs, task] of w.spans)
      spans.push({ lane, startMs, endMs, state, task, step: -1, worker: -1 });
  });
  const tasks = opts.tasks.map((t, task) => {
    const lane = workers.length + task;
    let start = Infinity;
    let end = 0;
    t.spans.forEach(([state, startMs, endMs, worker], step) => {
      const w = worker === undefined ? -1 : workers.findIndex((x) => x.label === worker);
      spans.push({ lane, startMs, endMs, state, task, step, worker: w });
      start = Math.min(start, startMs);
      end = Math.max(end, endMs);
    });
    if (!Number.isFinite(start)) start = 0;
    events.push({ timeMs: start, kind: 'task-start', task, lane });
    events.push({ timeMs: end, kind: 'task-end', task, lane });
    return { name: t.name, arrivalMs: 0, startMs: start, endMs: end, latencyMs: end - start };
  });
  spans.sort((a, b) => a.lane - b.lane || a.startMs - b.startMs);
  events.sort((a, b) => a.timeMs - b.timeMs);
  const makespanMs = Math.max(0, ...spans.map((s) => s.endMs));
  const cores = opts.cores ?? 4;
  return {
    model,
    scenarioId: opts.scenarioId ?? 'test',
    settings: {
      cores,
      switchIntervalMs: 5,
      startMethod: 'fork',
      poolSize: null,
      python: '3.13t',
      threadPoolSize: 8,
      processPoolSize: cores,
    },
    makespanMs,
    lanes,
    spans,
    events,
    tasks,
    metrics: {
      makespanMs,
      coreBusyMs: Array.from({ length: cores }, () => 0),
      utilisation: 0,
      peakConcurrency: 1,
      gilSwitches: 0,
      memoryBytes: 0,
      cpuWorkMs: 0,
      eventCount: events.length,
      latency: { p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 },
      throughputPerS: 0,
      sync: {},
      shared: {},
      deadlock: null,
    },
  };
}

/** Two CPU-bound counters, one after another: A 0–20 ms, B 20–40 ms. */
export function sequentialTwo(): Trace {
  return makeTrace({
    model: 'sequential',
    scenarioId: 'gil-two-counters',
    workers: [
      {
        kind: 'main',
        label: 'Main thread',
        spans: [
          ['running', 0, 20, 0],
          ['running', 20, 40, 1],
        ],
      },
    ],
    tasks: [
      { name: 'A', spans: [['running', 0, 20, 'Main thread']] },
      {
        name: 'B',
        spans: [
          ['wait-worker', 0, 20],
          ['running', 20, 40, 'Main thread'],
        ],
      },
    ],
    cores: 2,
  });
}

/** The same two counters on two threads sharing the GIL, switching every 5 ms (42 ms in all). */
export function threadsTwo(): Trace {
  const a: TaskSpec = { name: 'A', spans: [] };
  const b: TaskSpec = { name: 'B', spans: [] };
  const held: [SpanState, number, number, number][] = [];
  const handoffs: TraceEvent[] = [];
  for (let k = 0; k < 8; k++) {
    const t0 = 1 + k * 5;
    const runner = k % 2 === 0 ? a : b;
    const waiter = k % 2 === 0 ? b : a;
    runner.spans.push(['running', t0, t0 + 5, runner === a ? 'Thread-1' : 'Thread-2']);
    waiter.spans.push(['wait-gil', t0, t0 + 5]);
    held.push(['held', t0, t0 + 5, k % 2]);
    if (k > 0) handoffs.push({ timeMs: t0, kind: 'gil-handoff', task: k % 2, lane: 0, fromTask: (k + 1) % 2 });
  }
  // A starts a millisecond late on a thread that is booting.
  a.spans.unshift(['starting', 0, 1]);
  b.spans.unshift(['starting', 0, 1]);
  b.spans[1] = ['wait-gil', 1, 6];
  a.spans.push(['io', 41, 42]);
  return makeTrace({
    model: 'threads',
    scenarioId: 'gil-two-counters',
    workers: [
      { kind: 'gil', label: 'GIL', spans: held },
      {
        kind: 'thread',
        label: 'Thread-1',
        spans: a.spans.filter((s) => s[0] === 'running').map((s) => ['running', s[1], s[2], 0]),
      },
      {
        kind: 'thread',
        label: 'Thread-2',
        spans: b.spans.filter((s) => s[0] === 'running').map((s) => ['running', s[1], s[2], 1]),
      },
      { kind: 'core', label: 'Core 0', spans: held.map((s) => ['running', s[1], s[2], s[3]]) },
      { kind: 'core', label: 'Core 1', spans: [] },
    ],
    tasks: [a, b],
    events: handoffs,
    cores: 2,
  });
}

/** Three `await asyncio.sleep(1)` coroutines: 1.003 s in all. */
export function threeSleeps(): Trace {
  const names = ['A', 'B', 'C'];
  const tasks: TaskSpec[] = names.map((name, i) => ({
    name,
    spans: [
      ...(i > 0 ? ([['wait-loop', 0, i * 0.5]] as TaskSpec['spans']) : []),
      ['running', i * 0.5, i * 0.5 + 0.5, 'Event loop'],
      ['io', i * 0.5 + 0.5, 1000 + i * 0.5 + 0.5],
      ['running', 1000 + i * 0.5 + 0.5, 1000 + i * 0.5 + 1, 'Event loop'],
    ],
  }));
  return makeTrace({
    model: 'asyncio',
    scenarioId: 'three-sleeps',
    workers: [
      {
        kind: 'loop',
        label: 'Event loop',
        spans: names
          .flatMap((_, i): [SpanState, number, number, number][] => [
            ['running', i * 0.5, i * 0.5 + 0.5, i],
            ['running', 1000 + i * 0.5 + 0.5, 1000 + i * 0.5 + 1, i],
          ])
          .sort((x, y) => x[1] - y[1]),
      },
    ],
    tasks,
    events: [{ timeMs: 1000.5, kind: 'loop-switch', task: 0, lane: 0, fromTask: -1 }],
    cores: 4,
  });
}

/** n asyncio downloads: wait for the loop, a little Python, I/O, a little Python. */
export function manyDownloads(n: number): Trace {
  const tasks: TaskSpec[] = [];
  const loop: [SpanState, number, number, number][] = [];
  const cpu = 0.02;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const start = t;
    t += cpu;
    loop.push(['running', start, t, i]);
    const io = 200 + ((i * 7919) % 400);
    tasks.push({
      name: `download-${i + 1}`,
      spans: [
        ...(start > 0 ? ([['wait-loop', 0, start]] as TaskSpec['spans']) : []),
        ['running', start, start + cpu, 'Event loop'],
        ['io', start + cpu, start + cpu + io],
      ],
    });
  }
  // Completions are handled after all requests are sent, in order.
  for (let i = 0; i < n; i++) {
    const spans = tasks[i].spans;
    const ioEnd = spans[spans.length - 1][2];
    const begin = Math.max(t, ioEnd);
    if (begin > ioEnd) spans.push(['wait-loop', ioEnd, begin]);
    spans.push(['running', begin, begin + cpu, 'Event loop']);
    loop.push(['running', begin, begin + cpu, i]);
    t = begin + cpu;
  }
  loop.sort((x, y) => x[1] - y[1]);
  return makeTrace({
    model: 'asyncio',
    scenarioId: 'asyncio-10k-downloads',
    workers: [{ kind: 'loop', label: 'Event loop', spans: loop }],
    tasks,
    cores: 4,
  });
}
