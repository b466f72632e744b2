/**
 * Property tests: random small scenarios under every model must keep the simulator's invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeThreadedSlowdown } from './models/freeThreading';
import { parseScenario } from './scenario/parse';
import { simulate } from './simulate';
import type { ModelId, Scenario, Span, Trace } from './types';
import { MODEL_IDS } from './types';

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('cpu' as const),
    durationMs: fc.integer({ min: 0, max: 40_000 }).map((n) => n / 1000),
  }),
  fc.record({
    kind: fc.constant('cpu' as const),
    durationMs: fc.integer({ min: 0, max: 30 }),
    offload: fc.constantFrom('thread' as const, 'process' as const),
  }),
  fc.record({ kind: fc.constant('native' as const), durationMs: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('io' as const), durationMs: fc.integer({ min: 0, max: 60 }) }),
  fc.record({
    kind: fc.constant('io' as const),
    durationMs: fc.integer({ min: 0, max: 20 }),
    blocking: fc.constant(true),
  }),
);

const taskArb = fc.record(
  {
    steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }),
    argsBytes: fc.integer({ min: 0, max: 2_000_000 }),
    resultBytes: fc.integer({ min: 0, max: 2_000_000 }),
    count: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ['steps'] },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    tasks: fc.array(taskArb, { minLength: 1, maxLength: 4 }),
    cores: fc.integer({ min: 1, max: 4 }),
    settings: fc.record(
      {
        switchIntervalMs: fc.constantFrom(0.5, 1, 5),
        startMethod: fc.constantFrom('fork' as const, 'forkserver' as const, 'spawn' as const),
        poolSize: fc.integer({ min: 1, max: 3 }),
        python: fc.constantFrom('3.13t' as const, '3.14t' as const),
        threadPoolSize: fc.integer({ min: 1, max: 3 }),
        processPoolSize: fc.integer({ min: 1, max: 3 }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ tasks, cores, settings }) =>
    parseScenario(
      {
        id: 'prop',
        title: 'prop',
        machine: { cores },
        settings,
        tasks: tasks.map((t, i) => ({ name: `t${i}`, ...t })),
      },
      'prop.json',
    ),
  );

/** Plain assertion (expect() per span would make a thousand runs slow). */
function ok(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

const BUSY = new Set(['running', 'native', 'starting', 'pickling']);
const EPS = 1e-9;

function byLane(trace: Trace): Span[][] {
  const out: Span[][] = trace.lanes.map(() => []);
  for (const s of trace.spans) out[s.lane].push(s);
  return out;
}

/** Most spans from `spans` open at one instant (ends before starts at equal times). */
function maxOverlap(spans: readonly Span[]): number {
  const pts: [number, number][] = [];
  for (const s of spans) pts.push([s.startMs, 1], [s.endMs, -1]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of pts) {
    cur += d;
    max = Math.max(max, cur);
  }
  return max;
}

function expectedCpuWork(s: Scenario, model: ModelId, python: string): number {
  const scale = model === 'free-threading' ? freeThreadedSlowdown(python) : 1;
  let ns = 0;
  for (const t of s.tasks) {
    for (const st of t.steps) {
      const d = Math.round(st.durationMs * 1e6);
      if (st.kind === 'cpu') ns += (t.count ?? 1) * (scale === 1 ? d : Math.round(d * scale));
      if (st.kind === 'native') ns += (t.count ?? 1) * d;
    }
  }
  return ns / 1e6;
}

function checkTrace(s: Scenario, trace: Trace): void {
  const m = trace.model;
  // spans: sorted by lane then start, non-empty, never overlapping within a lane
  for (let i = 0; i < trace.spans.length; i++) {
    const sp = trace.spans[i];
    ok(sp.endMs > sp.startMs, `empty span ${JSON.stringify(sp)}`);
    if (i > 0) {
      const prev = trace.spans[i - 1];
      ok(
        prev.lane < sp.lane || (prev.lane === sp.lane && prev.endMs <= sp.startMs + EPS),
        `overlap/order at span ${i}`,
      );
    }
  }
  for (let i = 1; i < trace.events.length; i++)
    ok(trace.events[i].timeMs >= trace.events[i - 1].timeMs, 'events out of order');
  const lanes = byLane(trace);
  // never more busy threads than cores
  const workerBusy = trace.spans.filter(
    (sp) => BUSY.has(sp.state) && ['main', 'loop', 'thread', 'process'].includes(trace.lanes[sp.lane].kind),
  );
  ok(maxOverlap(workerBusy) <= trace.settings.cores, 'more busy threads than cores');
  // one GIL holder at a time: under threads no two tasks run bytecode at once; under asyncio the
  // loop and executor threads never run bytecode at once
  if (m === 'threads') {
    const running = trace.spans.filter((sp) => trace.lanes[sp.lane].kind === 'task' && sp.state === 'running');
    ok(maxOverlap(running) <= 1, 'two tasks run bytecode at once under the GIL');
  }
  if (m === 'asyncio' || m === 'threads' || m === 'sequential') {
    const py = trace.spans.filter(
      (sp) => ['main', 'loop', 'thread'].includes(trace.lanes[sp.lane].kind) && sp.state === 'running',
    );
    ok(maxOverlap(py) <= 1, 'two threads of one interpreter run bytecode at once');
  }
  if (m === 'free-threading' || m === 'sequential') ok(trace.metrics.gilSwitches === 0, 'GIL switches without a GIL');
  // every task ends, after it starts, by the end of the program; steps run in order
  trace.tasks.forEach((r, t) => {
    ok(Number.isFinite(r.endMs) && r.startMs >= 0, `task ${t} never ran or never ended`);
    ok(
      r.endMs >= r.startMs && r.endMs <= trace.makespanMs + EPS,
      `task ${t} ends before it starts or after the program`,
    );
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    for (const sp of lanes[t]) {
      if (sp.step < 0) continue;
      if (!first.has(sp.step)) first.set(sp.step, sp.startMs);
      last.set(sp.step, sp.endMs);
    }
    for (const [k, start] of first) {
      if (last.has(k - 1)) ok(start >= last.get(k - 1)! - EPS, `task ${t}: step ${k} starts before step ${k - 1} ends`);
    }
  });
  // the same CPU work under every model (free-threading: times its slowdown)
  expect(trace.metrics.cpuWorkMs).toBeCloseTo(expectedCpuWork(s, m, trace.settings.python), 6);
  ok(trace.metrics.utilisation <= 1 + EPS, 'utilisation above 100%');
  if (trace.tasks.some((r) => r.endMs > r.startMs)) ok(trace.metrics.peakConcurrency >= 1, 'peak concurrency 0');
}

describe('simulate: invariants on random scenarios', () => {
  for (const model of MODEL_IDS) {
    it(`${model}: lanes, GIL, cores, task order and cpu work hold`, () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          checkTrace(s, simulate(s, model));
        }),
        { numRuns: 1000, seed: 42 },
      );
    });
  }

  it('identical input gives an identical trace, byte for byte', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...MODEL_IDS), (s, model) => {
        const a = JSON.stringify(simulate(s, model));
        const b = JSON.stringify(simulate(structuredClone(s), model));
        expect(a).toBe(b);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("trace: 'summary' gives the same tasks and metrics as a full trace", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...MODEL_IDS), (s, model) => {
        const full = simulate(s, model);
        const summary = simulate(s, model, { trace: 'summary' });
        expect(summary.spans).toEqual([]);
        expect(summary.events).toEqual([]);
        expect(summary.tasks).toEqual(full.tasks);
        expect(summary.metrics).toEqual(full.metrics);
      }),
      { numRuns: 1000, seed: 5 },
    );
  }, 60_000); // 1000 scenarios, each simulated twice: a few seconds, more on a busy machine

  it('editing a scenario in place between simulations is picked up', () => {
    const s = parseScenario(
      {
        id: 'e',
        title: 'e',
        machine: { cores: 2 },
        tasks: [{ name: 'a', count: 2, steps: [{ kind: 'io', durationMs: 10 }] }],
      },
      'e.json',
    );
    expect(simulate(s, 'sequential').makespanMs).toBe(20);
    s.tasks[0].count = 3;
    expect(simulate(s, 'sequential').tasks).toHaveLength(3);
    s.tasks[0].steps[0].durationMs = 5;
    expect(simulate(s, 'sequential').makespanMs).toBe(15);
    s.tasks.push({ name: 'b', steps: [{ kind: 'io', durationMs: 1 }] });
    expect(simulate(s, 'sequential').makespanMs).toBe(16);
  });

  it('total cpu work is the same under every model', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const seq = simulate(s, 'sequential').metrics.cpuWorkMs;
        for (const model of MODEL_IDS) {
          const tr = simulate(s, model);
          const work = tr.metrics.cpuWorkMs;
          if (model !== 'free-threading') expect(work).toBeCloseTo(seq, 6);
          else expect(work).toBeGreaterThanOrEqual(seq - EPS);
        }
      }),
      { numRuns: 1000, seed: 11 },
    );
  }, 60_000); // 1000 scenarios × every model: a few seconds, more on a busy machine
});
