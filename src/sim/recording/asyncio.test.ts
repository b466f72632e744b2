import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { deriveScenario } from './derive';
import { proc, recording, seg, thread } from './fixtures';
import type { RecordedTask, Recording } from './types';

function task(
  id: number,
  parent: number | null,
  coroutine: string,
  resumptions: [number, number, number][],
  awaits: [number, number, RecordedTask['awaits'][number]['label']][],
): RecordedTask {
  return {
    id,
    name: `Task-${id + 1}`,
    coroutine,
    thread: 1,
    parent,
    createdMs: resumptions[0][0],
    endMs: resumptions[resumptions.length - 1][1],
    resumptions: resumptions.map(([startMs, endMs, cpuMs]) => ({ startMs, endMs, cpuMs })),
    awaits: awaits.map(([startMs, endMs, label]) => ({ startMs, endMs, ...(label ? { label } : {}) })),
  };
}

/**
 * Two coroutines send 20 ms of Python each to the default executor's one thread at 1 ms: the second call
 * waits for the first, so its await lasts 40 ms though its work is 20 ms.
 */
function twoOnOneThread(): Recording {
  const loop = thread(1, 'MainThread', [seg(0, 1, 'run'), seg(1, 41, 'select'), seg(41, 41.2, 'run')], true);
  const worker = thread(2, 'asyncio_0', [seg(1, 21, 'run'), seg(21, 41, 'run'), seg(41, 42, 'queue')]);
  const p = proc(1, null, 'MainProcess', [loop, worker]);
  p.tasks = [
    task(0, null, 'main', [[0, 0.5, 0.5]], [[0.5, 41.2, 'join']]),
    task(
      1,
      0,
      'first',
      [
        [0.6, 0.7, 0.1],
        [21, 21.1, 0.1],
      ],
      [[0.7, 21, 'executor']],
    ),
    task(
      2,
      0,
      'second',
      [
        [0.7, 0.8, 0.1],
        [41, 41.1, 0.1],
      ],
      [[0.8, 41, 'executor']],
    ),
  ];
  p.calls = [
    { thread: 2, kind: 'thread-pool', name: 'count', startMs: 1, endMs: 21, cpuMs: 20 },
    { thread: 2, kind: 'thread-pool', name: 'count', startMs: 21, endMs: 41, cpuMs: 20 },
  ];
  return recording([p], 42);
}

describe('asyncio: what the loop awaited from an executor', () => {
  it('a thread-pool call is cpu offloaded to a thread, as long as the call worked, not as long as it was awaited', () => {
    const d = deriveScenario(twoOnOneThread());
    expect(d.model).toBe('asyncio');
    expect(d.scenario.tasks.map((t) => t.steps.filter((s) => s.offload))).toEqual([
      [{ kind: 'cpu', durationMs: 20, offload: 'thread', label: 'executor thread: count' }],
      [{ kind: 'cpu', durationMs: 20, offload: 'thread', label: 'executor thread: count' }],
    ]);
    expect(d.scenario.modelSettings).toEqual({ asyncio: { threadPoolSize: 1 } });
    expect(() => parseScenario(JSON.parse(JSON.stringify(d.scenario)), 'derived.json')).not.toThrow();
  });

  it('a process-pool call is cpu offloaded to a process, with the bytes its messages carried', () => {
    const loop = thread(1, 'MainThread', [seg(0, 1, 'run'), seg(1, 60, 'select'), seg(60, 60.2, 'run')], true);
    const main = proc(1, null, 'MainProcess', [loop]);
    main.tasks = [
      task(0, null, 'main', [[0, 0.5, 0.5]], [[0.5, 60.2, 'join']]),
      task(
        1,
        0,
        'render',
        [
          [0.6, 1, 0.4],
          [60, 60.1, 0.1],
        ],
        [[1, 60, 'executor']],
      ),
    ];
    const worker = proc(2, 1, 'ForkProcess-1', [
      thread(10, 'MainThread', [seg(5, 20, 'queue'), seg(20, 50, 'run')], true),
    ]);
    worker.calls = [
      {
        thread: 10,
        kind: 'process-pool',
        name: 'render',
        // Read as fast as the calibration says for 2 MB (2.23 ms): the size is what it charges.
        receivedMs: 17.8,
        startMs: 20,
        endMs: 50,
        cpuMs: 30,
        argsBytes: 2_000_000,
        resultBytes: 1_000_000,
      },
    ];
    const d = deriveScenario(recording([main, worker], 61));
    expect(d.model).toBe('asyncio');
    const [render] = d.scenario.tasks;
    expect(render.steps.filter((s) => s.offload)).toEqual([
      { kind: 'cpu', durationMs: 30, offload: 'process', label: 'executor process: render' },
    ]);
    expect([render.argsBytes, render.resultBytes]).toEqual([2_000_000, 1_000_000]);
    expect(d.scenario.modelSettings).toEqual({ asyncio: { processPoolSize: 1 } });
  });

  it('an executor await with no call found keeps its wall time as the offloaded work', () => {
    const rec = twoOnOneThread();
    rec.processes[0].calls = [];
    const d = deriveScenario(rec);
    expect(d.scenario.tasks[1].steps.find((s) => s.offload)?.durationMs).toBe(40.2);
    expect(d.scenario.modelSettings).toBeUndefined();
  });
});

describe('asyncio: a resumption held up by other programs', () => {
  it('counts its wall time as compute, and a wait for a core is no blocking call', () => {
    // One task runs 30 ms of CPU in 60 ms of wall time: its core was taken by another program half the time.
    const loop = thread(
      1,
      'MainThread',
      [
        seg(0, 1, 'run'),
        { startMs: 1, endMs: 31, state: 'running', cpuMs: 20 },
        { startMs: 31, endMs: 61, state: 'waiting', cpuMs: 10, label: 'core' },
        seg(61, 62, 'run'),
      ],
      true,
    );
    const p = proc(1, null, 'MainProcess', [loop]);
    p.tasks = [task(0, null, 'main', [[0, 0.5, 0.5]], [[0.5, 61.5, 'join']]), task(1, 0, 'work', [[1, 61, 30]], [])];
    const d = deriveScenario(recording([p], 62));
    expect(d.scenario.tasks[0].steps).toEqual([{ kind: 'cpu', durationMs: 60 }]);
  });
});

describe('asyncio: a sleep the loop came back to late', () => {
  /** Two tasks, each 3 ms of Python, then asyncio.sleep(0.002), then 3 ms more; the loop runs one at a time. */
  function twoSleepers(withDue: boolean): Recording {
    const loop = thread(1, 'MainThread', [seg(0, 12.2, 'run')], true);
    const p = proc(1, null, 'MainProcess', [loop]);
    p.tasks = [
      task(0, null, 'main', [[0, 0.1, 0.1]], [[0.1, 12.2, 'join']]),
      task(
        1,
        0,
        'a',
        [
          [0.1, 3.1, 3],
          [6.1, 9.1, 3],
        ],
        [[3.1, 6.1, 'sleep']],
      ),
      task(
        2,
        0,
        'b',
        [
          [3.1, 6.1, 3],
          [9.1, 12.1, 3],
        ],
        [[6.1, 9.1, 'sleep']],
      ),
    ];
    if (withDue) {
      // Due 2 ms after each began; each then waited 1 ms more while the loop ran the other task.
      p.tasks[1].awaits[0].dueMs = 5.1;
      p.tasks[2].awaits[0].dueMs = 8.1;
    }
    return recording([p], 12.2);
  }

  it('is the sleep it asked for: the wait for the loop after it is the replay’s to make', () => {
    const d = deriveScenario(twoSleepers(true));
    for (const t of d.scenario.tasks.slice(1))
      expect(t.steps).toEqual([
        { kind: 'cpu', durationMs: 3 },
        { kind: 'io', durationMs: 2, label: 'sleep' },
        { kind: 'cpu', durationMs: 3 },
      ]);
  });

  it('a recording without due times keeps each await whole', () => {
    const d = deriveScenario(twoSleepers(false));
    expect(d.scenario.tasks[1].steps[1]).toEqual({ kind: 'io', durationMs: 3, label: 'sleep' });
  });
});
