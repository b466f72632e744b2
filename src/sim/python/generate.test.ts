import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario } from '../scenario/parse';
import { MODEL_IDS, type Scenario, type Step, type StepItem, type Task } from '../types';
import { generatePython } from './generate';

function scenario(tasks: Task[], extra: Partial<Scenario> = {}): Scenario {
  return { id: 'test', title: 'A test workload', machine: { cores: 2 }, tasks, ...extra };
}

const MIXED = scenario([
  { name: 'calc', steps: [{ kind: 'cpu', durationMs: 1100 }] },
  {
    name: 'd',
    count: 4,
    steps: [
      { kind: 'io', durationMs: 500, label: 'download' },
      { kind: 'cpu', durationMs: 20 },
    ],
  },
]);

/** The text of 1-based line n. */
function lineText(code: string, n: number): string {
  return code.split('\n')[n - 1];
}

describe('generatePython: each model runs the tasks with its own API', () => {
  it('sequential calls every task in launch order, copies in a loop', () => {
    const { code } = generatePython(MIXED, 'sequential');
    expect(code).toMatch(/def main\(\):\n {4}calc\(\)\n {4}for _ in range\(4\):\n {8}d\(\)\n/);
    expect(code).toContain('time.sleep(0.5)  # download, 500 ms');
  });

  it('a changed workload says it is changed from the one its title describes', () => {
    expect(lineText(generatePython(MIXED, 'threads').code, 1)).toBe('"""A test workload: one thread per task.');
    expect(lineText(generatePython(MIXED, 'threads', { changed: true }).code, 1)).toBe(
      '"""A changed version of "A test workload": one thread per task.',
    );
  });

  it('asyncio gathers one coroutine per task and awaits asyncio.sleep for io', () => {
    const { code } = generatePython(MIXED, 'asyncio');
    expect(code).toContain('async def d():\n    await asyncio.sleep(0.5)');
    expect(code).toContain('await asyncio.gather(calc(), *(d() for _ in range(4)))');
    expect(code).toContain('asyncio.run(main())');
  });

  it('a blocking io step stays time.sleep inside a coroutine', () => {
    const s = scenario([{ name: 'a', steps: [{ kind: 'io', durationMs: 100, blocking: true }] }]);
    expect(generatePython(s, 'asyncio').code).toContain('    time.sleep(0.1)  # 100 ms (blocks the event loop)');
  });

  it('offloaded steps go through asyncio.to_thread and run_in_executor with a sized process pool', () => {
    const s = scenario([
      { name: 't', steps: [{ kind: 'cpu', durationMs: 10, offload: 'thread' }] },
      { name: 'p', steps: [{ kind: 'cpu', durationMs: 10, offload: 'process' }] },
    ]);
    const { code } = generatePython(s, 'asyncio', { overrides: { processPoolSize: 3, startMethod: 'spawn' } });
    expect(code).toContain('await asyncio.to_thread(busy, 308_182)');
    expect(code).toContain('set_default_executor(ThreadPoolExecutor(max_workers=6))');
    expect(code).toContain('mp_context = multiprocessing.get_context("spawn")');
    expect(code).toContain('with ProcessPoolExecutor(max_workers=3, mp_context=mp_context) as pool:');
    expect(code).toContain(
      'async def p(pool):\n    await asyncio.get_running_loop().run_in_executor(pool, busy, 308_182)',
    );
    expect(code).toContain('await asyncio.gather(t(), p(pool))');
    // Other models ignore offload: the step runs where its task runs.
    expect(generatePython(s, 'threads').code).toContain('def p():\n    busy(308_182)');
  });

  it('threads start one Thread per task and then join them all', () => {
    const { code } = generatePython(MIXED, 'threads');
    expect(code).toContain(
      'threads = [threading.Thread(target=calc)]\n    threads += [threading.Thread(target=d) for _ in range(4)]',
    );
    expect(code).toMatch(
      /for thread in threads:\n {8}thread.start\(\)\n {4}for thread in threads:\n {8}thread.join\(\)/,
    );
  });

  it('a pool size puts the threads model in a ThreadPoolExecutor', () => {
    const { code, launch } = generatePython(MIXED, 'threads', { overrides: { poolSize: 3 } });
    expect(launch).toBe('thread-pool');
    expect(code).toContain('with ThreadPoolExecutor(max_workers=3) as pool:');
    expect(code).toContain('futures += [pool.submit(d) for _ in range(4)]');
  });

  it('processes use the start method, one Process per task, or a Pool of the pool size', () => {
    const one = generatePython(MIXED, 'processes', { overrides: { startMethod: 'forkserver' } }).code;
    expect(one).toContain('ctx = multiprocessing.get_context("forkserver")');
    expect(one).toContain('processes += [ctx.Process(target=d) for _ in range(4)]');
    const pool = generatePython({ ...MIXED, modelSettings: { processes: { poolSize: 8 } } }, 'processes').code;
    expect(pool).toContain('with ctx.Pool(processes=8) as pool:');
    expect(pool).toContain('pending += [pool.apply_async(d) for _ in range(4)]');
    expect(pool).toMatch(/pool.close\(\)\n {8}pool.join\(\)/);
  });

  it('payloads are bytes objects: arguments passed in, results sent back', () => {
    const s = scenario([
      { name: 'chunk', count: 2, argsBytes: 1_000_000, resultBytes: 500, steps: [{ kind: 'cpu', durationMs: 1 }] },
    ]);
    const { code } = generatePython(s, 'processes');
    expect(code).toContain('def chunk(payload):');
    expect(code).toContain('    return bytes(500)');
    expect(code).toContain('results = ctx.SimpleQueue()');
    expect(code).toContain('ctx.Process(target=send_back, args=(results, chunk, bytes(1_000_000)))');
    expect(code).toMatch(/for _ in range\(2\):\n {8}results.get\(\)/);
    const pool = generatePython(s, 'processes', { overrides: { poolSize: 2 } }).code;
    expect(pool).toContain('pool.apply_async(chunk, (bytes(1_000_000),))');
  });

  it('free-threading writes the threads program that refuses to run on a build with a GIL', () => {
    const s = { ...MIXED, modelSettings: { 'free-threading': { python: '3.14t' as const } } };
    const p = generatePython(s, 'free-threading');
    expect(p.requires).toBe('3.14t');
    expect(p.code).toContain('if getattr(sys, "_is_gil_enabled", lambda: True)():');
    expect(p.code).toContain('needs free-threaded Python (python3.14t)');
    expect(p.code).toContain('threading.Thread(target=calc)');
    expect(generatePython(MIXED, 'free-threading').requires).toBe('3.13t');
  });
});

describe('generatePython: faithful sizes and settings', () => {
  it('sizes a cpu step at 32.4 ns per loop iteration (33.9 million for 1.1 s) and native work at 64 MiB per 38 ms', () => {
    expect(generatePython(MIXED, 'sequential').code).toContain('busy(33_900_000)');
    const s = scenario([{ name: 'h', steps: [{ kind: 'native', durationMs: 38 }] }]);
    const { code } = generatePython(s, 'threads');
    expect(code).toContain(`native(${(64 * 1024 * 1024).toLocaleString('en').replace(/,/g, '_')})`);
    expect(code).toContain('hashlib.sha256(view[:chunk]).digest()');
  });

  it('takes a measured loop rate and hash rate instead of the calibration defaults', () => {
    const s = scenario([
      {
        name: 'a',
        steps: [
          { kind: 'cpu', durationMs: 10 },
          { kind: 'native', durationMs: 2 },
        ],
      },
    ]);
    const { code } = generatePython(s, 'sequential', { loopNsPerIteration: 50, hashBytesPerMs: 1000 });
    expect(code).toContain('busy(200_000)');
    expect(code).toContain('native(2000)');
    expect(code).toContain('sized at 50 ns per iteration');
    expect(() => generatePython(s, 'sequential', { loopNsPerIteration: -1 })).toThrow(/loopNsPerIteration/);
  });

  it('sets the switch interval only when the workload changes it', () => {
    expect(generatePython(MIXED, 'threads').code).not.toContain('setswitchinterval');
    const s = { ...MIXED, settings: { switchIntervalMs: 0.5 } };
    expect(generatePython(s, 'threads').code).toContain('sys.setswitchinterval(0.0005)');
  });

  it('scale multiplies sleeps, loops and payloads, and must be a number above 0', () => {
    const { code } = generatePython(MIXED, 'sequential', { scale: 0.01 });
    expect(code).toContain('time.sleep(0.005)');
    expect(code).toContain('busy(339_000)');
    expect(code).toContain('scaled by 0.01');
    expect(() => generatePython(MIXED, 'sequential', { scale: 0 })).toThrow(/scale/);
  });

  it('every program prints its total last and guards its entry point', () => {
    for (const model of MODEL_IDS) {
      const lines = generatePython(MIXED, model).code.trimEnd().split('\n');
      expect(lines.at(-1)).toBe('    print(f"total: {time.perf_counter() - start:.3f} s")');
      expect(lines).toContain('if __name__ == "__main__":');
    }
  });

  it('task names become Python identifiers that shadow nothing', () => {
    const s = scenario([
      { name: '3d render', steps: [{ kind: 'io', durationMs: 1 }] },
      { name: 'class', steps: [{ kind: 'io', durationMs: 2 }] },
      { name: 'main', steps: [{ kind: 'io', durationMs: 3 }] },
    ]);
    const { code } = generatePython(s, 'sequential');
    expect(code).toContain('def task_3d_render():');
    expect(code).toContain('def class_task():');
    expect(code).toContain('def main_task():');
  });
});

/** What the line of each kind of step says. */
const WANT: Record<string, RegExp> = {
  io: /sleep\(/,
  cpu: /busy|to_thread|run_in_executor/,
  native: /native\(/,
  acquire: /\.acquire\(/,
  release: /\.release\(\)/,
  put: /\.put\(/,
  get: /\.get\(\)/,
  set: /\.set\(\)/,
  clear: /\.clear\(\)/,
  wait: /\.wait\(\)/,
  join: /finished_\w+\.wait\(\)|wait_finished\(|asyncio\.gather\(\*finished_|raise Blocked\(/,
  read: /seen_\w+ = /,
  write: / = seen_\w+ = /,
};

/** Under subinterpreters the primitives are concurrent.interpreters queues (interpreters.ts). */
const WANT_QUEUES: Record<string, RegExp> = {
  ...WANT,
  acquire: /^\s*(\w+\.get\(\)|got_\w+ = take\(\w+, [\d.e-]+\))/,
  release: /^\s*\w+\.put\(None\)/,
  set: /event_set\(/,
  clear: /event_clear\(/,
  wait: /event_wait\(|barrier_wait\(/,
  read: /seen_\w+ = peek\(/,
  write: /seen_\w+ = store\(/,
};

describe('generatePython: line markers', () => {
  it('a step list that repeats a pattern becomes a loop, and every step maps onto the pattern’s lines', () => {
    const steps = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? { kind: 'io' as const, durationMs: 10 } : { kind: 'cpu' as const, durationMs: 0.2 },
    );
    const { code, stepLines } = generatePython(scenario([{ name: 'client', steps }]), 'threads');
    expect(code).toContain('def client():\n    for _ in range(20):\n        time.sleep(0.01)');
    const lines = stepLines.get('client')!;
    expect(lines).toHaveLength(40);
    expect(new Set(lines).size).toBe(2);
    expect(lineText(code, lines[0])).toContain('time.sleep(0.01)');
    expect(lineText(code, lines[39])).toContain('busy(');
  });

  it('maps every step of every shipped scenario, under every model, onto a line that runs it', () => {
    const dir = resolve(import.meta.dirname, '../../../content/scenarios');
    const wrong: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json'))) {
      const s = parseScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
      for (const model of MODEL_IDS) {
        const { code, stepLines } = generatePython(s, model);
        const wants = model === 'subinterpreters' ? WANT_QUEUES : WANT;
        for (const task of s.tasks) {
          // Copies made by `count` share their original's lines.
          const lines = stepLines.get(task.name);
          if (!lines || lines.length !== task.steps.length) {
            wrong.push(`${f} ${model} ${task.name}: ${lines?.length} lines for ${task.steps.length} steps`);
            continue;
          }
          task.steps.forEach((step, k) => {
            const text = lineText(code, lines[k]);
            const want = wants[step.kind];
            if (!want.test(text)) wrong.push(`${f} ${model} ${task.name} step ${k}: ${text}`);
          });
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('generatePython: coordination and arrivals', () => {
  const coordinated = scenario(
    [
      {
        name: 'a',
        steps: [
          { kind: 'acquire', sync: 'L', durationMs: 0 },
          { kind: 'read', var: 'x', durationMs: 0 },
          { kind: 'write', var: 'x', durationMs: 0 },
          { kind: 'release', sync: 'L', durationMs: 0 },
          { kind: 'put', sync: 'q', durationMs: 0 },
        ],
      },
      {
        name: 'b',
        steps: [
          { kind: 'get', sync: 'q', durationMs: 1 },
          { kind: 'set', sync: 'go', durationMs: 0 },
          { kind: 'wait', sync: 'bar', durationMs: 0 },
        ],
      },
      {
        name: 'c',
        steps: [
          { kind: 'join', task: 'a', durationMs: 0 },
          { kind: 'wait', sync: 'go', durationMs: 0 },
          { kind: 'wait', sync: 'bar', durationMs: 0 },
        ],
      },
    ],
    {
      sync: {
        L: { type: 'lock' },
        q: { type: 'queue', maxsize: 2, itemBytes: 100 },
        go: { type: 'event' },
        bar: { type: 'barrier', parties: 2 },
      },
      shared: { x: 0 },
    },
  );

  it('threads use threading and queue primitives at module level and a dict for shared variables', () => {
    const { code } = generatePython(coordinated, 'threads');
    expect(code).toContain(
      'l = threading.Lock()\nq = queue.Queue(maxsize=2)\ngo = threading.Event()\nbar = threading.Barrier(2)',
    );
    expect(code).toContain('shared = {"x": 0}');
    expect(code).toContain('    seen_x = shared["x"]\n    shared["x"] = seen_x = seen_x + 1');
    expect(code).toContain('    q.put(bytes(100))');
    expect(code).toContain('    q.get()\n    busy(30_818)  # then 1 ms of Python');
    expect(code).toContain('    finished_a.wait()\n');
    expect(code).toContain('    finished_a.done()  # one more copy has finished');
  });

  it('asyncio awaits asyncio primitives', () => {
    const { code } = generatePython(coordinated, 'asyncio');
    expect(code).toContain('l = asyncio.Lock()');
    expect(code).toContain('    await l.acquire()');
    expect(code).toContain('    await q.get()');
    expect(code).toContain('    await bar.wait()');
    // A join awaits the joined task's asyncio tasks, made in launch order by main().
    expect(code).toContain('finished_a = []  # the asyncio tasks running a(), made by main()');
    expect(code).toContain('    await asyncio.gather(*finished_a)');
    expect(code).toContain(
      '    finished_a.append(asyncio.create_task(a()))\n    tasks = [asyncio.create_task(b())]\n' +
        '    tasks.append(asyncio.create_task(c()))\n    await asyncio.gather(*tasks, *finished_a)',
    );
    expect(code).not.toContain('wait_finished');
  });

  it('processes make multiprocessing primitives in main and pass them to each Process, or to a Pool initializer', () => {
    const { code } = generatePython(coordinated, 'processes');
    expect(code).toContain('    l = ctx.Lock()');
    expect(code).toContain('    x = ctx.Value("q", 0, lock=False)');
    expect(code).toContain('def a(l, x, q, finished_a):');
    expect(code).toContain('    x.value = seen_x = seen_x + 1');
    const pool = generatePython(coordinated, 'processes', { overrides: { poolSize: 2 } }).code;
    expect(pool).toContain('initializer=share, initargs=(l, q, go, bar, finished_a, x)');
    expect(pool).toContain('def a():');
  });

  it('an acquire with a timeout releases only what it got', () => {
    const s = scenario(
      [
        {
          name: 'a',
          steps: [
            { kind: 'acquire', sync: 'L', timeoutMs: 50, durationMs: 0 },
            { kind: 'release', sync: 'L', durationMs: 0 },
          ],
        },
      ],
      { sync: { L: { type: 'lock' } } },
    );
    const { code, stepLines } = generatePython(s, 'threads');
    expect(code).toContain('got_l = l.acquire(timeout=0.05)\n    if got_l:\n        l.release()');
    expect(lineText(code, stepLines.get('a')![1])).toBe('        l.release()');
    expect(generatePython(s, 'asyncio').code).toContain('await asyncio.wait_for(l.acquire(), timeout=0.05)');
  });

  it('step groups as written become loops', () => {
    const written = [
      {
        repeat: 3,
        steps: [
          { kind: 'io' as const, durationMs: 5 },
          { kind: 'cpu' as const, durationMs: 1 },
        ],
      },
    ];
    const s = scenario([
      { name: 'r', steps: [...written[0].steps, ...written[0].steps, ...written[0].steps], written },
    ]);
    const { code, stepLines } = generatePython(s, 'sequential');
    expect(code).toContain('def r():\n    for _ in range(3):\n        time.sleep(0.005)');
    expect(stepLines.get('r')).toHaveLength(6);
  });

  it('tasks that arrive later are started at their arrival time, in arrival order', () => {
    const s = scenario([
      { name: 'req', count: 3, startAtMs: 5, everyMs: 20, steps: [{ kind: 'io', durationMs: 50 }] },
      { name: 'first', steps: [{ kind: 'io', durationMs: 1 }] },
    ]);
    const threads = generatePython(s, 'threads').code;
    expect(threads).toContain('[(5.0 + 20.0 * i, req, ()) for i in range(3)]');
    expect(threads).toContain('key=lambda arrival: arrival[0],');
    expect(threads).toContain('threads.append(start_thread(latencies, i, work, arrived, *args))');
    const aio = generatePython(s, 'asyncio').code;
    expect(aio).toContain('tasks.append(asyncio.create_task(timed(work, arrived, *args)))');
    expect(aio).toContain('await asyncio.sleep(delay)');
  });

  it('with arrivals, every model measures each request from its arrival to its end and prints the latencies', () => {
    const s = scenario([{ name: 'req', count: 4, everyMs: 20, steps: [{ kind: 'io', durationMs: 50 }] }]);
    const want: Partial<Record<string, string[]>> = {
      sequential: ['latencies.append(timed(work, arrived, *args))', 'print_latency(latencies)'],
      asyncio: ['async def timed(work, arrived, *args):', 'print_latency(await asyncio.gather(*tasks))'],
      threads: ['latencies = [0.0] * len(arrivals)', 'latencies[i] = timed(work, arrived, *args)'],
      processes: ['latencies = ctx.Array("d", len(arrivals), lock=False)', 'def store(latencies, i, work, arrived'],
    };
    for (const model of MODEL_IDS) {
      const { code } = generatePython(s, model);
      expect(code).toContain('def print_latency(latencies):');
      expect(code).toContain('import math');
      expect(code).toContain('arrived = t0 + at_ms / 1000');
      for (const text of want[model] ?? []) expect(code, model).toContain(text);
    }
    const pool = generatePython(s, 'processes', { overrides: { poolSize: 2 } }).code;
    expect(pool).toContain('pending.append(pool.apply_async(timed, (work, arrived, *args)))');
    expect(pool).toContain('print_latency([result.get() for result in pending])');
    const threadPool = generatePython(s, 'threads', { overrides: { poolSize: 2 } }).code;
    expect(threadPool).toContain('futures.append(pool.submit(timed, work, arrived, *args))');
  });

  it('prints each shared variable beside its value if no update was lost', () => {
    const s = scenario(
      [
        {
          name: 't',
          count: 4,
          steps: [
            { kind: 'read', var: 'x', durationMs: 0 },
            { kind: 'write', var: 'x', durationMs: 0 },
          ],
        },
      ],
      { shared: { x: 5 } },
    );
    const line = (v: string) => `print(f"x = {${v}} after 4 writes of read + 1 (from 5, 9 if no update was lost)")`;
    expect(generatePython(s, 'threads').code).toContain(`    ${line("shared['x']")}\n`);
    expect(generatePython(s, 'processes').code).toContain(`    ${line('x.value')}\n`);
  });
});

describe('generatePython: waits that never end', () => {
  const put: StepItem[] = [{ repeat: 3, steps: [{ kind: 'put', sync: 'q', durationMs: 0, label: 'q.put(item)' }] }];
  const full = scenario(
    [
      { name: 'producer', steps: unroll(put), written: put },
      { name: 'consumer', steps: [{ kind: 'get', sync: 'q', durationMs: 0 }] },
    ],
    { sync: { q: { type: 'queue', maxsize: 2 } } },
  );

  it('sequentially, the step where the simulation stops checks first and raises Blocked with its sentence', () => {
    const { code, stepLines } = generatePython(full, 'sequential');
    const sentence = 'producer waits on queue q (full); 1 more task never got to run';
    expect(code).toContain(
      [
        '        # Run in turn, no other task can end this wait: the program would hang here.',
        '        if q.full():',
        `            raise Blocked("${sentence}")`,
        '        q.put(None)  # q.put(item)',
      ].join('\n'),
    );
    expect(code).toContain('class Blocked(Exception):');
    expect(code).toContain(
      '    try:\n        main()\n    except Blocked as stuck:\n        print(f"deadlock: {stuck}")',
    );
    // The marker stays on the put itself.
    expect(lineText(code, stepLines.get('producer')![2])).toBe('        q.put(None)  # q.put(item)');
    // Other models, where the consumer takes an item, do not check.
    expect(generatePython(full, 'threads').code).not.toContain('Blocked');
  });

  it('each kind of wait has its check', () => {
    const sync = {
      L: { type: 'lock' as const },
      e: { type: 'event' as const },
      b: { type: 'barrier' as const, parties: 2 },
      q: { type: 'queue' as const, maxsize: 0 },
    };
    const one = (step: Step) =>
      generatePython(
        scenario(
          [
            { name: 'a', steps: [step] },
            { name: 'z', steps: [{ kind: 'io', durationMs: 1 }] },
          ],
          { sync },
        ),
        'sequential',
      ).code;
    expect(one({ kind: 'get', sync: 'q', durationMs: 0 })).toContain('    if q.empty():\n        raise Blocked(');
    expect(one({ kind: 'wait', sync: 'e', durationMs: 0 })).toContain('    if not e.is_set():\n');
    expect(one({ kind: 'wait', sync: 'b', durationMs: 0 })).toContain('    if b.n_waiting + 1 < b.parties:\n');
    const lock = generatePython(
      scenario(
        [
          {
            name: 'a',
            steps: [
              { kind: 'acquire', sync: 'L', durationMs: 0 },
              { kind: 'acquire', sync: 'L', durationMs: 0 },
            ],
          },
        ],
        { sync },
      ),
      'sequential',
    ).code;
    // The second acquire repeats the first: one loop, whose first turn takes the lock and second cannot.
    expect(lock).toContain('    for _ in range(2):\n        # Run in turn');
    expect(lock).toContain(
      '        if not l.acquire(blocking=False):\n            raise Blocked("a holds L and waits for L',
    );
  });

  it('under concurrent models, a workload whose simulation deadlocks gets a watchdog that reports it', () => {
    const dir = resolve(import.meta.dirname, '../../../content/scenarios');
    const s = parseScenario(JSON.parse(readFileSync(join(dir, 'coord-deadlock.json'), 'utf8')), 'coord-deadlock.json');
    const threads = generatePython(s, 'threads').code;
    expect(threads).toContain(
      '# Under threads the simulator finds a deadlock: A holds L1 and waits for L2; B holds L2 and waits\n' +
        '# for L1. A real run can end the same way, and then no task moves again: watchdog() reports it.',
    );
    expect(threads).toContain('def watchdog(seconds, start):');
    expect(threads).toContain(
      '    threading.Thread(target=watchdog, args=(1.0, start), daemon=True).start()\n    main()',
    );
    expect(threads).toMatch(/^import os$/m);
    // Processes: the simulation finds none (B starts too late), but timing decides; children are ended too.
    const processes = generatePython(s, 'processes').code;
    expect(processes).toContain('(not under\n# processes, but timing decides)');
    expect(processes).toContain('for child in multiprocessing.active_children():');
    // The ordered fix has no watchdog.
    const ordered = parseScenario(
      JSON.parse(readFileSync(join(dir, 'coord-deadlock-ordered.json'), 'utf8')),
      'coord-deadlock-ordered.json',
    );
    expect(generatePython(ordered, 'threads').code).not.toContain('watchdog');
  });
});

/** Step groups unrolled, as the parser does. */
function unroll(items: StepItem[]): Step[] {
  return items.flatMap((item) =>
    'repeat' in item ? Array.from({ length: item.repeat }, () => unroll(item.steps)).flat() : [item],
  );
}

describe('generatePython: subinterpreters', () => {
  it('submits every task to an InterpreterPoolExecutor, after checking for Python 3.14', () => {
    const p = generatePython(MIXED, 'subinterpreters');
    expect(p.launch).toBe('interpreter-pool');
    expect(p.requires).toBe('3.14');
    expect(p.code).toContain('def main():\n    from concurrent.futures import InterpreterPoolExecutor\n');
    expect(p.code).toContain('with InterpreterPoolExecutor(max_workers=6) as pool:');
    expect(p.code).toContain('futures = [pool.submit(calc)]');
    expect(p.code).toContain('futures += [pool.submit(d) for _ in range(4)]');
    expect(p.code).toMatch(
      /if sys\.version_info < \(3, 14\):\n {8}sys\.exit\(f"This program needs Python 3\.14 or later \(concurrent\.interpreters and InterpreterPoolExecutor\)/,
    );
    // the version check comes before the executor is imported or used
    expect(p.code.indexOf('sys.version_info < (3, 14)')).toBeLessThan(p.code.indexOf('    main()'));
    expect(p.code).not.toMatch(/^from concurrent\.futures/m);
  });

  it('passes payloads as bytes (copied into the worker interpreter) and honours poolSize', () => {
    const s = scenario([
      { name: 'chunk', count: 2, argsBytes: 1000, resultBytes: 10, steps: [{ kind: 'cpu', durationMs: 5 }] },
    ]);
    const { code } = generatePython(s, 'subinterpreters', { overrides: { poolSize: 2 } });
    expect(code).toContain('with InterpreterPoolExecutor(max_workers=2) as pool:');
    expect(code).toContain('pool.submit(chunk, bytes(1000))');
    expect(code).toContain('return bytes(10)');
  });
});
