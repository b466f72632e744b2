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

  it('a lock in a tight loop, 4 threads × 40: 0.171 s (within 3 %) and 3 hand-offs, as CPython gives with the cores to itself', () => {
    // Not in the calibration file: the article's program run on a 2-core VM under `chrt -f 10` (FIFO
    // scheduling keeps other programs and wake-up preemption out) gave 0.171–0.173 s and 3 hand-offs in four
    // runs of five (4 in one). Under the default scheduler on a loaded machine it gave 49–109 hand-offs: the
    // OS running the woken waiter first, which the simulator, alone on its cores, does not model.
    const t = simulate(loadScenario('coord-lock-tight-loop'), 'threads');
    expect(off(t.makespanMs, 171)).toBeLessThan(0.03);
    expect(t.metrics.sync.L.handoffs).toBe(3);
    expect(t.metrics.sync.L.longestRun).toBe(40);
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
    // With the parts at their solo times (8.6 + 50 ms) a request's timer falls due 58.6 ms after it
    // started, just before the request of 60 ms later arrives: every other request is handled late
    // (p50 65.6 ms, p95 74.7 ms). The measured 77 ms for nearly all is that late case with the parts
    // running ~20 % slower than alone (see the next test).
    expect(t.metrics.latency.p50Ms).toBeGreaterThanOrEqual(63.8);
    expect(t.metrics.latency.p50Ms).toBeLessThanOrEqual(77);
    expect(off(t.metrics.latency.p95Ms, 78)).toBeLessThan(0.1);
    expect(off(t.metrics.latency.maxMs, 78.5)).toBeLessThan(0.1);
  });

  it('asyncio: once parse + 50 ms passes three arrival periods, every timer falls due behind a later request', () => {
    // Request k's timer is due parse + 50 ms after it started; request k+3 arrives 60 ms after k. Past
    // 60 ms, k+3's parse is already running, so k renders after it: latency = 60 + parse + render plus the
    // loop's wake-up for the arrival (epoll_wait's timeout rounded up to whole ms).
    const s = loadScenario('serve-every-20ms');
    const lat = (parseMs: number, renderMs: number) => {
      const v = structuredClone(s);
      const [parse, , render] = v.tasks[0].steps as { durationMs: number }[];
      parse.durationMs = parseMs;
      render.durationMs = renderMs;
      return simulate(v, 'asyncio').metrics.latency;
    };
    const slow = lat(10.3, 6.2);
    expect(slow.p50Ms).toBeGreaterThan(60 + 16.5);
    expect(slow.maxMs).toBeLessThan(60 + 16.5 + 1);
    expect(slow.maxMs - slow.p50Ms).toBeLessThan(1);
    // Below 60 ms the late ones alternate with ones that ran on time.
    const solo = lat(8.6, 5.2);
    expect(solo.p50Ms).toBeLessThan(70);
    expect(solo.maxMs).toBeGreaterThan(60 + 13.8);
  });
});
