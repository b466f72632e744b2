import { describe, expect, it } from 'vitest';
import { deriveScenario } from './derive';
import { proc, recording, seg, sleepyThreads, thread } from './fixtures';
import { recordedTrace } from './trace';

describe('recordedTrace', () => {
  it('draws the recorded run with the derived tasks as task lanes and the threads as worker lanes', () => {
    const rec = sleepyThreads(100, 20);
    const trace = recordedTrace(rec, deriveScenario(rec));
    expect(trace.label).toBe('Recorded · Python 3.11.7 · 2 cores');
    expect(trace.model).toBe('threads');
    expect(trace.makespanMs).toBeCloseTo(rec.durationMs, 6);
    expect(trace.lanes.map((l) => `${l.kind}:${l.label}`)).toEqual([
      'task:a',
      'task:b',
      'main:MainThread',
      'thread:a',
      'thread:b',
    ]);
    const a = trace.spans.filter((s) => s.lane === 0).map((s) => s.state);
    expect(a).toEqual(['io', 'running']);
    // Sorted by lane, then start; every span half-open and non-empty.
    for (let i = 1; i < trace.spans.length; i++) {
      const p = trace.spans[i - 1];
      const s = trace.spans[i];
      expect(p.lane < s.lane || (p.lane === s.lane && p.startMs <= s.startMs)).toBe(true);
    }
    for (const s of trace.spans) expect(s.endMs).toBeGreaterThan(s.startMs);
    expect(trace.tasks.map((t) => t.name)).toEqual(['a', 'b']);
  });

  it('marks inferred GIL waits', () => {
    const rec = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 20, 'join')], true),
          thread(2, 'x', [seg(0, 5, 'run'), seg(5, 10, 'idle'), seg(10, 15, 'run')]),
          thread(3, 'y', [seg(0, 5, 'idle'), seg(5, 10, 'run'), seg(10, 15, 'idle'), seg(15, 20, 'run')]),
        ]),
      ],
      20,
    );
    const trace = recordedTrace(rec, deriveScenario(rec));
    expect(trace.spans.filter((s) => s.lane === 0).map((s) => s.state)).toEqual(['running', 'wait-gil', 'running']);
  });
});
