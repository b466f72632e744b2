import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { parseScenario } from '../scenario/parse';
import { compareRecording } from './compare';
import { deriveScenario } from './derive';
import { parseRecordingText } from './parse';
import { proc, recording, seg, sleepyThreads, thread } from './fixtures';
import type { RecordedTask } from './types';

describe('deriveScenario', () => {
  it('threads: one task per thread, CPU time as cpu steps and labelled waits as io steps', () => {
    const d = deriveScenario(sleepyThreads(100, 20));
    expect(d.model).toBe('threads');
    expect(d.scenario.tasks.map((t) => t.name)).toEqual(['a', 'b']);
    expect(d.scenario.tasks[0].steps).toEqual([
      { kind: 'io', durationMs: 100, label: 'sleep' },
      { kind: 'cpu', durationMs: 20 },
    ]);
    expect(d.scenario.machine.cores).toBe(2);
    expect(d.scenario.settings).toEqual({ switchIntervalMs: 5 });
    // The derived workload is a valid scenario file.
    expect(() => parseScenario(JSON.parse(JSON.stringify(d.scenario)), 'derived.json')).not.toThrow();
  });

  it('infers GIL waits from CPU clocks: a stalled thread while another runs counts as CPU work still to do', () => {
    // Two CPU-bound threads taking turns every 5 ms for 40 ms: each used 20 ms of CPU.
    const turns = (first: boolean) =>
      Array.from({ length: 8 }, (_, i) => seg(i * 5, i * 5 + 5, (i % 2 === 0) === first ? 'run' : 'idle'));
    const rec = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 40, 'join')], true),
          thread(2, 'x', turns(true)),
          thread(3, 'y', turns(false)),
        ]),
      ],
      40,
    );
    const d = deriveScenario(rec);
    expect(d.scenario.tasks.map((t) => t.steps)).toEqual([
      [{ kind: 'cpu', durationMs: 20 }],
      [{ kind: 'cpu', durationMs: 20 }],
    ]);
    const threads = simulate(d.scenario, 'threads').makespanMs;
    expect(Math.abs(threads / 40 - 1)).toBeLessThan(0.05);
  });

  it('an unlabelled wait with nobody else running is a wait, not work', () => {
    const rec = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 31, 'join')], true),
          thread(2, 'w', [seg(0, 10, 'run'), seg(10, 30, 'idle')]),
        ]),
      ],
      31,
    );
    expect(deriveScenario(rec).scenario.tasks[0].steps).toEqual([
      { kind: 'cpu', durationMs: 10 },
      { kind: 'io', durationMs: 20, label: 'wait' },
    ]);
  });

  it('a thread that starts later than the first arrives later (startAtMs)', () => {
    const rec = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 200, 'join')], true),
          thread(2, 'early', [seg(0, 50, 'sleep')]),
          thread(3, 'late', [seg(120, 170, 'sleep')]),
        ]),
      ],
      200,
    );
    const [early, late] = deriveScenario(rec).scenario.tasks;
    expect(early.startAtMs).toBeUndefined();
    expect(late.startAtMs).toBe(120);
  });

  it('asyncio: the tasks the main task created, resumptions as cpu and awaits as io', () => {
    const task = (
      id: number,
      parent: number | null,
      r: [number, number, number][],
      w: [number, number][],
    ): RecordedTask => ({
      id,
      name: `Task-${id + 1}`,
      coroutine: parent === null ? 'main' : 'fetch',
      thread: 1,
      parent,
      createdMs: r[0][0],
      endMs: r[r.length - 1][1],
      resumptions: r.map(([startMs, endMs, cpuMs]) => ({ startMs, endMs, cpuMs })),
      awaits: w.map(([startMs, endMs]) => ({ startMs, endMs, label: 'sleep' as const })),
    });
    const p = proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 1, 'run'), seg(1, 102, 'select')], true)]);
    p.tasks = [
      task(
        0,
        null,
        [
          [0, 0.1, 0.1],
          [101, 101.1, 0.1],
        ],
        [[0.1, 101]],
      ),
      task(
        1,
        0,
        [
          [0.2, 0.3, 0.1],
          [100.3, 102.3, 2],
        ],
        [[0.3, 100.3]],
      ),
      task(
        2,
        0,
        [
          [0.3, 0.4, 0.1],
          [50.4, 51.4, 1],
        ],
        [[0.4, 50.4]],
      ),
    ];
    const d = deriveScenario(recording([p], 102.5));
    expect(d.model).toBe('asyncio');
    expect(d.scenario.tasks.map((t) => t.name)).toEqual(['fetch', 'fetch-2']);
    expect(d.scenario.tasks[0].steps).toEqual([
      { kind: 'cpu', durationMs: 0.1 },
      { kind: 'io', durationMs: 100, label: 'sleep' },
      { kind: 'cpu', durationMs: 2 },
    ]);
  });

  it('a process pool: one task per call, a Pool as big as the workers that ran them', () => {
    const main = proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 205, 'join')], true)]);
    const w1 = proc(2, 1, 'ForkProcess-1', [
      thread(10, 'MainThread', [seg(2, 102, 'run'), seg(102, 202, 'run')], true),
    ]);
    const w2 = proc(3, 1, 'ForkProcess-2', [
      thread(20, 'MainThread', [seg(2, 102, 'run'), seg(102, 202, 'run')], true),
    ]);
    w1.calls = [
      { thread: 10, kind: 'process-pool', name: 'work', startMs: 2, endMs: 102, cpuMs: 100 },
      { thread: 10, kind: 'process-pool', name: 'work', startMs: 102, endMs: 202, cpuMs: 100 },
    ];
    w2.calls = [
      { thread: 20, kind: 'process-pool', name: 'work', startMs: 2, endMs: 102, cpuMs: 100 },
      { thread: 20, kind: 'process-pool', name: 'work', startMs: 102, endMs: 202, cpuMs: 100 },
    ];
    const d = deriveScenario(recording([main, w1, w2], 205));
    expect(d.model).toBe('processes');
    expect(d.scenario.tasks).toHaveLength(4);
    expect(d.scenario.modelSettings).toEqual({ processes: { poolSize: 2 } });
    expect(d.scenario.settings?.startMethod).toBe('fork');
    expect(d.scenario.tasks[0].steps).toEqual([{ kind: 'cpu', durationMs: 100 }]);
  });

  it('no threads, tasks or processes: one sequential task, the main thread', () => {
    const rec = recording(
      [proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 5, 'run'), seg(5, 15, 'socket')], true)])],
      15,
    );
    const d = deriveScenario(rec);
    expect(d.model).toBe('sequential');
    expect(d.scenario.tasks).toEqual([
      {
        name: 'main',
        steps: [
          { kind: 'cpu', durationMs: 5 },
          { kind: 'io', durationMs: 10, label: 'socket' },
        ],
      },
    ]);
  });
});

describe('threads taking turns under the GIL', () => {
  // Ten threads wake from a 500 ms sleep together and each wants 10 ms of Python: under one GIL each runs a
  // tenth of the next 100 ms, so no thread's clock moves for half of it and none counts as running.
  const turns = (id: number) =>
    thread(id, `Thread-${id}`, [seg(0, 500, 'sleep'), { startMs: 500, endMs: 600, state: 'waiting', cpuMs: 10 }]);
  const rec = recording(
    [
      proc(1, null, 'MainThread', [
        thread(0, 'MainThread', [seg(0, 600, 'join')], true),
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(turns),
      ]),
    ],
    600,
  );

  it('derives each thread’s CPU time, not the wall time it spent waiting its turn', () => {
    const { scenario } = deriveScenario(rec);
    for (const task of scenario.tasks) {
      expect(task.steps).toEqual([
        { kind: 'io', durationMs: 500, label: 'sleep' },
        { kind: 'cpu', durationMs: 10 },
      ]);
    }
  });

  it('replays about as long as it was recorded', () => {
    const row = compareRecording(rec, ['threads']).rows[0];
    expect(Math.abs(row.difference)).toBeLessThan(0.05);
  });
});

describe('long waits the recorder could not name', () => {
  // Two threads each wait 250 ms in a call the recorder does not wrap (a C extension reading a socket),
  // waking now and then to handle a chunk: 7.5 ms of CPU each. Their clocks move while they wait, but
  // together at 6 % of the wall clock, far from a GIL kept busy: nobody was taking turns.
  const slow = (id: number) =>
    thread(id, `fetch-${id}`, [seg(0, 50, 'socket'), { startMs: 50, endMs: 300, state: 'waiting', cpuMs: 7.5 }]);
  const rec = recording(
    [proc(1, null, 'MainProcess', [thread(0, 'MainThread', [seg(0, 300, 'join')], true), slow(1), slow(2)])],
    300,
  );

  it('stay waits: their CPU time as cpu, the rest as a wait', () => {
    for (const task of deriveScenario(rec).scenario.tasks)
      expect(task.steps).toEqual([
        { kind: 'io', durationMs: 50, label: 'socket' },
        { kind: 'cpu', durationMs: 7.5 },
        { kind: 'io', durationMs: 250, label: 'wait' },
      ]);
  });

  it('in a recorded downloader too: no thread’s compute is much more than its CPU time', () => {
    const file = 'tests/recorder/fixtures/downloader.json';
    const downloader = parseRecordingText(readFileSync(file, 'utf8'), file);
    const d = deriveScenario(downloader);
    const fetch3 = d.scenario.tasks.find((t) => t.name === 'fetch-3')!;
    const cpu = fetch3.steps.filter((s) => s.kind !== 'io').reduce((n, s) => n + s.durationMs, 0);
    // Recorded: 8.9 ms of CPU, 250 ms of it in an unnamed wait at the end.
    expect(cpu).toBeLessThan(10);
    expect(fetch3.steps[fetch3.steps.length - 1]).toMatchObject({ kind: 'io', label: 'wait' });
  });
});

describe('the time each thread held the GIL', () => {
  // Two threads counting under one GIL, sampled every 10 ms while they hand it over every 6 and 4 ms: in each
  // sampling interval x held it 6 ms (so it counts as running) and y 4 ms (waiting, its clock moving).
  const intervals = Array.from({ length: 10 }, (_, i) => i * 10);
  const x = intervals.map((t) => ({ startMs: t, endMs: t + 10, state: 'running' as const, cpuMs: 6 }));
  const y = intervals.map((t) => ({ startMs: t, endMs: t + 10, state: 'waiting' as const, cpuMs: 4 }));
  const rec = recording(
    [
      proc(1, null, 'MainProcess', [
        thread(1, 'MainThread', [seg(0, 100, 'join')], true),
        thread(2, 'x', x),
        thread(3, 'y', y),
      ]),
    ],
    100,
  );

  it('shares the wall time by CPU clock, not the wall time of every stretch counted as running', () => {
    const steps = deriveScenario(rec).scenario.tasks.map((t) => t.steps);
    expect(steps).toEqual([[{ kind: 'cpu', durationMs: 60 }], [{ kind: 'cpu', durationMs: 40 }]]);
    expect(Math.abs(compareRecording(rec, ['threads']).rows[0].difference)).toBeLessThan(0.05);
  });

  it('gives a thread the GIL kept while other programs held its core: the whole stretch, preemptions included', () => {
    // x alone, on the CPU for 3 ms of every 10 (the machine busy with other programs), then y alone likewise.
    const busy = (from: number) =>
      Array.from({ length: 5 }, (_, i) => ({
        startMs: from + i * 10,
        endMs: from + i * 10 + 10,
        state: 'waiting' as const,
        cpuMs: 3,
        label: 'core' as const,
      }));
    const preempted = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 100, 'join')], true),
          thread(2, 'x', [...busy(0), seg(50, 100, 'sleep')]),
          thread(3, 'y', [seg(0, 50, 'sleep'), ...busy(50)]),
        ]),
      ],
      100,
    );
    const [a, b] = deriveScenario(preempted).scenario.tasks;
    expect(a.steps[0]).toEqual({ kind: 'cpu', durationMs: 50 });
    expect(b.steps[1]).toEqual({ kind: 'cpu', durationMs: 50 });
  });

  it('native: threads whose clocks moved faster together than the wall clock keep their CPU time, half of it C code beside the GIL', () => {
    const both = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 20, 'join')], true),
          thread(2, 'x', [seg(0, 20, 'run')]),
          thread(3, 'y', [seg(0, 20, 'run')]),
        ]),
      ],
      20,
    );
    // Two clocks at full speed for 20 ms: one GIL covers 20 ms of Python, shared; the rest ran beside it.
    expect(deriveScenario(both).scenario.tasks.map((t) => t.steps)).toEqual([
      [
        { kind: 'cpu', durationMs: 10 },
        { kind: 'native', durationMs: 10 },
      ],
      [
        { kind: 'cpu', durationMs: 10 },
        { kind: 'native', durationMs: 10 },
      ],
    ]);
  });
});

describe('compareRecording', () => {
  it('replays the derived workload under each model against the recorded total', () => {
    const c = compareRecording(sleepyThreads(100, 20), ['sequential', 'threads']);
    expect(c.recordedModel).toBe('threads');
    expect(c.rows.map((r) => r.model)).toEqual(['sequential', 'threads']);
    const seq = c.rows[0];
    // One after the other: two sleeps and two calculations.
    expect(seq.simulatedMs).toBeGreaterThan(239);
    expect(seq.difference).toBeCloseTo(seq.simulatedMs / c.recordedMs - 1, 10);
  });
});
