/**
 * The coordination and serving scenarios of content/scenarios run under every model, and show what
 * their descriptions say they show.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { loadScenario } from './test/load';
import { MODEL_IDS } from './types';

const ids = readdirSync('content/scenarios')
  .filter((f) => /^(coord|serve)-.*\.json$/.test(f))
  .map((f) => f.replace(/\.json$/, ''));

describe('coordination scenarios', () => {
  it('there are the coordination and serving scenarios', () => {
    expect(ids.length).toBeGreaterThanOrEqual(17);
  });

  it.each(ids)('%s runs under every model', (id) => {
    const s = loadScenario(id);
    expect(s.id).toBe(id);
    for (const m of MODEL_IDS) {
      const t = simulate(s, m);
      expect(t.makespanMs, m).toBeGreaterThan(0);
      expect(
        t.tasks.every((r) => r.endMs >= r.startMs && r.startMs >= r.arrivalMs - 1e-9),
        m,
      ).toBe(true);
    }
  });

  it('the lost update: threads and free-threading lose updates, a lock and asyncio do not', () => {
    const bare = loadScenario('coord-lost-update');
    expect(simulate(bare, 'threads').metrics.shared.x.lostUpdates).toBeGreaterThan(0);
    expect(simulate(bare, 'free-threading').metrics.shared.x.final).toBeLessThan(100);
    expect(simulate(bare, 'asyncio').metrics.shared.x.final).toBe(100);
    const locked = loadScenario('coord-lost-update-lock');
    for (const m of MODEL_IDS)
      expect(simulate(locked, m).metrics.shared.x, m).toMatchObject({ final: 100, lostUpdates: 0 });
    const two = simulate(loadScenario('thr-lost-update'), 'threads').metrics.shared.x;
    expect(two).toEqual({ final: 1, writes: 2, lostUpdates: 1 });
  });

  it('a tight loop keeps the lock on one thread; I/O between hands it over every time', () => {
    const tight = simulate(loadScenario('coord-lock-tight-loop'), 'threads').metrics.sync.L;
    expect(tight.longestRun).toBe(40);
    expect(simulate(loadScenario('coord-lock-io'), 'threads').metrics.sync.L.longestRun).toBe(1);
  });

  it('the bounded queue never holds more than two items', () => {
    for (const m of ['asyncio', 'threads', 'processes'] as const) {
      expect(simulate(loadScenario('coord-bounded-queue'), m).metrics.sync.q.maxDepth, m).toBe(2);
    }
  });

  it('a semaphore of 20 over 1000 downloads of 200 ms takes about 10 s', () => {
    const t = simulate(loadScenario('coord-semaphore-1000'), 'asyncio');
    expect(t.makespanMs).toBeGreaterThan(10_000);
    expect(t.makespanMs).toBeLessThan(10_500);
  });

  it('opposite lock order deadlocks under threads and asyncio; a lock order or timeouts do not', () => {
    for (const m of ['threads', 'asyncio', 'free-threading'] as const) {
      expect(simulate(loadScenario('coord-deadlock'), m).metrics.deadlock?.cycle, m).toBe(
        'A holds L1 and waits for L2; B holds L2 and waits for L1',
      );
      expect(simulate(loadScenario('coord-deadlock-ordered'), m).metrics.deadlock, m).toBeNull();
      const timed = simulate(loadScenario('coord-deadlock-timeout'), m);
      expect(timed.metrics.deadlock, m).toBeNull();
      expect(timed.metrics.sync.L1.timeouts! + timed.metrics.sync.L2.timeouts!, m).toBeGreaterThan(0);
    }
  });

  it('requests that need more Python than one GIL: latency grows under the GIL, not with free-threading', () => {
    const s = loadScenario('serve-saturation');
    const gil = simulate(s, 'threads').metrics.latency.p95Ms;
    expect(gil).toBeGreaterThan(2 * simulate(s, 'free-threading').metrics.latency.p95Ms);
    expect(gil).toBeGreaterThan(2 * simulate(s, 'processes').metrics.latency.p95Ms);
  });

  it('a Pool of two whose workers wait on I/O falls far behind threads', () => {
    const s = loadScenario('serve-process-pool-io');
    expect(simulate(s, 'processes').metrics.latency.p50Ms).toBeGreaterThan(
      5 * simulate(s, 'threads').metrics.latency.p50Ms,
    );
  });
});
