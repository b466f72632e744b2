import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import type { Lane, Scenario, TaskResult, Trace, TraceEvent } from '../sim/types';
import { textAt, textColumn, textValues } from './columns';
import { packTrace, transferables, unpackTrace } from './traceTransfer';

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

  it('keeps every optional field of events, lanes and task results, and -0, NaN and fractions', () => {
    const trace = simulate(queued, 'threads');
    const events: TraceEvent[] = [
      { timeMs: 0, kind: 'shared-write', task: 0, lane: 0, var: 'x', value: -0, lost: false },
      { timeMs: 0.5, kind: 'shared-write', task: 1, lane: 1, var: 'y', value: 2.5, lost: true },
      { timeMs: 1, kind: 'timer-late', task: 1, lane: 1, lateMs: Number.NaN },
      { timeMs: 2, kind: 'deadlock', task: -1, lane: -1, text: 'A waits for B' },
      { timeMs: 3, kind: 'queue-depth', task: 0, lane: 0, sync: 'q', depth: 1 },
    ];
    const lanes: Lane[] = [...trace.lanes, { id: 'extra', kind: 'loop', label: 'loop 2' }];
    const tasks: TaskResult[] = trace.tasks.map((t, i) => (i === 0 ? { ...t, unfinished: true } : t));
    const odd: Trace = { ...trace, events, lanes, tasks };
    const packed = packTrace(odd);
    for (const rec of [packed.events, packed.lanes, packed.tasks])
      expect(rec.cols.every((c) => c.t !== 'any')).toBe(true);
    const back = unpackTrace(structuredClone(packed));
    expect(back).toStrictEqual(odd);
    expect(Object.is(back.events[0].value, -0)).toBe(true);
    expect('unfinished' in back.tasks[1]).toBe(false);
  });

  it('packs lanes and task results of another shape (a number where a string goes) the general way', () => {
    const trace = simulate(queued, 'asyncio');
    const odd = {
      ...trace,
      lanes: trace.lanes.map((l, i) => (i === 0 ? { ...l, label: 7 } : l)),
      tasks: trace.tasks.map((t, i) => (i === 0 ? { ...t, unfinished: 'yes' } : t)),
    } as unknown as Trace;
    expect(roundTrip(odd)).toStrictEqual(odd);
  });

  it('sends lane ids, labels and task names as one string and their ends, and gives the same strings back', () => {
    const trace = simulate(queued, 'threads');
    const names = ['', 'a', '', 'é\u{1F600}', '\uD800', 'task-10', ''];
    const tasks: TaskResult[] = names.map((name, i) => ({ ...trace.tasks[0], name: name + (i === 6 ? 'z' : '') }));
    const lanes: Lane[] = [...trace.lanes, { id: '', kind: 'loop', label: '' }];
    const odd: Trace = { ...trace, lanes, tasks };
    const packed = packTrace(odd);
    const name = packed.tasks.cols[packed.tasks.keys.indexOf('name')];
    if (name.t !== 'text') throw new Error('task names are not a text column');
    expect(name.ends).toBeInstanceOf(Int32Array);
    expect(textValues(name)).toEqual(tasks.map((t) => t.name));
    expect(tasks.map((_, i) => textAt(name, i))).toEqual(tasks.map((t) => t.name));
    // The ends cross in the transfer list, and the strings come back equal after the transfer.
    const buffers = transferables([packed]);
    expect(buffers).toContain(name.ends.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    const sent = structuredClone(packed, { transfer: buffers });
    expect(name.ends.byteLength).toBe(0);
    expect(unpackTrace(sent)).toStrictEqual(odd);
  });

  it('builds an empty text column', () => {
    const c = textColumn([]);
    expect(textValues(c)).toEqual([]);
    expect(c.chars).toBe('');
  });
});
