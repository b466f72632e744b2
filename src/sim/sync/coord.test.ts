/** Each primitive under each model: who is woken, in what order, and what the trace says about it. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { simulate } from '../simulate';
import type { ModelId, Scenario, Step, Trace } from '../types';
import { MODEL_IDS } from '../types';

function sc(tasks: unknown[], sync: unknown = {}, shared: unknown = {}, settings: unknown = {}): Scenario {
  return parseScenario({ id: 't', title: 't', machine: { cores: 2 }, tasks, sync, shared, settings }, 't.json');
}
const acq = (s: string, extra: Partial<Step> = {}) => ({ kind: 'acquire', sync: s, ...extra });
const rel = (s: string) => ({ kind: 'release', sync: s });
const cpu = (durationMs: number) => ({ kind: 'cpu', durationMs });
const io = (durationMs: number) => ({ kind: 'io', durationMs });
const full = (s: Scenario, m: ModelId): Trace => simulate(s, m, { trace: 'full' });
const laneOf = (t: Trace, task: number) => t.lanes.findIndex((l) => l.kind === 'task' && l.task === task);
const spansOf = (t: Trace, task: number, state: string) =>
  t.spans.filter((s) => s.lane === laneOf(t, task) && s.state === state);

describe('locks', () => {
  const tight = sc([{ name: 'T', count: 3, steps: [{ repeat: 10, steps: [acq('L'), cpu(1), rel('L')] }] }], {
    L: { type: 'lock' },
  });
  it('threading.Lock in a tight loop: the releasing thread, still holding the GIL, takes it again (barging)', () => {
    const m = simulate(tight, 'threads').metrics.sync.L;
    expect(m.acquisitions).toBe(30);
    expect(m.longestRun).toBe(10);
    expect(m.handoffs).toBe(2);
  });

  it('with I/O after the release the next waiter gets it: every acquisition is a hand-off', () => {
    const s = sc([{ name: 'T', count: 3, steps: [{ repeat: 10, steps: [acq('L'), cpu(1), rel('L'), io(2)] }] }], {
      L: { type: 'lock' },
    });
    expect(simulate(s, 'threads').metrics.sync.L.handoffs).toBe(29);
  });

  it('asyncio.Lock is first come, first served: a releasing task that asks again queues behind the waiter', () => {
    const s = sc(
      [
        { name: 'A', steps: [acq('L'), io(10), rel('L'), acq('L'), rel('L')] },
        { name: 'B', steps: [acq('L'), cpu(1), rel('L')] },
      ],
      { L: { type: 'lock' } },
    );
    const t = full(s, 'asyncio');
    expect(t.metrics.sync.L.handoffs).toBe(2); // A, B, A
    expect(t.tasks[1].endMs).toBeLessThan(t.tasks[0].endMs);
    const wake = t.events.find((e) => e.kind === 'sync-wake' && e.sync === 'L')!;
    expect(wake).toMatchObject({ task: 1, fromTask: 0 });
  });

  it('a waiting span says which lock and who holds it', () => {
    const s = sc(
      [
        { name: 'A', steps: [acq('L'), io(10), rel('L')] },
        { name: 'B', steps: [io(1), acq('L'), rel('L')] },
      ],
      { L: { type: 'lock' } },
    );
    for (const m of ['threads', 'asyncio', 'processes'] as const) {
      const [w] = spansOf(full(s, m), 1, 'wait-lock');
      expect(w, m).toMatchObject({ sync: 'L', holder: 0 });
    }
  });

  it('a woken threading.Lock waiter takes the lock without the GIL, then waits for the GIL', () => {
    const s = sc(
      [
        { name: 'A', steps: [acq('L'), io(3), cpu(2), rel('L'), cpu(20)] },
        { name: 'B', steps: [acq('L'), cpu(1), rel('L')] },
      ],
      { L: { type: 'lock' } },
    );
    const t = full(s, 'threads');
    const [w] = spansOf(t, 1, 'wait-lock');
    const gil = spansOf(t, 1, 'wait-gil').find((g) => g.startMs >= w.endMs - 1e-9)!;
    expect(gil.startMs).toBeCloseTo(w.endMs, 9);
    expect(gil.endMs).toBeGreaterThan(w.endMs + 4); // A keeps the GIL until it is asked to drop it
    expect(t.metrics.sync.L.acquisitions).toBe(2);
  });

  it('acquire with timeoutMs gives up, and its release is skipped', () => {
    const s = sc(
      [
        { name: 'A', steps: [acq('L'), io(100), rel('L')] },
        { name: 'B', steps: [io(1), acq('L', { timeoutMs: 20 }), cpu(1), rel('L')] },
      ],
      { L: { type: 'lock' } },
    );
    for (const m of ['threads', 'asyncio', 'free-threading', 'processes'] as const) {
      const t = full(s, m);
      expect(t.metrics.sync.L, m).toMatchObject({ acquisitions: 1, releases: 1, timeouts: 1 });
      const [w] = spansOf(t, 1, 'wait-lock');
      expect(w.endMs - w.startMs, m).toBeCloseTo(20, 1);
      expect(t.metrics.deadlock).toBeNull();
    }
  });
});

describe('semaphores', () => {
  it('at most `value` tasks hold it at once, under every model', () => {
    const s = sc([{ name: 'd', count: 7, steps: [acq('S'), io(100), rel('S')] }], {
      S: { type: 'semaphore', value: 2 },
    });
    for (const m of MODEL_IDS) {
      if (m === 'sequential') continue;
      const t = simulate(s, m);
      expect(t.makespanMs, m).toBeGreaterThan(400);
      expect(t.makespanMs, m).toBeLessThan(420);
    }
  });
});

describe('queues', () => {
  const pc = (maxsize: number, itemBytes = 0) =>
    sc(
      [
        { name: 'P', steps: [{ repeat: 6, steps: [cpu(1), { kind: 'put', sync: 'q' }] }] },
        { name: 'C', steps: [{ repeat: 6, steps: [{ kind: 'get', sync: 'q' }, io(10)] }] },
      ],
      { q: { type: 'queue', maxsize, itemBytes } },
    );
  it('a bounded queue blocks the producer when full and never holds more than maxsize', () => {
    for (const m of ['threads', 'asyncio', 'processes', 'free-threading'] as const) {
      const t = full(pc(2), m);
      const depths = t.events.filter((e) => e.kind === 'queue-depth').map((e) => e.depth!);
      expect(Math.max(...depths), m).toBe(2);
      expect(Math.min(...depths), m).toBe(0);
      expect(t.metrics.sync.q, m).toMatchObject({ puts: 6, gets: 6, maxDepth: 2 });
      expect(spansOf(t, 0, 'wait-queue')[0], m).toMatchObject({ sync: 'q', detail: 'full' });
    }
  });
  it('an unbounded queue lets the producer run ahead', () => {
    const t = simulate(pc(0), 'threads');
    expect(t.metrics.sync.q.maxDepth).toBeGreaterThan(2);
    expect(t.tasks[0].endMs).toBeLessThan(10);
  });
  it('under processes each item is pickled by the feeder and unpickled by the getter (itemBytes)', () => {
    const small = simulate(pc(0), 'processes');
    const big = simulate(pc(0, 10_000_000), 'processes');
    // 6 items × (dumps 5.9 + pipe 4.7 + loads 6.4 ms) at most, and more than one item's worth
    expect(big.makespanMs - small.makespanMs).toBeGreaterThan(17);
  });
  it('a get before any put: sequential code would wait forever, and says so', () => {
    const s = sc(
      [
        { name: 'C', steps: [{ kind: 'get', sync: 'q' }] },
        { name: 'P', steps: [{ kind: 'put', sync: 'q' }] },
      ],
      { q: { type: 'queue', maxsize: 0 } },
    );
    const t = full(s, 'sequential');
    expect(t.metrics.deadlock).toMatchObject({ tasks: ['C'] });
    expect(t.metrics.deadlock!.cycle).toContain('C waits on queue q (empty)');
    expect(t.tasks[1].unfinished).toBe(true);
    expect(t.events.some((e) => e.kind === 'deadlock')).toBe(true);
    expect(simulate(s, 'threads').metrics.deadlock).toBeNull();
  });
});

describe('events, barriers and joins', () => {
  it('Event.set wakes every waiter, with a flow from the setter', () => {
    const s = sc(
      [
        { name: 'S', steps: [io(10), cpu(1), { kind: 'set', sync: 'e' }] },
        { name: 'W', count: 3, steps: [{ kind: 'wait', sync: 'e' }, io(5)] },
      ],
      { e: { type: 'event' } },
    );
    for (const m of ['threads', 'asyncio', 'processes'] as const) {
      const t = full(s, m);
      const wakes = t.events.filter((e) => e.kind === 'sync-wake' && e.sync === 'e');
      expect(
        wakes.map((e) => e.fromTask),
        m,
      ).toEqual([0, 0, 0]);
      for (let i = 1; i <= 3; i++) expect(t.tasks[i].endMs, m).toBeGreaterThan(t.tasks[0].endMs + 5 - 1e-6);
    }
  });
  it('a Barrier lets everyone go when the last party arrives', () => {
    const s = sc(
      [
        { name: 'a', steps: [io(10), { kind: 'wait', sync: 'b' }] },
        { name: 'b', steps: [io(30), { kind: 'wait', sync: 'b' }] },
      ],
      { b: { type: 'barrier', parties: 2 } },
    );
    const t = full(s, 'asyncio');
    expect(t.tasks[0].endMs).toBeGreaterThanOrEqual(30);
    expect(t.metrics.sync.b).toMatchObject({ trips: 1 });
    expect(spansOf(t, 0, 'wait-barrier')[0]).toMatchObject({ sync: 'b' });
  });
  it('join waits for every copy of a task', () => {
    const s = sc([
      { name: 'A', count: 2, steps: [io(20)] },
      { name: 'B', steps: [{ kind: 'join', task: 'A' }, cpu(1)] },
    ]);
    for (const m of ['threads', 'asyncio', 'processes', 'free-threading'] as const) {
      const t = full(s, m);
      expect(t.tasks[2].endMs, m).toBeGreaterThan(Math.max(t.tasks[0].endMs, t.tasks[1].endMs));
      expect(spansOf(t, 2, 'wait-join')[0].holder, m).toBe(0);
    }
  });
});

describe('shared variables and deadlocks', () => {
  const race = (locked: boolean) =>
    sc(
      [
        {
          name: 'T',
          count: 2,
          steps: [
            {
              repeat: 10,
              steps: locked
                ? [acq('L'), { kind: 'read', var: 'x' }, cpu(3), { kind: 'write', var: 'x' }, rel('L')]
                : [{ kind: 'read', var: 'x' }, cpu(3), { kind: 'write', var: 'x' }],
            },
          ],
        },
      ],
      { L: { type: 'lock' } },
      { x: 5 },
    );
  it('a switch between read and write loses updates; a lock or asyncio does not', () => {
    const lost = full(race(false), 'threads');
    expect(lost.metrics.shared.x.writes).toBe(20);
    expect(lost.metrics.shared.x.lostUpdates).toBeGreaterThan(0);
    expect(lost.metrics.shared.x.final).toBeLessThan(25);
    expect(lost.events.filter((e) => e.kind === 'shared-write' && e.lost).length).toBe(
      lost.metrics.shared.x.lostUpdates,
    );
    expect(simulate(race(true), 'threads').metrics.shared.x).toEqual({ final: 25, writes: 20, lostUpdates: 0 });
    expect(simulate(race(false), 'asyncio').metrics.shared.x.final).toBe(25);
  });
  it('opposite lock order deadlocks with the cycle named; a task left blocked is unfinished', () => {
    const s = sc(
      [
        { name: 'A', steps: [acq('L1'), io(1), acq('L2'), rel('L2'), rel('L1')] },
        { name: 'B', steps: [acq('L2'), io(1), acq('L1'), rel('L1'), rel('L2')] },
        { name: 'C', steps: [io(30)] },
      ],
      { L1: { type: 'lock' }, L2: { type: 'lock' } },
    );
    for (const m of ['threads', 'asyncio', 'free-threading'] as const) {
      const t = full(s, m);
      expect(t.metrics.deadlock!.cycle, m).toBe('A holds L1 and waits for L2; B holds L2 and waits for L1');
      expect(t.metrics.deadlock!.atMs, m).toBeCloseTo(t.tasks[2].endMs, 6); // once C is done, nothing can change
      expect(t.tasks[0].unfinished && t.tasks[1].unfinished, m).toBe(true);
      expect(t.tasks[2].unfinished, m).toBeUndefined();
    }
  });
});

describe('arrivals', () => {
  const s = sc([{ name: 'r', count: 3, startAtMs: 10, everyMs: 20, steps: [cpu(2), io(5)] }]);
  it.each(MODEL_IDS)('%s starts each copy when it arrives; latency is end − arrival', (m) => {
    const t = simulate(s, m);
    t.tasks.forEach((r, i) => {
      expect(r.arrivalMs).toBe(10 + 20 * i);
      expect(r.startMs).toBeGreaterThanOrEqual(r.arrivalMs);
      expect(r.latencyMs).toBeCloseTo(r.endMs - r.arrivalMs, 9);
      // processes: a fork each; subinterpreters: a new interpreter (3 ms) for each copy
      expect(r.latencyMs).toBeLessThan(m === 'processes' || m === 'subinterpreters' ? 12 : 8);
    });
    expect(t.metrics.throughputPerS).toBeCloseTo(3 / (t.makespanMs / 1000), 6);
  });
});
