import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/parse';
import { simulate } from '../sim';
import { MODEL_LABELS } from '../sim/labels';
import { chromeTrace } from './exportTrace';

const scenario = parseScenario(
  {
    id: 'x',
    title: 'X',
    machine: { cores: 2 },
    tasks: [
      { name: 'calc', steps: [{ kind: 'cpu', durationMs: 30 }] },
      {
        name: 'd',
        count: 3,
        steps: [
          { kind: 'io', durationMs: 10, label: 'get' },
          { kind: 'cpu', durationMs: 2 },
        ],
      },
    ],
  },
  'x',
);

describe('Chrome Trace Event export', () => {
  const traces = (['sequential', 'threads', 'processes'] as const).map((m) => simulate(scenario, m));
  const trace = chromeTrace(traces, MODEL_LABELS);

  it('has one complete event per span, in microseconds, on its model’s process and lane’s thread', () => {
    const complete = trace.traceEvents.filter((e) => e.ph === 'X');
    expect(complete).toHaveLength(traces.reduce((n, t) => n + t.spans.length, 0));
    const first = traces[1].spans[0];
    const mine = complete.filter((e) => e.pid === 2 && e.tid === first.lane + 1);
    expect(mine[0].ts).toBeCloseTo(first.startMs * 1000, 3);
    expect(mine[0].dur).toBeCloseTo((first.endMs - first.startMs) * 1000, 3);
    for (const e of complete) expect(e.dur).toBeGreaterThanOrEqual(0);
  });

  it('names processes after models and threads after lanes (metadata events)', () => {
    const meta = trace.traceEvents.filter((e) => e.ph === 'M');
    expect(meta.filter((e) => e.name === 'process_name').map((e) => e.args?.name)).toEqual([
      'Sequential',
      'Threads (GIL)',
      'Processes',
    ]);
    const threadNames = meta.filter((e) => e.name === 'thread_name' && e.pid === 1).map((e) => e.args?.name);
    expect(threadNames).toEqual(traces[0].lanes.map((l) => l.label));
  });

  it('is JSON that survives a round trip, with the task and step on each span', () => {
    const back = JSON.parse(JSON.stringify(trace));
    expect(back.displayTimeUnit).toBe('ms');
    const withTask = back.traceEvents.find(
      (e: { ph: string; args?: { task?: string } }) => e.ph === 'X' && e.args?.task === 'd-2',
    );
    expect(withTask.args.step).toBeGreaterThanOrEqual(1);
  });

  it('keeps names with control characters exactly, as JSON escapes', () => {
    const name = 'a\u001b[31m\u0000\ud800';
    const ctl = parseScenario(
      { id: 'c', title: 'C', machine: { cores: 1 }, tasks: [{ name, steps: [{ kind: 'cpu', durationMs: 1 }] }] },
      'c',
    );
    const json = JSON.stringify(chromeTrace([simulate(ctl, 'threads')], MODEL_LABELS));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\u0000-\u001f]/);
    const back = JSON.parse(json);
    expect(back.traceEvents.some((e: { args?: { name?: string } }) => e.args?.name === name)).toBe(true);
    expect(back.traceEvents.some((e: { ph: string; args?: { task?: string } }) => e.args?.task === name)).toBe(true);
  });
});
