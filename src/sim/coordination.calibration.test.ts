/**
 * The coordination scenarios against the measurements in cpython-3.11-linux-2core-coordination.md
 * (CPython 3.11.7, Linux, 2 cores). Each test says how close the simulated figure must be; the figures
 * come from the mechanisms (locks, wake-ups, the GIL, the loop), not from constants fitted to them.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { loadScenario } from './test/load';
import type { Trace } from './types';

/** |simulated / measured - 1| */
const off = (simulated: number, measured: number) => Math.abs(simulated / measured - 1);

/** When each task got the primitive: the end of its wait-lock span, or its start if it never waited. */
function acquiredAt(trace: Trace): number[] {
  return trace.tasks
    .map((r, t) => {
      const lane = trace.lanes.findIndex((l) => l.kind === 'task' && l.task === t);
      const wait = trace.spans.find((s) => s.lane === lane && s.state === 'wait-lock');
      return wait ? wait.endMs : r.startMs;
    })
    .sort((a, b) => a - b);
}

describe('coordination calibration', () => {
  it('a lock with I/O between, 4 threads × 40: 0.168 s and 159 hand-offs of 160 (within 3 %, hand-offs exact)', () => {
    const t = simulate(loadScenario('coord-lock-io'), 'threads');
    expect(off(t.makespanMs, 168)).toBeLessThan(0.03);
    expect(t.metrics.sync.L.acquisitions).toBe(160);
    expect(t.metrics.sync.L.handoffs).toBe(159);
  });

  it('asyncio.Semaphore(3) over ten 1 s sleeps: 4.010 s (within 1 %), acquisitions within 10 ms of the measured times', () => {
    const t = simulate(loadScenario('coord-semaphore-three'), 'asyncio', { trace: 'full' });
    expect(off(t.makespanMs, 4010)).toBeLessThan(0.01);
    const measured = [0, 0, 0, 1005, 1005, 1005, 2007, 2007, 2007, 3008];
    acquiredAt(t).forEach((ms, i) => expect(Math.abs(ms - measured[i])).toBeLessThan(10));
  });

  it('ThreadPoolExecutor(4) over twelve 0.5 s sleeps: 1.506 s (within 1 %)', () => {
    const t = simulate(loadScenario('serve-thread-pool-size'), 'threads');
    expect(off(t.makespanMs, 1506)).toBeLessThan(0.01);
  });

  it('hashlib on 64 MiB × 4: 0.153 s sequential (within 3 %), 0.083 s on four threads (within 10 %)', () => {
    const s = loadScenario('serve-native-hashlib');
    expect(off(simulate(s, 'sequential').makespanMs, 153)).toBeLessThan(0.03);
    expect(off(simulate(s, 'threads').makespanMs, 83)).toBeLessThan(0.1);
  });

  it('a server, 50 requests every 20 ms, thread per request: wall time 1.053–1.063 s (within 1 %), p50 in the measured 70–90 ms', () => {
    const t = simulate(loadScenario('serve-every-20ms'), 'threads');
    expect(t.makespanMs).toBeGreaterThan(1053 * 0.99);
    expect(t.makespanMs).toBeLessThan(1063 * 1.01);
    expect(t.metrics.latency.p50Ms).toBeGreaterThanOrEqual(70);
    expect(t.metrics.latency.p50Ms).toBeLessThanOrEqual(90);
    // measured p95 75–131 ms, max 75–188 ms: the model's threads come back from I/O in a steadier order
    expect(t.metrics.latency.p95Ms).toBeGreaterThan(70);
  });

  it('the same server under asyncio: wall time 1.054 s (within 1 %); p50 between the 63.8 ms of work and the measured 77 ms', () => {
    const t = simulate(loadScenario('serve-every-20ms'), 'asyncio');
    expect(off(t.makespanMs, 1054)).toBeLessThan(0.01);
    // Late timers explain part of the measured 13 ms above the work; the model reproduces only part of it
    // (its p50 is 63.8 ms, its p95 73.8 ms against the measured 78 ms).
    expect(t.metrics.latency.p50Ms).toBeGreaterThanOrEqual(63.8);
    expect(t.metrics.latency.p50Ms).toBeLessThanOrEqual(77);
    expect(off(t.metrics.latency.p95Ms, 78)).toBeLessThan(0.1);
    expect(off(t.metrics.latency.maxMs, 78.5)).toBeLessThan(0.1);
  });
});
