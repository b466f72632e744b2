import { describe, expect, it } from 'vitest';
import { parseRecording, parseRecordingText, RecordingError } from './parse';
import { sleepyThreads } from './fixtures';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function error(data: unknown): string {
  try {
    parseRecording(data, 'run.json');
  } catch (e) {
    expect(e).toBeInstanceOf(RecordingError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('parseRecording', () => {
  it('accepts a recording and returns it', () => {
    const rec = sleepyThreads();
    expect(parseRecording(clone(rec), 'run.json')).toEqual(rec);
  });

  it('names the file and the field in every error', () => {
    expect(() => parseRecordingText('{', 'run.json')).toThrow(/^run\.json: is not valid JSON/);
    expect(error([])).toBe('run.json: must be a JSON object (a recording)');
    expect(error({ format: 'x', version: 1 })).toMatch(/^run\.json: format must be "interleave-recording"/);
    const v2 = { ...clone(sleepyThreads()), version: 2 };
    expect(error(v2)).toMatch(/^run\.json: version must be 1/);
    const missing = clone(sleepyThreads()) as unknown as Record<string, unknown>;
    delete missing.durationMs;
    expect(error(missing)).toBe('run.json: durationMs is required');
    const neg = clone(sleepyThreads());
    neg.processes[0].threads[1].segments[0].cpuMs = -1;
    expect(error(neg)).toBe('run.json: processes[0].threads[1].segments[0].cpuMs must be a number ≥ 0');
    const state = clone(sleepyThreads()) as unknown as {
      processes: { threads: { segments: { state: string }[] }[] }[];
    };
    state.processes[0].threads[2].segments[1].state = 'sleeping';
    expect(error(state)).toMatch(/^run\.json: processes\[0\]\.threads\[2\]\.segments\[1\]\.state must be one of/);
    const extra = clone(sleepyThreads()) as unknown as { processes: Record<string, unknown>[] };
    extra.processes[0].colour = 'red';
    expect(error(extra)).toBe('run.json: processes[0].colour is not a known field');
  });

  it('checks what the schema cannot: span order, repeated ids, references', () => {
    const back = clone(sleepyThreads());
    back.processes[0].threads[1].segments[1].endMs = 1;
    expect(error(back)).toBe('run.json: processes[0].threads[1].segments[1].endMs must not be before startMs');
    const overlap = clone(sleepyThreads());
    overlap.processes[0].threads[1].segments[1].startMs = 50;
    expect(error(overlap)).toBe(
      'run.json: processes[0].threads[1].segments[1].startMs must not be before the previous segment ends',
    );
    const twice = clone(sleepyThreads());
    twice.processes[0].threads[2].id = twice.processes[0].threads[1].id;
    expect(error(twice)).toBe('run.json: processes[0].threads[2].id repeats thread id 2');
    const due = clone(sleepyThreads());
    due.processes[0].tasks = [
      {
        id: 0,
        name: 'Task-1',
        thread: 1,
        parent: null,
        createdMs: 0,
        endMs: 10,
        resumptions: [{ startMs: 0, endMs: 1, cpuMs: 1 }],
        awaits: [{ startMs: 1, endMs: 10, label: 'sleep', dueMs: 12 }],
      },
    ];
    expect(error(due)).toBe('run.json: processes[0].tasks[0].awaits[0].dueMs must lie between startMs and endMs');
    due.processes[0].tasks[0].awaits[0].dueMs = 3;
    expect(() => parseRecording(due, 'run.json')).not.toThrow();
    const call = clone(sleepyThreads());
    call.processes[0].calls = [{ thread: 99, kind: 'thread-pool', name: 'f', startMs: 0, endMs: 1, cpuMs: 1 }];
    expect(error(call)).toBe('run.json: processes[0].calls[0].thread names thread 99, which is not in this process');
    const parent = clone(sleepyThreads());
    parent.processes[0].tasks = [
      { id: 0, name: 'Task-1', thread: 1, parent: 7, createdMs: 0, endMs: 1, resumptions: [], awaits: [] },
    ];
    expect(error(parent)).toBe('run.json: processes[0].tasks[0].parent names task 7, which is not in the recording');
  });
});
