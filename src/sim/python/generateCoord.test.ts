import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../types';
import { generatePython } from './generate';
import { lineText, scenario } from './generateFixtures';

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
