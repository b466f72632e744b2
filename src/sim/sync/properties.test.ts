/**
 * Property tests on random coordination scenarios under every model, with the real simulator:
 * every acquisition is released or times out, a queue's depth stays within 0..maxsize, and a deadlock
 * is reported exactly when the run stops with unfinished tasks, all of them blocked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { simulate } from '../simulate';
import type { Scenario, Trace } from '../types';
import { MODEL_IDS } from '../types';

type Raw = Record<string, unknown>;
const plain = fc.oneof(
  fc.integer({ min: 0, max: 8 }).map((d): Raw => ({ kind: 'cpu', durationMs: d })),
  fc.integer({ min: 0, max: 8 }).map((d): Raw => ({ kind: 'io', durationMs: d })),
);
const lockName = fc.constantFrom('L1', 'L2', 'S');
const block: fc.Arbitrary<Raw[]> = fc.oneof(
  fc.array(plain, { minLength: 1, maxLength: 2 }),
  fc
    .record({
      outer: lockName,
      inner: fc.option(lockName, { nil: undefined }),
      timeout: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      body: plain,
    })
    .map(({ outer, inner, timeout, body }) => {
      const acq = (s: string): Raw =>
        timeout === undefined ? { kind: 'acquire', sync: s } : { kind: 'acquire', sync: s, timeoutMs: timeout };
      const mid: Raw[] = inner && inner !== outer ? [acq(inner), body, { kind: 'release', sync: inner }] : [body];
      return [acq(outer), ...mid, { kind: 'release', sync: outer }];
    }),
  fc.constantFrom<Raw[]>([{ kind: 'put', sync: 'q' }], [{ kind: 'get', sync: 'q' }]),
  fc.constantFrom<Raw[]>([{ kind: 'set', sync: 'e' }], [{ kind: 'wait', sync: 'e' }], [{ kind: 'clear', sync: 'e' }]),
  fc.constant<Raw[]>([
    { kind: 'read', var: 'x' },
    { kind: 'cpu', durationMs: 3 },
    { kind: 'write', var: 'x' },
  ]),
);
const taskArb = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
  count: fc.integer({ min: 1, max: 2 }),
  repeat: fc.integer({ min: 1, max: 3 }),
  startAtMs: fc.constantFrom(0, 0, 3, 10),
});
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    tasks: fc.array(taskArb, { minLength: 1, maxLength: 4 }),
    cores: fc.integer({ min: 1, max: 3 }),
    maxsize: fc.integer({ min: 0, max: 2 }),
    value: fc.integer({ min: 1, max: 3 }),
    pool: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map(({ tasks, cores, maxsize, value, pool }) =>
    parseScenario(
      {
        id: 'prop',
        title: 'prop',
        machine: { cores },
        settings: pool === undefined ? {} : { poolSize: pool },
        sync: {
          L1: { type: 'lock' },
          L2: { type: 'lock' },
          S: { type: 'semaphore', value },
          q: { type: 'queue', maxsize },
          e: { type: 'event' },
        },
        shared: { x: 0 },
        tasks: tasks.map((t, i) => ({
          name: `t${i}`,
          count: t.count,
          startAtMs: t.startAtMs,
          steps: [{ repeat: t.repeat, steps: t.blocks.flat() }],
        })),
      },
      'prop.json',
    ),
  );

const modelArb = fc.constantFrom(...MODEL_IDS);

function acquireSteps(s: Scenario, name: string): number {
  let n = 0;
  for (const t of s.tasks) for (const st of t.steps) if (st.kind === 'acquire' && st.sync === name) n += t.count ?? 1;
  return n;
}

const WAITS = new Set(['wait-lock', 'wait-queue', 'wait-event', 'wait-join', 'wait-barrier']);
const lastSpan = (trace: Trace, task: number) => {
  const lane = trace.lanes.findIndex((l) => l.kind === 'task' && l.task === task);
  const spans = trace.spans.filter((s) => s.lane === lane);
  return spans[spans.length - 1];
};

describe('coordination invariants on random scenarios', () => {
  it('every acquisition is released or times out (when the run does not deadlock)', () => {
    fc.assert(
      fc.property(scenarioArb, modelArb, (s, m) => {
        const t = simulate(s, m);
        if (t.metrics.deadlock !== null) return;
        for (const name of ['L1', 'L2', 'S']) {
          const k = t.metrics.sync[name];
          expect(k.acquisitions).toBe(k.releases);
          expect(k.acquisitions! + k.timeouts!).toBe(acquireSteps(s, name));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('a queue never holds fewer than 0 or more than maxsize items', () => {
    fc.assert(
      fc.property(scenarioArb, modelArb, (s, m) => {
        const t = simulate(s, m, { trace: 'full' });
        const max = s.sync!.q.type === 'queue' ? s.sync!.q.maxsize : 0;
        for (const e of t.events) {
          if (e.kind !== 'queue-depth') continue;
          expect(e.depth).toBeGreaterThanOrEqual(0);
          if (max > 0) expect(e.depth).toBeLessThanOrEqual(max);
        }
        const q = t.metrics.sync.q;
        expect(q.gets).toBeLessThanOrEqual(q.puts!);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('a deadlock is reported exactly when the run stops with unfinished tasks, every one of them blocked', () => {
    fc.assert(
      fc.property(scenarioArb, modelArb, (s, m) => {
        const t = simulate(s, m, { trace: 'full' });
        const unfinished = t.tasks.flatMap((r, i) => (r.unfinished ? [i] : []));
        expect(t.metrics.deadlock !== null).toBe(unfinished.length > 0);
        if (t.metrics.deadlock === null) return;
        const d = t.metrics.deadlock;
        expect(d.atMs).toBeCloseTo(t.makespanMs, 9);
        expect(d.cycle.length).toBeGreaterThan(0);
        for (const name of d.tasks) {
          const i = t.tasks.findIndex((r) => r.name === name);
          expect(unfinished).toContain(i);
          // Blocked until the end: its last span (none if it blocked at the very moment of the deadlock) is a wait.
          const span = lastSpan(t, i);
          if (span !== undefined) {
            expect(span.endMs).toBeLessThanOrEqual(t.makespanMs + 1e-9);
            // a wait that lasts to the end, or a wait that began at the very moment of the deadlock (zero long)
            if (!WAITS.has(span.state)) expect(span.endMs).toBeCloseTo(d.atMs, 9);
          }
        }
        // The unfinished tasks not listed never got to run any further: nothing of theirs is active at the end.
        for (const i of unfinished) {
          if (d.tasks.includes(t.tasks[i].name)) continue;
          const span = lastSpan(t, i);
          if (span)
            expect(['running', 'native', 'io', 'blocking', 'wait-gil', 'wait-core']).not.toContain(
              span.endMs >= t.makespanMs - 1e-9 ? span.state : 'none',
            );
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
