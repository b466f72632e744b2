import { describe, expect, it } from 'vitest';
import { parseChromeTrace } from './viztracer';

describe('parseChromeTrace', () => {
  it('turns complete and begin/end events into one lane per thread, nested calls merged', () => {
    const trace = parseChromeTrace(
      {
        traceEvents: [
          { ph: 'M', name: 'thread_name', pid: 7, tid: 1, args: { name: 'MainThread' } },
          { ph: 'X', name: 'main', pid: 7, tid: 1, ts: 1000, dur: 5000 },
          { ph: 'X', name: 'inner', pid: 7, tid: 1, ts: 2000, dur: 1000 },
          { ph: 'X', name: 'later', pid: 7, tid: 1, ts: 8000, dur: 1000 },
          { ph: 'B', name: 'work', pid: 7, tid: 2, ts: 1500 },
          { ph: 'E', name: 'work', pid: 7, tid: 2, ts: 4500 },
          { ph: 'i', name: 'instant', pid: 7, tid: 2, ts: 4600 },
        ],
        viztracer_metadata: { version: '1.0' },
      },
      'trace.json',
    );
    expect(trace.label).toBe('VizTracer trace · 2 threads');
    expect(trace.lanes.map((l) => l.label)).toEqual(['MainThread', 'thread 2 (pid 7)']);
    expect(trace.spans.map((s) => [s.lane, s.startMs, s.endMs])).toEqual([
      [0, 0, 5],
      [0, 7, 8],
      [1, 0.5, 3.5],
    ]);
    expect(trace.makespanMs).toBe(8);
  });

  it('names the file and the event in its errors', () => {
    expect(() => parseChromeTrace({ traceEvents: 3 }, 't.json')).toThrow(
      't.json: traceEvents must be an array of trace events',
    );
    expect(() => parseChromeTrace({ traceEvents: [{ ph: 'X', ts: 'soon' }] }, 't.json')).toThrow(
      't.json: traceEvents[0].ts must be a number',
    );
    expect(() => parseChromeTrace([{ ph: 'X', ts: 1, dur: -2 }], 't.json')).toThrow(
      't.json: [0].dur must be a number ≥ 0',
    );
    expect(() => parseChromeTrace({ traceEvents: [{ ph: 'M', name: 'thread_name' }] }, 't.json')).toThrow(
      't.json: traceEvents has no duration events',
    );
  });
});
