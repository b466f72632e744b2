/**
 * The subinterpreters model (InterpreterPoolExecutor, Python 3.14), by hand from defaults.ts: submit
 * 2.4 µs; thread start 20 µs parent + 33 µs child; interpreter creation 3 ms and close 0.7 ms; thread exit
 * 31 µs; 20 µs per call; 0.64 ns per byte copied.
 */
import { describe, expect, it } from 'vitest';
import { SUBINTERP_CALL_NS, SUBINTERP_CLOSE_NS, SUBINTERP_CREATE_NS, SUBINTERP_MEMORY_BYTES } from '../defaults';
import { parseScenario } from '../scenario/parse';
import { simulate } from '../simulate';
import { cpu, io, lanesOf, native, scenario, taskSpans } from '../test/helpers';
import { copyNs, interpreterPoolSize } from './subinterpreters';

const SUBMIT = 0.0024;
const PARENT = 0.02;
const CHILD = 0.033;
const CREATE = SUBINTERP_CREATE_NS / 1e6;
const CALL = SUBINTERP_CALL_NS / 1e6;
const CLOSE = SUBINTERP_CLOSE_NS / 1e6 + 0.031;

describe('subinterpreters: the costs', () => {
  it('one task pays submit, a thread start, an interpreter, one call and the close at shutdown', () => {
    const t = simulate(scenario([{ name: 'A', steps: [cpu(100)] }]), 'subinterpreters');
    expect(t.makespanMs).toBeCloseTo(SUBMIT + PARENT + CHILD + CREATE + CALL + 100 + CLOSE, 9);
    expect(t.tasks[0].startMs).toBeCloseTo(SUBMIT + PARENT + CHILD + CREATE, 9);
    expect(t.tasks[0].endMs).toBeCloseTo(SUBMIT + PARENT + CHILD + CREATE + CALL + 100, 9);
  });

  it('copies arguments into the interpreter and the result back, per byte, with no fork or spawn', () => {
    const plain = simulate(scenario([{ name: 'A', steps: [cpu(100)] }]), 'subinterpreters');
    const data = simulate(
      scenario([{ name: 'A', steps: [cpu(100)], argsBytes: 10_000_000, resultBytes: 10_000_000 }]),
      'subinterpreters',
    );
    // 2 × 10 MB × 0.64 ns
    expect(copyNs(10_000_000)).toBe(6_400_000);
    expect(data.makespanMs - plain.makespanMs).toBeCloseTo(12.8, 9);
    const copying = taskSpans(data, 0, 'pickling');
    expect(copying.map((s) => s.endMs - s.startMs)).toEqual([expect.closeTo(CALL + 6.4, 9), expect.closeTo(6.4, 9)]);
    // The same payload costs far more between processes (pickle + pipe both ways, plus a fork).
    const spawned = scenario([{ name: 'A', steps: [cpu(100)], argsBytes: 10_000_000, resultBytes: 10_000_000 }], 2, {
      startMethod: 'spawn',
    });
    expect(simulate(spawned, 'processes').makespanMs).toBeGreaterThan(data.makespanMs + 80);
  });

  it('holds the memory of one interpreter per worker', () => {
    const t = simulate(scenario([{ name: 'A', steps: [io(10)], count: 3 }]), 'subinterpreters');
    expect(t.metrics.memoryBytes).toBe(3 * (SUBINTERP_MEMORY_BYTES + 16 * 1024));
  });
});

describe('subinterpreters: one GIL per interpreter', () => {
  const two = scenario([
    { name: 'c1', steps: [cpu(1100)] },
    { name: 'c2', steps: [cpu(1100)] },
  ]);

  it('runs two CPU-bound tasks in parallel on 2 cores, with no GIL hand-offs', () => {
    const t = simulate(two, 'subinterpreters');
    // c2's worker starts after c1's (submit, parent, child), is created, called, runs; both close at once.
    const c2End = 2 * (SUBMIT + PARENT + CHILD) + CREATE + CALL + 1100;
    expect(t.tasks[1].endMs).toBeCloseTo(c2End, 9);
    expect(t.makespanMs).toBeCloseTo(c2End + CLOSE, 9);
    expect(t.metrics.gilSwitches).toBe(0);
    expect(t.makespanMs).toBeLessThan(simulate(two, 'threads').makespanMs / 1.9);
    // every GIL belongs to an interpreter with one thread: none is drawn
    expect(lanesOf(t, 'gil')).toEqual([]);
    expect(t.lanes.filter((l) => l.kind === 'thread').map((l) => l.label)).toEqual(['interpreter 1', 'interpreter 2']);
  });

  it('shares the cores: four CPU tasks on 2 cores take twice as long as two', () => {
    const four = scenario([{ name: 'c', steps: [cpu(1000)], count: 4 }]);
    const t = simulate(four, 'subinterpreters');
    expect(t.makespanMs).toBeGreaterThan(2000);
    expect(t.makespanMs).toBeLessThan(2020);
  });

  it('a pool of one interpreter runs the tasks one after another', () => {
    const t = simulate(two, 'subinterpreters', { poolSize: 1 });
    expect(t.lanes.filter((l) => l.kind === 'thread')).toHaveLength(1);
    expect(t.tasks[1].startMs).toBeCloseTo(t.tasks[0].endMs, 9);
    expect(t.makespanMs).toBeGreaterThan(2200);
  });

  it('defaults to ThreadPoolExecutor’s size, min(32, cores + 4)', () => {
    expect(interpreterPoolSize(null, 2)).toBe(6);
    expect(interpreterPoolSize(null, 64)).toBe(32);
    expect(interpreterPoolSize(3, 64)).toBe(3);
    const t = simulate(scenario([{ name: 'w', steps: [io(100)], count: 10 }]), 'subinterpreters');
    expect(t.lanes.filter((l) => l.kind === 'thread')).toHaveLength(6);
  });

  it('runs native code and I/O as threads do', () => {
    const s = scenario([
      { name: 'n', steps: [native(500)] },
      { name: 'w', steps: [io(500)] },
    ]);
    const t = simulate(s, 'subinterpreters');
    expect(taskSpans(t, 0, 'native').reduce((a, x) => a + x.endMs - x.startMs, 0)).toBeCloseTo(500, 9);
    expect(taskSpans(t, 1, 'io').reduce((a, x) => a + x.endMs - x.startMs, 0)).toBeCloseTo(500, 9);
    expect(t.makespanMs).toBeLessThan(510);
  });

  it('is deterministic', () => {
    const s = scenario([
      { name: 'a', steps: [cpu(30), io(20), cpu(30)], count: 5 },
      { name: 'b', steps: [native(40)], argsBytes: 1_000_000, startAtMs: 15, everyMs: 7, count: 3 },
    ]);
    expect(simulate(s, 'subinterpreters')).toEqual(simulate(s, 'subinterpreters'));
  });

  it('dispatches a task that arrives later when it arrives', () => {
    const s = scenario([{ name: 'late', steps: [cpu(10)], startAtMs: 50 }]);
    const t = simulate(s, 'subinterpreters');
    expect(t.tasks[0].arrivalMs).toBe(50);
    expect(t.tasks[0].startMs).toBeCloseTo(50 + SUBMIT + PARENT + CHILD + CREATE, 9);
  });
});

describe('subinterpreters: coordination as between processes', () => {
  it('a lock keeps every update; without it updates are lost, as under processes', () => {
    const steps = (locked: boolean) => [
      ...(locked ? [{ kind: 'acquire' as const, durationMs: 0, sync: 'L' }] : []),
      { kind: 'read' as const, durationMs: 0.01, var: 'x' },
      cpu(1),
      { kind: 'write' as const, durationMs: 0, var: 'x' },
      ...(locked ? [{ kind: 'release' as const, durationMs: 0, sync: 'L' }] : []),
    ];
    const make = (locked: boolean) =>
      parseScenario(
        {
          id: 'test',
          title: 'test',
          machine: { cores: 2 },
          tasks: [{ name: 'w', steps: steps(locked), count: 4 }],
          sync: { L: { type: 'lock' } },
          shared: { x: 0 },
        },
        'test.json',
      );
    expect(simulate(make(true), 'subinterpreters').metrics.shared.x.final).toBe(4);
    const bare = simulate(make(false), 'subinterpreters').metrics.shared.x;
    expect(bare.lostUpdates).toBeGreaterThan(0);
    expect(bare.final).toBe(simulate(make(false), 'processes').metrics.shared.x.final);
  });
});
