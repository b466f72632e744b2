import { describe, expect, it } from 'vitest';
import { eventChunksOf, releaseChunks, spanChunksOf } from '../sim/engine/traceColumns';
import { simulate } from '../sim/simulate';
import type { Scenario } from '../sim/types';
import { packTrace, packTraceDirect, unpackTrace } from './traceTransfer';

// Enough tasks that the trace keeps its spans and events in the simulator's buffers until read.
const busy: Scenario = {
  id: 'busy',
  title: 'queue and lock',
  machine: { cores: 2 },
  sync: { q: { type: 'queue', maxsize: 2 }, l: { type: 'lock' } },
  tasks: [
    {
      name: 'put',
      count: 300,
      steps: [
        { kind: 'put', sync: 'q' },
        { kind: 'cpu', durationMs: 0.5 },
        { kind: 'io', durationMs: 3 },
      ],
    },
    {
      name: 'get',
      count: 300,
      steps: [
        { kind: 'get', sync: 'q' },
        { kind: 'acquire', sync: 'l' },
        { kind: 'cpu', durationMs: 0.7 },
        { kind: 'release', sync: 'l' },
      ],
    },
  ],
} as Scenario;

describe('packing from the simulator buffers', () => {
  for (const model of ['asyncio', 'threads', 'processes'] as const) {
    it(`gives the columns packing the objects gives (${model})`, () => {
      const trace = simulate(busy, model);
      expect(spanChunksOf(trace)).not.toBeNull();
      expect(eventChunksOf(trace)).not.toBeNull();
      const direct = packTraceDirect(trace);
      // The optional fields come from the waits' and the coordination events' side tables.
      expect(direct.spans.keys).toEqual(expect.arrayContaining(['sync', 'detail']));
      expect(direct.events.keys).toEqual(expect.arrayContaining(['fromTask', 'sync', 'depth']));
      // Reading the objects afterwards still works: packing from the buffers did not give them back.
      const fromObjects = packTrace(trace);
      expect(direct).toStrictEqual(fromObjects);
      expect(spanChunksOf(trace)).toBeNull();
      expect(unpackTrace(structuredClone(direct))).toStrictEqual(trace);
    });
  }

  it('packs a small trace (built at once) from its objects', () => {
    const small = { ...busy, tasks: busy.tasks.map((t) => ({ ...t, count: 2 })) } as Scenario;
    const trace = simulate(small, 'threads');
    expect(spanChunksOf(trace)).toBeNull();
    expect(packTraceDirect(trace)).toStrictEqual(packTrace(trace));
  });

  it('gives the chunks back once packed (releaseChunks): later simulations are the same', () => {
    const first = simulate(busy, 'threads');
    const fromObjects = packTrace(simulate(busy, 'threads'));
    const direct = packTraceDirect(first);
    releaseChunks(first);
    expect(spanChunksOf(first)).toBeNull();
    expect(eventChunksOf(first)).toBeNull();
    // The spans and events were never built: they cannot be read now.
    expect(() => first.spans).toThrow(/given back/);
    expect(() => first.events).toThrow(/given back/);
    expect(direct).toStrictEqual(fromObjects);
    // The next simulation records into the chunks given back, and gives the same trace.
    const again = simulate(busy, 'threads');
    expect(packTraceDirect(again)).toStrictEqual(fromObjects);
    releaseChunks(again);
    // Twice, or for a trace built at once, does nothing.
    releaseChunks(again);
    const built = simulate(busy, 'asyncio');
    void built.spans;
    void built.events;
    releaseChunks(built);
    expect(built.spans.length).toBeGreaterThan(0);
  });
});
