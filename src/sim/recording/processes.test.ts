import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { simulate } from '../simulate';
import { deriveScenario } from './derive';
import { proc, recording, seg, thread } from './fixtures';
import type { RecordedCall, RecordedProcess } from './types';

/** A Pool of two forked workers, each running two 20 ms calls whose 10 MB arguments took 40 ms to read. */
function bigArgsPool(): ReturnType<typeof recording> {
  const main = proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 30, 'run'), seg(30, 215, 'join')], true)]);
  main.submits = [30, 30, 30, 30];
  main.starts = [
    { name: 'ForkPoolWorker-1', atMs: 20 },
    { name: 'ForkPoolWorker-2', atMs: 22 },
  ];
  const call = (thread: number, receivedMs: number): RecordedCall => ({
    thread,
    kind: 'process-pool',
    name: 'chunk',
    receivedMs,
    startMs: receivedMs + 40,
    endMs: receivedMs + 60,
    cpuMs: 20,
    argsBytes: 10_000_000,
  });
  const worker = (pid: number, name: string, tid: number, first: number, second: number): RecordedProcess => {
    const p = proc(pid, 1, name, [
      thread(
        tid,
        'MainThread',
        [seg(21, first, 'queue'), seg(first, first + 60, 'run'), seg(first + 60, second, 'queue')].concat(
          seg(second, second + 60, 'run'),
        ),
        true,
      ),
    ]);
    p.calls = [call(tid, first), call(tid, second)];
    return p;
  };
  // The pipe carries one message at a time, each 6 ms of pickling and 40 ms of reading: 36, 82, 128, 174.
  return recording([main, worker(2, 'ForkPoolWorker-1', 10, 36, 128), worker(3, 'ForkPoolWorker-2', 20, 82, 174)], 239);
}

describe('a process pool derived with what the recording says around each call', () => {
  it('arrival: each task when the parent handed it to the pool (its submit), not at once', () => {
    const d = deriveScenario(bigArgsPool());
    expect(d.scenario.tasks.map((t) => t.startAtMs)).toEqual([30, 30, 30, 30]);
  });

  it('no step for what the machine spent around the calls: the workload is the calls’ own work, under every model', () => {
    const d = deriveScenario(bigArgsPool());
    expect(d.scenario.sync).toBeUndefined();
    for (const t of d.scenario.tasks) {
      expect(t.steps.every((s) => s.kind === 'cpu' || s.kind === 'io')).toBe(true);
      expect(t.steps.some((s) => s.label?.includes('(recorded)'))).toBe(false);
    }
    expect(() => parseScenario(JSON.parse(JSON.stringify(d.scenario)), 'derived.json')).not.toThrow();
  });

  it('carries the bytes each call was sent and sent back: processes pay for moving them, threads do not', () => {
    const rec = bigArgsPool();
    for (const p of rec.processes.slice(1))
      for (const c of p.calls ?? []) {
        // Read as fast as the calibration says (pipe + unpickling, 1.11 ns a byte, and one message).
        c.receivedMs = c.startMs - 11.11;
        c.resultBytes = 5_000_000;
      }
    const d = deriveScenario(rec);
    for (const t of d.scenario.tasks) expect([t.argsBytes, t.resultBytes]).toEqual([10_000_000, 5_000_000]);
    const light = structuredClone(d.scenario);
    for (const t of light.tasks) {
      delete t.argsBytes;
      delete t.resultBytes;
    }
    const total = (s: typeof light, model: 'processes' | 'threads') => simulate(s, model).makespanMs;
    expect(total(d.scenario, 'processes')).toBeGreaterThan(total(light, 'processes') + 4 * 10);
    expect(total(d.scenario, 'threads')).toBeCloseTo(total(light, 'threads'), 6);
  });
});

describe('what moving the data cost', () => {
  // The calibration (defaults.ts): pickling 0.59, the pipe 0.47, unpickling 0.64 ns a byte, 10 µs a message.
  const MOVE_NS_PER_BYTE = 0.59 + 0.47 + 0.64;

  it('arguments that took longer to read than the calibration says carry the bytes it moves in the extra time', () => {
    // 40 ms from the header to the call where the calibration charges 11.11 ms for 10 MB.
    const d = deriveScenario(bigArgsPool());
    const extra = Math.round(((40 - 11.11) * 1e6) / MOVE_NS_PER_BYTE);
    for (const t of d.scenario.tasks) expect(t.argsBytes).toBe(10_000_000 + extra);
  });

  it('a result written more slowly than the calibration says does the same; one without a send time keeps its size', () => {
    const rec = bigArgsPool();
    const calls = rec.processes.slice(1).flatMap((p) => p.calls ?? []);
    for (const c of calls) c.resultBytes = 5_000_000;
    // Pickled and written in 30 ms where the calibration charges 5.31 ms (0.59 + 0.47 ns a byte, one message).
    calls[0].resultSentMs = calls[0].endMs + 30;
    // The worker's thread busy for those 30 ms (pickling and writing), then waiting for its next call.
    const worker = rec.processes[1].threads[0];
    const i = worker.segments.findIndex((s) => s.startMs === calls[0].endMs);
    worker.segments.splice(
      i,
      1,
      seg(calls[0].endMs, calls[0].endMs + 30, 'run'),
      seg(calls[0].endMs + 30, 128, 'queue'),
    );
    const d = deriveScenario(rec);
    const first = d.scenario.tasks.find((t) => t.name === 'chunk')!;
    expect(first.resultBytes).toBe(5_000_000 + Math.round(((30 - 5.31) * 1e6) / MOVE_NS_PER_BYTE));
    expect(d.scenario.tasks.filter((t) => t.resultBytes === 5_000_000)).toHaveLength(3);
  });

  it('the replay under processes then takes about as long to move them as the recording did', () => {
    const rec = bigArgsPool();
    const slow = simulate(deriveScenario(rec).scenario, 'processes').makespanMs;
    for (const p of rec.processes.slice(1)) for (const c of p.calls ?? []) c.receivedMs = c.startMs - 11.11;
    const fast = simulate(deriveScenario(rec).scenario, 'processes').makespanMs;
    // Four messages, each 28.9 ms slower to read, two workers reading in turn from one pipe.
    expect(slow - fast).toBeGreaterThan(2 * 28.9);
  });
});

describe('one Process per call', () => {
  /** Two spawned children, started at 10 and 12 ms; their targets begin 150 ms later (a slow interpreter boot). */
  function spawned(): ReturnType<typeof recording> {
    const main = proc(1, null, 'MainProcess', [
      thread(1, 'MainThread', [seg(0, 12, 'run'), seg(12, 320, 'join')], true),
    ]);
    main.starts = [
      { name: 'SpawnProcess-1', atMs: 10 },
      { name: 'SpawnProcess-2', atMs: 12 },
    ];
    const child = (pid: number, name: string, tid: number, at: number): RecordedProcess => {
      const p = proc(pid, 1, name, [thread(tid, 'MainThread', [seg(at + 140, at + 250, 'run')], true)]);
      p.startMethod = 'spawn';
      p.calls = [{ thread: tid, kind: 'process', name: 'job', startMs: at + 150, endMs: at + 250, cpuMs: 100 }];
      return p;
    };
    return recording([main, child(2, 'SpawnProcess-1', 10, 10), child(3, 'SpawnProcess-2', 20, 12)], 320);
  }

  it('arrival: each child when the parent started it; its work begins with its target', () => {
    const d = deriveScenario(spawned());
    expect(d.scenario.settings?.startMethod).toBe('spawn');
    expect(d.scenario.tasks.map((t) => t.startAtMs)).toEqual([10, 12]);
    expect(d.scenario.tasks[0].steps).toEqual([{ kind: 'cpu', durationMs: 100 }]);
  });
});

describe('more CPU-bound processes than cores', () => {
  it('derives each one’s CPU time, not the wall time of the samples that caught it running', () => {
    // Four processes on two cores, each running 100 ms of CPU in 200 ms: caught running in long stretches
    // (60 % of the samples) because the cores were time-sliced between them.
    const main = proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 201, 'join')], true)]);
    const children = [2, 3, 4, 5].map((pid) => {
      const p = proc(pid, 1, `ForkProcess-${pid - 1}`, [
        thread(
          pid * 10,
          'MainThread',
          [
            { startMs: 0, endMs: 120, state: 'running', cpuMs: 70 },
            { startMs: 120, endMs: 200, state: 'waiting', cpuMs: 30, label: 'core' },
          ],
          true,
        ),
      ]);
      p.calls = [{ thread: pid * 10, kind: 'process', name: 'fib', startMs: 0, endMs: 200, cpuMs: 100 }];
      return p;
    });
    const d = deriveScenario(recording([main, ...children], 201));
    expect(d.scenario.tasks[0].steps).toEqual([{ kind: 'cpu', durationMs: 100 }]);
  });

  it('derives its share of the cores where other programs took some of them too', () => {
    // The same four processes on a machine busy with other programs: each got only 60 ms of CPU in
    // 200 ms, where the two cores shared four ways give 100 ms. The replay shares the cores again, so the
    // work is that share, and the four end together at about 200 ms as they did here.
    const main = proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 201, 'join')], true)]);
    const children = [2, 3, 4, 5].map((pid) => {
      const p = proc(pid, 1, `ForkProcess-${pid - 1}`, [
        thread(
          pid * 10,
          'MainThread',
          [
            { startMs: 0, endMs: 80, state: 'running', cpuMs: 45 },
            { startMs: 80, endMs: 200, state: 'waiting', cpuMs: 15, label: 'core' },
          ],
          true,
        ),
      ]);
      p.calls = [{ thread: pid * 10, kind: 'process', name: 'fib', startMs: 0, endMs: 200, cpuMs: 60 }];
      return p;
    });
    const d = deriveScenario(recording([main, ...children], 201));
    expect(d.scenario.tasks.map((t) => t.steps)).toEqual(Array(4).fill([{ kind: 'cpu', durationMs: 100 }]));
  });

  it('counts a process whose clock moved in a wait the recorder could not name as wanting a core', () => {
    // As above, but the samples that did not catch it running are unlabelled (no run delay read): the
    // demand is still four processes, not only the two caught running.
    const main = proc(1, null, 'MainProcess', [thread(1, 'MainThread', [seg(0, 201, 'join')], true)]);
    const children = [2, 3, 4, 5].map((pid) => {
      const p = proc(pid, 1, `ForkProcess-${pid - 1}`, [
        thread(
          pid * 10,
          'MainThread',
          [
            { startMs: 0, endMs: 100, state: 'running', cpuMs: 70 },
            { startMs: 100, endMs: 200, state: 'waiting', cpuMs: 30 },
          ],
          true,
        ),
      ]);
      p.calls = [{ thread: pid * 10, kind: 'process', name: 'fib', startMs: 0, endMs: 200, cpuMs: 100 }];
      return p;
    });
    const d = deriveScenario(recording([main, ...children], 201));
    expect(d.scenario.tasks[0].steps).toEqual([{ kind: 'cpu', durationMs: 100 }]);
  });

  it("a Pool's handler threads in the parent that spent more on the messages add bytes at their own rate", () => {
    const rec = bigArgsPool();
    const plain = deriveScenario(rec).scenario.tasks.map((t) => t.argsBytes);
    // The task handler pickled the four 10 MB messages in 4 × 16 ms: 10 ms each beyond the calibration's
    // 5.9 ms (+ 10 µs), i.e. 10.1 − 0.01 … spread evenly, at pickle.dumps' 0.59 ns a byte.
    const parent = rec.processes[0];
    parent.threads.push(thread(2, 'Thread-2 (_handle_tasks)', [seg(30, 94, 'run')]));
    const withHandler = deriveScenario(rec).scenario.tasks.map((t) => t.argsBytes!);
    const extraNs = (64 - 4 * (5.9 + 0.01)) * 1e6;
    withHandler.forEach((b, i) => expect(b - plain[i]!).toBeCloseTo(extraNs / 4 / 0.59, -1));
    // A handler that spent no more than the calibration adds nothing.
    parent.threads[1] = thread(2, 'Thread-2 (_handle_tasks)', [seg(30, 50, 'run')]);
    expect(deriveScenario(rec).scenario.tasks.map((t) => t.argsBytes)).toEqual(plain);
  });
});
