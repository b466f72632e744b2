import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { loadScenario } from '../sim/test/load';
import type { ModelId } from '../sim/types';
import { syncTracks, type Track } from './syncTracks';
import { hasArrivals, trackInput, wantsTracks } from './trackNeeds';
import { queueDepthSeries, queueTrack } from './queueTrack';
import { sharedTrack, sharedWrites } from './sharedTrack';
import { latencyReadout, latencyTrack } from './latencyTrack';
import { deadlockMark } from './deadlockMark';
import { describeMoment } from './narration';
import { indexTrace } from './traceIndex';
import { makeTrace } from './testing/traces';
import { formatTime } from './scale';

function run(id: string, model: ModelId = 'threads') {
  const scenario = loadScenario(id);
  return { scenario, trace: simulate(scenario, model) };
}

const full = (ms: number) => ({ startMs: 0, endMs: ms });

describe('queue depth track', () => {
  const { scenario, trace } = run('coord-bounded-queue');

  it('follows the queue-depth events and never leaves 0…maxsize', () => {
    const s = queueDepthSeries(trace, 'q');
    expect(s.t.length).toBeGreaterThan(20);
    expect(Math.min(...s.v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s.v)).toBe(2);
  });

  it('is labelled "queue q depth", draws the maxsize line and says how deep it got in the window', () => {
    const t = queueTrack(trace, 'q', 2, full(trace.makespanMs), 600);
    expect(t.label).toBe('queue q depth');
    expect(t.maxY).not.toBeNull();
    expect(t.peak).toBe(2);
    expect(t.brief).toBe('max 2 of 2');
    expect(t.text).toMatch(/^queue q depth: at most 2 of maxsize 2, full from 0 s to .*; 20 puts, 20 gets in the run$/);
    expect(t.path.startsWith('M0 ')).toBe(true);
  });

  it('honours the window: before the first put the queue is empty', () => {
    const first = queueDepthSeries(trace, 'q').t[0];
    const t = queueTrack(trace, 'q', 2, { startMs: 0, endMs: first * 0.9 }, 600);
    expect(t.peak).toBe(0);
    expect(t.path).toBe(`M0 ${t.height - 4}H600`);
  });

  it('comes from the scenario’s queues, one track per queue', () => {
    const bands = syncTracks([trace], trackInput(scenario), full(trace.makespanMs), 600);
    expect(bands[0].tracks.map((x: Track) => x.label)).toEqual(['queue q depth']);
    expect(bands[0].latency).toBeNull();
  });
});

describe('shared variable track', () => {
  const { scenario, trace } = run('thr-lost-update');

  it('finds the lost update and whose update it overwrote', () => {
    const writes = sharedWrites(trace, 'x');
    expect(writes.map((w) => [w.value, w.lost])).toEqual([
      [1, false],
      [1, true],
    ]);
    expect(writes[1].overwrote).toBe(0);
  });

  it('marks the lost update with words naming both tasks, and the final value against the expected one', () => {
    const t = sharedTrack(trace, 'x', 0, full(trace.makespanMs), 600);
    expect(t.lost).toHaveLength(1);
    expect(t.lost[0].text).toMatch(/^lost update: A wrote 1 to x at .* over the 1 B wrote at .*; B's update is lost$/);
    expect(t.final).toBe(1);
    expect(t.expected).toBe(2);
    expect(t.brief).toBe('1, expected 2');
    expect(t.text).toBe('shared x: 1 at the end, 2 expected (2 writes, 1 lost update)');
  });

  it('leaves out marks outside the window', () => {
    const writes = sharedWrites(trace, 'x');
    const t = sharedTrack(trace, 'x', 0, { startMs: 0, endMs: writes[1].timeMs - 1 }, 600);
    expect(t.lost).toHaveLength(0);
    expect(t.lostInView).toBe(0);
    expect(t.dots).not.toBe('');
  });

  it('with a lock nothing is lost (100 writes, 100 at the end)', () => {
    const locked = run('coord-lost-update-lock');
    const bands = syncTracks([locked.trace], trackInput(locked.scenario), full(locked.trace.makespanMs), 600);
    const x = bands[0].tracks.find((k) => k.kind === 'shared');
    expect(x?.kind === 'shared' && [x.final, x.expected, x.lostInView]).toEqual([100, 100, 0]);
  });

  it('one mark per pixel column at most, while lostInView counts all of them', () => {
    const bare = run('coord-lost-update');
    const t = sharedTrack(bare.trace, 'x', 0, full(bare.trace.makespanMs), 20);
    expect(t.lostInView).toBe(bare.trace.metrics.shared.x.lostUpdates);
    expect(t.lost.length).toBeLessThanOrEqual(21);
    expect(t.lost.length).toBeLessThan(t.lostInView);
    expect(trackInput(scenario).shared).toEqual({ x: 0 });
  });
});

describe('latency strip and readout', () => {
  const { scenario, trace } = run('serve-every-20ms');

  it('is drawn only for workloads whose tasks arrive', () => {
    expect(hasArrivals(scenario)).toBe(true);
    expect(hasArrivals(loadScenario('coord-bounded-queue'))).toBe(false);
  });

  it('plots each request at its arrival: the window holds the requests arriving in it', () => {
    const all = latencyTrack(trace, full(trace.makespanMs), 1000);
    expect(all.inView).toBe(trace.tasks.length);
    const part = latencyTrack(trace, { startMs: 0, endMs: 100 }, 1000);
    expect(part.inView).toBe(trace.tasks.filter((t) => t.arrivalMs <= 100).length);
    expect(part.dots.split('M').length - 1).toBe(part.inView);
  });

  it('reads out p50, p95, max and throughput from the metrics', () => {
    const r = latencyReadout(trace);
    expect(r.text).toMatch(/^latency p50 .* ms, p95 .* ms, max .* ms; throughput \d+\.\d tasks\/s$/);
    const bands = syncTracks([trace], trackInput(scenario), full(trace.makespanMs), 600);
    expect(bands[0].latency?.p95).toBe(r.p95);
    expect(bands[0].tracks.map((x) => x.kind)).toEqual(['latency']);
  });
});

describe('deadlock mark', () => {
  const { scenario, trace } = run('coord-deadlock');

  it('sits at the deadlock on the axis and says the cycle in the simulator’s words', () => {
    const m = deadlockMark(trace, full(trace.makespanMs));
    expect(m?.cycle).toBe('A holds L1 and waits for L2; B holds L2 and waits for L1');
    expect(m?.sentence).toMatch(/^Deadlock at .*: A holds L1 and waits for L2; B holds L2 and waits for L1\.$/);
    expect(m?.xPct).toBe(100);
    expect(m?.inView).toBe(true);
    expect(deadlockMark(trace, { startMs: 0, endMs: trace.makespanMs / 2 })?.inView).toBe(false);
  });

  it('narration says it from that moment on', () => {
    const ix = indexTrace(trace);
    expect(describeMoment(ix, trace.metrics.deadlock!.atMs)).toBe(
      'deadlock: A holds L1 and waits for L2; B holds L2 and waits for L1',
    );
    expect(describeMoment(ix, trace.metrics.deadlock!.atMs / 2)).not.toMatch(/deadlock/);
  });

  it('a figure with a deadlock and no queue still wants its mark; one with nothing coordinated does not', () => {
    expect(wantsTracks([trace], trackInput(scenario))).toBe(true);
    const plain = makeTrace({ tasks: [{ name: 'A', spans: [['running', 0, 10]] }] });
    expect(wantsTracks([plain], trackInput(null))).toBe(false);
  });
});

describe('event log sentences for coordination', () => {
  it('say who woke whom, the depth, the lost write and the deadlock', async () => {
    const { describeEvent } = await import('./events');
    const q = run('coord-bounded-queue').trace;
    const texts = q.events.map((e) => describeEvent(q, e));
    expect(texts).toContain('queue q now holds 2 items');
    expect(texts.some((t) => /^consumer-\d wakes producer, waiting on q$/.test(t))).toBe(true);
    const lost = run('thr-lost-update').trace;
    expect(lost.events.map((e) => describeEvent(lost, e))).toContain('A writes 1 to x: a lost update');
    const dl = run('coord-deadlock').trace;
    expect(describeEvent(dl, dl.events[dl.events.length - 1])).toBe(
      'deadlock: A holds L1 and waits for L2; B holds L2 and waits for L1',
    );
  });
});

describe('latency scale across models', () => {
  it('is shared: the same height is the same latency in every band', () => {
    const scenario = loadScenario('serve-every-20ms');
    const traces = (['sequential', 'threads'] as const).map((m) => simulate(scenario, m));
    const bands = syncTracks(traces, trackInput(scenario), full(traces[0].makespanMs), 600);
    const [seq, thr] = bands.map((b) => b.tracks.find((t) => t.kind === 'latency'));
    expect(seq?.kind === 'latency' && thr?.kind === 'latency').toBe(true);
    if (seq?.kind !== 'latency' || thr?.kind !== 'latency') return;
    expect(seq.topMs).toBe(thr.topMs);
    expect(thr.brief).toBe(`longest ${formatTime(traces[1].metrics.latency.maxMs)}`);
    // Threads' p95 sits lower than sequential's on the shared scale.
    expect(thr.p95Y).toBeGreaterThan(seq.p95Y);
  });
});
