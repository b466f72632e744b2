import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import type { Scenario, Trace } from '../sim/types';
import { packTrace, unpackTrace } from './traceTransfer';

const queued: Scenario = {
  id: 'q',
  title: 'queue',
  machine: { cores: 2 },
  sync: { q: { type: 'queue', maxsize: 1 }, l: { type: 'lock' } },
  tasks: [
    {
      name: 'put',
      count: 2,
      steps: [
        { kind: 'put', sync: 'q' },
        { kind: 'cpu', durationMs: 2 },
      ],
    },
    {
      name: 'get',
      count: 2,
      steps: [
        { kind: 'get', sync: 'q' },
        { kind: 'acquire', sync: 'l' },
        { kind: 'cpu', durationMs: 3 },
        { kind: 'release', sync: 'l' },
      ],
    },
  ],
} as Scenario;

const roundTrip = (t: Trace) => unpackTrace(structuredClone(packTrace(t)));

describe('trace transfer by shape', () => {
  it('keeps the optional fields of spans and events (sync, holder, detail, depth) and leaves absent ones out', () => {
    for (const model of ['asyncio', 'threads'] as const) {
      const trace = simulate(queued, model);
      const back = roundTrip(trace);
      expect(back).toStrictEqual(trace);
      expect(back.spans.some((s) => s.sync !== undefined)).toBe(true);
      expect(back.events.some((e) => e.kind === 'queue-depth' && e.depth !== undefined)).toBe(true);
    }
  });

  it('packs records of another shape (a field missing, a fraction where indexes go) the general way', () => {
    const trace = simulate(queued, 'threads');
    const odd: Trace = {
      ...trace,
      spans: trace.spans.map((s, i) => (i === 0 ? { ...s, lane: 0.5 } : s)),
      events: trace.events.map((e, i) => {
        if (i !== 0) return e;
        const { task: _task, ...rest } = e;
        return rest as typeof e;
      }),
    };
    expect(roundTrip(odd)).toStrictEqual(odd);
  });
});
