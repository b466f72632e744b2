/**
 * Hand-computed cases. Constants (defaults.ts): thread start 20 µs parent + 33 µs child, thread exit
 * 31 µs; asyncio.run 0.45 ms, task creation 6.9 µs, loop resume 2.5 µs; fork: parent 1.4 ms, child
 * 0.3 ms, exit 0.75 ms; GIL hand-off at switch interval + 0.1 ms.
 */
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../errors';
import { simulate } from '../simulate';
import { cpu, io, lanesOf, median, native, scenario, taskSpans } from '../test/helpers';

const threeSleeps = scenario([
  { name: 'A', steps: [io(2000)] },
  { name: 'B', steps: [io(3000)] },
  { name: 'C', steps: [io(1000)] },
]);

describe('simulate: the seed example (sleep 2 s, 3 s, 1 s)', () => {
  it('sequential takes exactly 6 s', () => {
    const t = simulate(threeSleeps, 'sequential');
    expect(t.makespanMs).toBe(6000);
    expect(t.tasks.map((x) => [x.startMs, x.endMs])).toEqual([
      [0, 2000],
      [2000, 5000],
      [5000, 6000],
    ]);
  });

  it('asyncio takes 3 s plus asyncio.run, three task creations and resumes', () => {
    // 0.45 (run) + 3 × 0.0069 (gather creates A, B, C) + 2 × 0.0025 (resume A, then B, which starts
    // its 3 s sleep) + 3000 + 0.0025 (B resumes to finish) + 0.0025 (main resumes after gather).
    // The loop waits for B's timer from 2000.4832 (after A's resume): epoll_wait gets 999.9925 ms rounded
    // up to 1000, so B resumes 0.0075 ms after its timer is due.
    const t = simulate(threeSleeps, 'asyncio');
    expect(t.makespanMs).toBeCloseTo(0.45 + 3 * 0.0069 + 2 * 0.0025 + 3000 + 0.0075 + 0.0025 + 0.0025, 9);
    expect(t.tasks[1].endMs).toBeCloseTo(3000.4857, 9);
  });

  it('threads take 3 s plus two thread starts and one thread exit', () => {
    // B's sleep starts after A's start (0.053) and B's start (0.053): ends at 3000.106; B's exit 0.031.
    const t = simulate(threeSleeps, 'threads');
    expect(t.makespanMs).toBeCloseTo(3000.137, 9);
    expect(simulate(threeSleeps, 'free-threading').makespanMs).toBeCloseTo(3000.137, 9);
  });

  it('processes take 3 s plus two forks in the parent, the child fix-up and the exit', () => {
    // B: parent forks A (1.4), B (1.4); B's child part 0.3; sleep 3000; exit 0.75
    const t = simulate(threeSleeps, 'processes');
    expect(t.makespanMs).toBeCloseTo(2 * 1.4 + 0.3 + 3000 + 0.75, 9);
    expect(t.tasks[1].endMs).toBeCloseTo(3003.1, 9);
  });
});

describe('simulate: the GIL', () => {
  const counters = scenario([
    { name: 'c1', steps: [cpu(1100)] },
    { name: 'c2', steps: [cpu(1100)] },
  ]);

  it('two CPU-bound threads alternate in switch-interval slices', () => {
    const t = simulate(counters, 'threads');
    // one hand-off every 5 ms + 0.1 ms overshoot → ≈ 2200 / 5.1 ≈ 431 (calibration: 194 per second)
    expect(t.metrics.gilSwitches).toBeGreaterThan(415);
    expect(t.metrics.gilSwitches).toBeLessThan(445);
    const gil = lanesOf(t, 'gil');
    expect(gil).toHaveLength(1);
    const held = t.spans.filter((s) => s.lane === gil[0] && s.task >= 0 && s.endMs < 2000 && s.startMs > 10);
    expect(median(held.map((s) => s.endMs - s.startMs))).toBeCloseTo(5.1, 6);
    // the GIL serialises them: no faster than running one after the other
    expect(t.makespanMs).toBeGreaterThanOrEqual(2200);
    expect(t.makespanMs).toBeLessThan(2201);
    expect(t.events.filter((e) => e.kind === 'gil-handoff')).toHaveLength(t.metrics.gilSwitches);
  });

  it('the switch interval sets the slice length (sys.setswitchinterval)', () => {
    const fast = simulate(counters, 'threads', { switchIntervalMs: 0.5 });
    const slow = simulate(counters, 'threads', { switchIntervalMs: 50 });
    expect(fast.metrics.gilSwitches / 2.2).toBeGreaterThan(1600); // calibration 1684/s
    expect(fast.metrics.gilSwitches / 2.2).toBeLessThan(1700);
    expect(slow.metrics.gilSwitches / 2.2).toBeGreaterThan(17); // calibration 18/s
    expect(slow.metrics.gilSwitches / 2.2).toBeLessThan(21);
  });

  it('convoy effect: a thread back from I/O waits a full interval for the CPU-bound holder', () => {
    const s = scenario([
      { name: 'cpu', steps: [cpu(1000)] },
      { name: 'io', steps: [io(50), cpu(0.2), io(50), cpu(0.2)] },
    ]);
    for (const interval of [5, 1]) {
      const t = simulate(s, 'threads', { switchIntervalMs: interval });
      // each cpu step after an io step waits exactly interval + 0.1 ms (the holder is always on a core)
      const waits = taskSpans(t, 1, 'wait-gil').filter((x) => x.step >= 0);
      expect(waits.map((w) => w.step)).toEqual([1, 3]);
      for (const w of waits) expect(w.endMs - w.startMs).toBeCloseTo(interval + 0.1, 9);
      expect(t.events.some((e) => e.kind === 'gil-drop-request')).toBe(true);
    }
    // without the CPU-bound thread there is no wait at all
    const alone = simulate(scenario([{ name: 'io', steps: [io(50), cpu(0.2), io(50), cpu(0.2)] }]), 'threads');
    expect(taskSpans(alone, 0, 'wait-gil').filter((x) => x.step >= 0)).toHaveLength(0);
  });

  it('native steps release the GIL: two threads in C code run in parallel', () => {
    const s = scenario([
      { name: 'a', steps: [native(1000)] },
      { name: 'b', steps: [native(1000)] },
    ]);
    const t = simulate(s, 'threads');
    expect(t.makespanMs).toBeLessThan(1001);
    expect(t.metrics.cpuWorkMs).toBe(2000);
  });
});

describe('simulate: asyncio', () => {
  it('a blocking call in a coroutine makes other timers late (timer-late)', () => {
    const s = scenario([
      { name: 'ticker', steps: [io(100)] },
      { name: 'blocker', steps: [io(500, { blocking: true })] },
    ]);
    const t = simulate(s, 'asyncio');
    // ticker's timer: 0.45 + 2 × 0.0069 + 0.0025 + 100 = 100.4663; the loop is blocked until
    // 0.4638 + 2 × 0.0025 + 500 = 500.4688, so the ticker is 400.0025 ms late.
    const late = t.events.filter((e) => e.kind === 'timer-late');
    expect(late).toHaveLength(1);
    expect(late[0].task).toBe(0);
    expect(late[0].lateMs).toBeCloseTo(400.0025, 9);
    expect(taskSpans(t, 1, 'blocking')).toHaveLength(1);
    const wl = taskSpans(t, 0, 'wait-loop').filter((x) => x.startMs > 1);
    expect(wl[0].startMs).toBeCloseTo(100.4663, 9);
    expect(wl[0].endMs).toBeCloseTo(500.4688, 9);
  });

  it('task order matters when a cpu step holds the loop', () => {
    const d = (name: string) => ({ name, steps: [io(500), cpu(20)] });
    const calcFirst = scenario([{ name: 'calc', steps: [cpu(1100)] }, d('d1'), d('d2'), d('d3'), d('d4')]);
    const calcLast = scenario([d('d1'), d('d2'), d('d3'), d('d4'), { name: 'calc', steps: [cpu(1100)] }]);
    // calc first: the downloads only start at 1100.487; then 500 ms, and the 0.0075 ms by which the loop's
    // epoll_wait (from 1100.497, after d4's first step) overshoots d1's timer when rounded up to whole ms;
    // then 4 × (20 + 0.0025) + 0.0025
    expect(simulate(calcFirst, 'asyncio').makespanMs).toBeCloseTo(1680.5095, 9);
    // calc last: the downloads wait meanwhile, come back late, and run after calc
    const last = simulate(calcLast, 'asyncio');
    expect(last.makespanMs).toBeLessThan(1200);
    expect(last.events.filter((e) => e.kind === 'timer-late')).toHaveLength(4);
  });

  it('offload to a thread frees the loop but shares the GIL; offload to a process runs in parallel', () => {
    const mk = (offload?: 'thread' | 'process') =>
      scenario([
        { name: 'work', steps: [cpu(400, offload ? { offload } : {})] },
        { name: 'tick', steps: [io(50), cpu(0.1), io(50), cpu(0.1)] },
      ]);
    const inline = simulate(mk(), 'asyncio');
    const thread = simulate(mk('thread'), 'asyncio');
    const proc = simulate(mk('process'), 'asyncio');
    // inline: tick cannot start until work is done
    expect(inline.tasks[1].endMs).toBeGreaterThan(500);
    // thread: tick runs between GIL slices, so it ends soon after 100 ms
    expect(thread.tasks[1].endMs).toBeLessThan(120);
    expect(thread.metrics.gilSwitches).toBeGreaterThan(0);
    expect(lanesOf(thread, 'gil')).toHaveLength(1);
    // process: tick is not held up at all (the pool only costs start-up)
    expect(proc.tasks[1].endMs).toBeLessThan(110);
    expect(lanesOf(proc, 'process').length).toBe(2); // ProcessPoolExecutor(cores = 2), fork: all at once
    for (const t of [inline, thread, proc]) expect(t.metrics.cpuWorkMs).toBeCloseTo(400.2, 9);
  });
});

describe('simulate: cores', () => {
  it('free-threading runs 2 CPU threads on 2 cores in half the time, times the slowdown', () => {
    const s = scenario([
      { name: 'a', steps: [cpu(1100)] },
      { name: 'b', steps: [cpu(1100)] },
    ]);
    // b starts at 0.106 (two thread starts), runs 1100 × 1.4, exits in 0.031
    expect(simulate(s, 'free-threading').makespanMs).toBeCloseTo(1100 * 1.4 + 0.137, 9);
    expect(simulate(s, 'free-threading', { python: '3.14t' }).makespanMs).toBeCloseTo(1100 * 1.075 + 0.137, 9);
    expect(simulate(s, 'free-threading').metrics.gilSwitches).toBe(0);
  });

  it('4 CPU-bound processes on 2 cores each take about twice as long as one', () => {
    const one = simulate(scenario([{ name: 'p', steps: [cpu(1000)] }]), 'processes');
    expect(one.makespanMs).toBeCloseTo(1.4 + 0.3 + 1000 + 0.75, 9);
    const four = simulate(scenario([{ name: 'p', count: 4, steps: [cpu(1000)] }]), 'processes');
    expect(four.makespanMs).toBeGreaterThan(2000);
    expect(four.makespanMs).toBeLessThan(2012);
    for (const r of four.tasks) expect(r.latencyMs / 1000).toBeGreaterThan(1.9);
    expect(four.spans.some((s) => s.state === 'wait-core')).toBe(true);
    expect(four.metrics.utilisation).toBeGreaterThan(0.99);
  });

  it('no time slicing while the runnable threads fit on the cores', () => {
    const t = simulate(scenario([{ name: 'p', count: 2, steps: [cpu(10_000)] }]), 'processes');
    expect(t.metrics.eventCount).toBeLessThan(30);
  });
});

describe('simulate: pools and pickling', () => {
  it('a pool of 8 processes with 10 tasks runs two rounds', () => {
    const s = scenario([{ name: 'f', count: 10, steps: [io(5000), cpu(100)] }], 8, { poolSize: 8 });
    const t = simulate(s, 'processes');
    // setup 2.46 + 8 forks × 1.4 = 13.66; tasks 9 and 10 start when tasks 1 and 2 hand back their workers
    expect(t.tasks[8].startMs).toBeCloseTo(5113.69, 9);
    expect(t.tasks[9].startMs).toBeCloseTo(5113.7, 9);
    expect(t.makespanMs).toBeCloseTo(10214.48, 9);
    expect(taskSpans(t, 9, 'wait-worker').length).toBeGreaterThan(0);
  });

  it('pickling cost scales with argsBytes and resultBytes', () => {
    const mk = (argsBytes: number, resultBytes: number) =>
      simulate(scenario([{ name: 'x', argsBytes, resultBytes, steps: [cpu(10)] }], 2, { poolSize: 1 }), 'processes');
    const base = mk(0, 0).makespanMs;
    // parent dumps 0.59 ns/B + child pipe and loads (0.47 + 0.64) ns/B = 1.7 ns/B → 17 ms per 10 MB.
    // (The first 0.29 ms of the parent's pickling overlaps the worker's own start-up.)
    expect(mk(20_000_000, 0).makespanMs - mk(10_000_000, 0).makespanMs).toBeCloseTo(17, 6);
    expect(mk(30_000_000, 0).makespanMs - mk(10_000_000, 0).makespanMs).toBeCloseTo(34, 6);
    expect(mk(10_000_000, 0).makespanMs - base).toBeCloseTo(17 - 0.29, 6);
    // results: worker dumps, then the parent reads and loads: nothing overlaps
    expect(mk(0, 10_000_000).makespanMs - base).toBeCloseTo(17, 6);
    const t = mk(10_000_000, 10_000_000);
    expect(t.spans.filter((s) => s.state === 'pickling' && s.endMs - s.startMs > 5)).not.toHaveLength(0);
  });

  it('Pool: the task handler blocks once more than a pipe-full of pickled tasks is unread', () => {
    const mk = (argsBytes: number) =>
      simulate(scenario([{ name: 'x', count: 3, argsBytes, steps: [cpu(50)] }], 2, { poolSize: 1 }), 'processes');
    const handlerSpans = (t: ReturnType<typeof mk>) => {
      const lane = t.lanes.findIndex((l) => l.label === 'Pool task handler');
      return t.spans.filter((s) => s.lane === lane && s.state === 'pickling');
    };
    // 1 KB tasks fit in the 64 KiB pipe: pickled back to back
    const small = handlerSpans(mk(1000));
    expect(small[2].endMs - small[0].startMs).toBeLessThan(0.04);
    // 1 MB tasks: the next one is pickled only after the worker has read the previous one
    const bigTrace = mk(1_000_000);
    const big = handlerSpans(bigTrace);
    const workerReads = bigTrace.spans.filter(
      (s) => bigTrace.lanes[s.lane].kind === 'process' && s.state === 'pickling' && s.step === -1,
    );
    expect(big[1].startMs).toBeGreaterThanOrEqual(workerReads[0].startMs);
    expect(big[2].startMs).toBeGreaterThan(50);
    expect(lanesOf(bigTrace, 'gil')).toHaveLength(1); // main, task handler, result handler share it
  });

  it('Pool: a message larger than the pipe holds its writer until the reader has read it out', () => {
    const mk = (argsBytes: number, resultBytes: number, poolSize: number) =>
      simulate(
        scenario([{ name: 'x', count: 2, argsBytes, resultBytes, steps: [cpu(50)] }], 2, { poolSize }),
        'processes',
      );
    const on = (t: ReturnType<typeof mk>, label: string) => {
      const lane = t.lanes.findIndex((l) => l.label === label);
      return t.spans.filter((s) => s.lane === lane && s.state !== 'starting');
    };
    // 10 MB of arguments: the task handler's os.write returns once worker 1 has read them out of the pipe
    // (0.47 ns/B → 4.7 ms after its read starts), and only then does it pickle the second task.
    const args = mk(10_000_000, 0, 2);
    const handler = on(args, 'Pool task handler');
    const read = on(args, 'worker process 1')[0];
    expect(read.startMs).toBeCloseTo(handler[0].endMs, 9);
    expect(handler[1].startMs).toBeCloseTo(read.startMs + 4.7, 9);
    // 10 MB results, one worker: it takes the second task only when the result handler has read the first
    // result out of the pipe (4.7 ms); the handler's pickle.loads (6.4 ms) runs while the worker goes on.
    const results = mk(0, 10_000_000, 1);
    const reader = on(results, 'Pool result handler');
    const worker = on(results, 'worker process 1');
    const second = worker.find((s) => s.task === 1)!;
    expect(second.startMs).toBeCloseTo(reader[0].startMs + 4.7, 9);
    expect(second.startMs).toBeLessThan(reader[0].endMs);
  });

  it('thread pool: tasks beyond the pool size wait for a worker', () => {
    const s = scenario([{ name: 't', count: 4, steps: [io(100)] }], 2, { poolSize: 2 });
    const t = simulate(s, 'threads');
    expect(lanesOf(t, 'thread')).toHaveLength(2);
    const w = taskSpans(t, 3, 'wait-worker');
    expect(w).toHaveLength(1);
    expect(w[0].endMs - w[0].startMs).toBeGreaterThan(99);
    expect(t.makespanMs).toBeGreaterThan(200);
    expect(t.makespanMs).toBeLessThan(201);
    expect(t.metrics.peakConcurrency).toBe(2);
  });

  it('spawn costs far more than fork', () => {
    // 8 cores, so that the three 86 ms interpreter boots do not compete for cores
    const fork = simulate(threeSleeps, 'processes', { cores: 8 });
    const spawn = simulate(threeSleeps, 'processes', { startMethod: 'spawn', cores: 8 });
    // B: 2 × 2 ms in the parent + 10 µs pickling each, child boot 86 ms + unpickling, exit 25 ms
    expect(spawn.makespanMs - fork.makespanMs).toBeGreaterThan(100);
    expect(spawn.makespanMs).toBeCloseTo(2 * (2 + 0.01) + 86 + 0.01 + 3000 + 25, 9);
  });
});

describe('simulate: runaway guard', () => {
  it('throws SimulationError naming the cap and how to raise it', () => {
    const s = scenario([
      { name: 'c1', steps: [cpu(1100)] },
      { name: 'c2', steps: [cpu(1100)] },
    ]);
    expect(() => simulate(s, 'threads', { maxEvents: 100 })).toThrow(SimulationError);
    expect(() => simulate(s, 'threads', { maxEvents: 100 })).toThrow(/more than 100 events.*maxEvents/);
    expect(simulate(s, 'threads', { maxEvents: 10_000 }).metrics.eventCount).toBeLessThanOrEqual(10_000);
  });
});
