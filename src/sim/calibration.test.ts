/**
 * The engine's mechanisms, composed, reproduce the calibration table (cpython-3.11-linux-2core.md).
 * Each figure is the sum of several constants and mechanisms, so these check the composition.
 */
import { describe, expect, it } from 'vitest';
import { FORKSERVER } from './defaults';
import { simulate } from './simulate';
import { cpu, io, scenario } from './test/helpers';

const ASYNCIO_START = 0.45 + 0.0069 + 0.0025; // asyncio.run, one Task, its first resume

describe('simulate reproduces the calibration figures', () => {
  it('Thread start + join 84 µs, start() → target 53 µs', () => {
    const t = simulate(scenario([{ name: 'a', steps: [io(0)] }]), 'threads');
    expect(t.makespanMs).toBeCloseTo(0.084, 9);
    expect(t.tasks[0].endMs).toBeCloseTo(0.053, 9);
  });

  it.each([
    ['fork', 2.45, 1.7],
    ['spawn', 113.02, 88.02],
  ] as const)('Process start + join with %s: %f ms (start() → target %f ms)', (method, total, toTarget) => {
    // spawn adds two 10 µs message costs (the Process object is pickled and unpickled)
    const t = simulate(scenario([{ name: 'a', steps: [io(0)] }], 2, { startMethod: method }), 'processes');
    expect(t.makespanMs).toBeCloseTo(total, 9);
    expect(t.tasks[0].endMs).toBeCloseTo(toTarget, 9);
  });

  it('Process start + join with forkserver: 52 ms per child once the server runs', () => {
    // The measurement started a warm-up child first, so the server's own start is not in the 52 ms.
    const t = simulate(scenario([{ name: 'a', steps: [io(0)] }], 2, { startMethod: 'forkserver' }), 'processes');
    expect(t.makespanMs - FORKSERVER.onceNs / 1e6).toBeCloseTo(52.02, 9);
  });

  it('multiprocessing.Pool(2), constructor → first result 5.3 ms', () => {
    const t = simulate(scenario([{ name: 'a', steps: [cpu(0)] }], 2, { poolSize: 2 }), 'processes');
    expect(t.tasks[0].endMs).toBeCloseTo(5.3, 9);
  });

  it.each([
    [2, 'fork', 3.8],
    [4, 'fork', 6.6],
    [2, 'spawn', 102],
  ] as const)('ProcessPoolExecutor(%i) with %s, constructor → first result ≈ %f ms', (size, method, ms) => {
    const s = scenario([{ name: 'a', steps: [cpu(0, { offload: 'process' })] }], 4, {
      processPoolSize: size,
      startMethod: method,
    });
    const t = simulate(s, 'asyncio');
    // measured from the submit (after the task's first resume) to the task resuming with the result;
    // includes 4 × 10 µs of small-message pickling (the parent's 10 µs overlaps a spawned worker's boot)
    expect(t.tasks[0].endMs - ASYNCIO_START - 0.0025).toBeCloseTo(ms, 1);
  });

  it('asyncio.run of a trivial coroutine ≈ 0.45 ms; await asyncio.sleep(0) 2.5 µs', () => {
    expect(simulate(scenario([{ name: 'a', steps: [io(0)] }]), 'asyncio').makespanMs).toBeCloseTo(
      ASYNCIO_START + 0.0025 + 0.0025,
      9,
    );
    const sleeps = simulate(scenario([{ name: 'a', steps: [io(0), io(0), io(0), io(0), io(0)] }]), 'asyncio');
    const one = simulate(scenario([{ name: 'a', steps: [io(0)] }]), 'asyncio');
    expect((sleeps.makespanMs - one.makespanMs) / 4).toBeCloseTo(0.0025, 9);
  });

  it('10 MB through a pipe, pickled: dumps 5.9 + transfer 4.7 + loads 6.4 ms', () => {
    const mk = (bytes: number) =>
      simulate(scenario([{ name: 'x', resultBytes: bytes, steps: [cpu(1)] }], 2, { poolSize: 1 }), 'processes');
    expect(mk(10_000_000).makespanMs - mk(0).makespanMs).toBeCloseTo(5.9 + 4.7 + 6.4, 6);
  });

  it('two CPU-bound threads: ≈194 GIL hand-offs per second at the default interval', () => {
    const s = scenario([
      { name: 'a', steps: [cpu(5000)] },
      { name: 'b', steps: [cpu(5000)] },
    ]);
    const perSecond = simulate(s, 'threads').metrics.gilSwitches / 10;
    expect(perSecond).toBeGreaterThan(185);
    expect(perSecond).toBeLessThan(200);
  });
});
