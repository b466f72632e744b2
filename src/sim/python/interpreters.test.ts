import { describe, expect, it } from 'vitest';
import type { Scenario, Task } from '../types';
import { generatePython } from './generate';

function scenario(tasks: Task[], extra: Partial<Scenario> = {}): Scenario {
  return { id: 'test', title: 'A test workload', machine: { cores: 2 }, tasks, ...extra };
}

/** The body of `def name(...):` up to the next blank line. */
function fn(code: string, header: string): string {
  const at = code.indexOf(`${header}\n`);
  expect(at, `${header} in\n${code}`).toBeGreaterThanOrEqual(0);
  return code.slice(at, code.indexOf('\n\n', at));
}

const LOCKED = scenario(
  [
    {
      name: 'T',
      count: 2,
      steps: [
        { kind: 'acquire', sync: 'L', durationMs: 0 },
        { kind: 'read', var: 'x', durationMs: 0 },
        { kind: 'cpu', durationMs: 1 },
        { kind: 'write', var: 'x', durationMs: 0 },
        { kind: 'release', sync: 'L', durationMs: 0 },
      ],
    },
  ],
  { sync: { L: { type: 'lock' } }, shared: { x: 0 } },
);

describe('generatePython, subinterpreters: primitives as concurrent.interpreters queues', () => {
  it('a lock is a queue of maxsize 1 made in main() with its one token: acquire gets it, release puts it back', () => {
    const { code } = generatePython(LOCKED, 'subinterpreters');
    expect(code).toContain(
      '    from concurrent import interpreters\n    from concurrent.futures import InterpreterPoolExecutor\n',
    );
    expect(code).toContain(
      '    l = interpreters.create_queue(maxsize=1)  # lock L: its token while it is free\n    l.put(None)\n',
    );
    expect(fn(code, 'def t(l, x):')).toBe(
      [
        'def t(l, x):',
        '    l.get()',
        '    seen_x = peek(x)',
        '    busy(30_818)  # 1 ms',
        '    seen_x = store(x, seen_x + 1)',
        '    l.put(None)',
      ].join('\n'),
    );
    // Nothing made at module level: a worker interpreter that imports the module would make its own.
    expect(code).not.toMatch(/^\w+ = interpreters\./m);
    expect(code).not.toMatch(/threading\.(Lock|Semaphore|Event|Barrier)|queue\.Queue|multiprocessing/);
  });

  it('the queues reach each task as submit() arguments, also when tasks arrive over time', () => {
    expect(generatePython(LOCKED, 'subinterpreters').code).toContain(
      '        futures = [pool.submit(t, l, x) for _ in range(2)]',
    );
    const arriving = scenario([{ ...LOCKED.tasks[0], startAtMs: 10, everyMs: 20 }], {
      sync: LOCKED.sync,
      shared: LOCKED.shared,
    });
    const { code } = generatePython(arriving, 'subinterpreters');
    expect(code).toContain('[(10.0 + 20.0 * i, t, (l, x)) for i in range(2)]');
    expect(code).toContain('futures.append(pool.submit(timed, work, arrived, *args))');
    expect(code).toContain('print_latency([future.result() for future in futures])');
  });

  it('a shared variable is a one-item queue of its value, printed before the pool closes its interpreters', () => {
    const { code } = generatePython(LOCKED, 'subinterpreters');
    expect(code).toContain('    x = interpreters.create_queue(maxsize=1)  # shared x: its value\n    x.put(0)\n');
    expect(code).toContain('def peek(box):\n    """The item a one-item queue holds: taken, then put back."""');
    expect(code).toContain('def store(box, value):');
    // Inside the with-block (8 spaces), after the results.
    expect(code).toMatch(
      /future\.result\(\)\n {8}# Read while the workers live[^\n]*\n {8}print\(f"x = \{peek\(x\)\} after 2 writes of read \+ 1 \(from 0, 2 if no update was lost\)"\)\n/,
    );
  });

  it('a write with no read before it stores the current value + 1', () => {
    const s = scenario([{ name: 'w', steps: [{ kind: 'write', var: 'n', durationMs: 0 }] }], { shared: { n: 5 } });
    const { code } = generatePython(s, 'subinterpreters');
    expect(code).toContain('def w(n):\n    seen_n = store(n, peek(n) + 1)\n');
    expect(code).toContain('    n.put(5)\n');
  });

  it('a semaphore of n starts with n tokens; a timed acquire polls take() and skips the release it did not get', () => {
    const s = scenario(
      [
        {
          name: 'd',
          count: 5,
          steps: [
            { kind: 'acquire', sync: 'sem', durationMs: 0, timeoutMs: 250 },
            { kind: 'io', durationMs: 100 },
            { kind: 'release', sync: 'sem', durationMs: 0 },
          ],
        },
      ],
      { sync: { sem: { type: 'semaphore', value: 3 } } },
    );
    const { code, stepLines } = generatePython(s, 'subinterpreters');
    expect(code).toContain(
      '    sem = interpreters.create_queue()  # semaphore sem: a token per free place\n' +
        '    for _ in range(3):\n        sem.put(None)\n',
    );
    expect(code).toContain('    got_sem = take(sem, 0.25)\n');
    expect(code).toContain('    if got_sem:\n        sem.put(None)\n');
    expect(code).toMatch(/^import queue$/m);
    expect(code).toContain('def take(tokens, timeout):');
    expect(code).toContain('tokens.get_nowait()');
    // Queue.get(timeout=…) would wait whole seconds only: take() keeps its own deadline.
    expect(code.replace(/#.*$/gm, '')).not.toMatch(/\.get\(timeout=/);
    const lines = code.split('\n');
    expect(lines[stepLines.get('d')![2] - 1]).toBe('        sem.put(None)');
  });

  it('an event is a one-item queue of (flag, times set): set and clear replace it, wait polls until it is up or set since', () => {
    const s = scenario(
      [
        {
          name: 'setter',
          steps: [
            { kind: 'set', sync: 'e', durationMs: 0 },
            { kind: 'clear', sync: 'e', durationMs: 0 },
          ],
        },
        { name: 'waiter', steps: [{ kind: 'wait', sync: 'e', durationMs: 0 }] },
      ],
      { sync: { e: { type: 'event' } } },
    );
    const { code } = generatePython(s, 'subinterpreters');
    expect(code).toContain(
      '    e = interpreters.create_queue(maxsize=1)  # event e: (is it set, times set)\n    e.put((False, 0))\n',
    );
    expect(fn(code, 'def event_set(event):')).toContain('_, sets = event.get()\n    event.put((True, sets + 1))');
    expect(fn(code, 'def event_clear(event):')).toContain('_, sets = event.get()\n    event.put((False, sets))');
    expect(fn(code, 'def event_wait(event):')).toContain('up = up or now != sets');
    expect(code).toContain('def setter(e):\n    event_set(e)\n    event_clear(e)\n');
    expect(code).toContain('def waiter(e):\n    event_wait(e)\n');
  });

  it('a barrier of n parties is a one-item queue of (arrived, trips) that the last arrival moves on', () => {
    const s = scenario([{ name: 'p', count: 3, steps: [{ kind: 'wait', sync: 'b', durationMs: 0 }] }], {
      sync: { b: { type: 'barrier', parties: 3 } },
    });
    const { code } = generatePython(s, 'subinterpreters');
    expect(code).toContain(
      '    b = interpreters.create_queue(maxsize=1)  # barrier b of 3: (tasks arrived, trips)\n    b.put((0, 0))\n',
    );
    expect(code).toContain('def p(b):\n    barrier_wait(b, 3)\n');
    const helper = fn(code, 'def barrier_wait(barrier, parties):');
    expect(helper).toContain('if arrived + 1 == parties:\n        barrier.put((0, trips + 1))');
    expect(helper).toContain('while peek(barrier)[1] == trips:');
    // Only the helpers the program calls.
    expect(code).not.toMatch(/def (event_\w+|take|store|wait_finished)\(/);
  });

  it('a bounded queue keeps its maxsize and puts bytes of itemBytes; 0 is unbounded', () => {
    const s = scenario(
      [
        { name: 'producer', steps: [{ kind: 'put', sync: 'q', durationMs: 0 }] },
        { name: 'consumer', steps: [{ kind: 'get', sync: 'q', durationMs: 0 }] },
        { name: 'logger', steps: [{ kind: 'put', sync: 'log', durationMs: 0 }] },
      ],
      { sync: { q: { type: 'queue', maxsize: 2, itemBytes: 1024 }, log: { type: 'queue', maxsize: 0 } } },
    );
    const { code } = generatePython(s, 'subinterpreters', { scale: 0.5 });
    expect(code).toContain('    q = interpreters.create_queue(maxsize=2)  # queue q\n');
    expect(code).toContain('    log = interpreters.create_queue()  # queue log (unbounded)\n');
    expect(code).toContain('def producer(q):\n    q.put(bytes(512))\n');
    expect(code).toContain('def consumer(q):\n    q.get()\n');
    expect(code).toContain('def logger(log):\n    log.put(None)\n');
  });

  it('a join waits until every copy of the joined task has put a token in its done-queue', () => {
    const s = scenario([
      { name: 'A', count: 3, steps: [{ kind: 'io', durationMs: 10 }] },
      { name: 'B', steps: [{ kind: 'join', task: 'A', durationMs: 0 }] },
    ]);
    const { code, stepLines } = generatePython(s, 'subinterpreters');
    expect(code).toContain('    finished_a = interpreters.create_queue()  # a token from each A that finishes\n');
    expect(code).toContain(
      'def a(finished_a):\n    time.sleep(0.01)  # 10 ms\n    finished_a.put(None)  # one more copy has finished\n',
    );
    expect(code).toContain('def b(finished_a):\n    wait_finished(finished_a, 3)\n');
    // Tokens stay in the queue, so any number of joiners see them all.
    expect(fn(code, 'def wait_finished(finished, copies):')).toContain('while finished.qsize() < copies:');
    expect(code.split('\n')[stepLines.get('B')![0] - 1]).toBe('    wait_finished(finished_a, 3)');
  });
});

describe('generatePython, subinterpreters: what the program says and how it ends', () => {
  it('its docstring says it needs Python 3.14 and how the queues stand for the primitives', () => {
    const { code, requires } = generatePython(LOCKED, 'subinterpreters');
    expect(requires).toBe('3.14');
    const doc = code.slice(0, code.indexOf('"""', 3));
    expect(doc).toContain(
      'only concurrent.interpreters\nqueues: main() makes one for each and passes it to the tasks.',
    );
    expect(doc).toContain(
      'Run it with Python 3.14 or later (concurrent.interpreters, concurrent.futures.InterpreterPoolExecutor).',
    );
    for (const line of doc.split('\n')) expect(line.length, line).toBeLessThanOrEqual(104);
  });

  it('on Python before 3.14 it exits with a line naming concurrent.interpreters, before importing it', () => {
    const { code } = generatePython(LOCKED, 'subinterpreters');
    expect(code).toContain(
      '    if sys.version_info < (3, 14):\n' +
        '        sys.exit(f"This program needs Python 3.14 or later (concurrent.interpreters and InterpreterPoolExecutor); this is {sys.version.split()[0]}.")\n',
    );
    expect(code).not.toMatch(/^(from concurrent|import concurrent)/m);
  });

  it('a workload whose simulation deadlocks gets the watchdog that reports it and exits', () => {
    const s = scenario(
      [
        {
          name: 'A',
          steps: [
            { kind: 'acquire', sync: 'L1', durationMs: 0 },
            { kind: 'io', durationMs: 5 },
            { kind: 'acquire', sync: 'L2', durationMs: 0 },
            { kind: 'release', sync: 'L2', durationMs: 0 },
            { kind: 'release', sync: 'L1', durationMs: 0 },
          ],
        },
        {
          name: 'B',
          steps: [
            { kind: 'acquire', sync: 'L2', durationMs: 0 },
            { kind: 'io', durationMs: 5 },
            { kind: 'acquire', sync: 'L1', durationMs: 0 },
            { kind: 'release', sync: 'L1', durationMs: 0 },
            { kind: 'release', sync: 'L2', durationMs: 0 },
          ],
        },
      ],
      { sync: { L1: { type: 'lock' }, L2: { type: 'lock' } } },
    );
    const { code } = generatePython(s, 'subinterpreters');
    expect(code).toContain('# Under subinterpreters the simulator finds a deadlock: A holds L1 and waits for L2');
    expect(code).toContain('def watchdog(seconds, start):');
    expect(code).toContain('    threading.Thread(target=watchdog, args=(1.0, start), daemon=True).start()\n    main()');
    expect(code).toMatch(/^import os$/m);
  });

  it('a workload without coordination keeps its plain program: no queues, no interpreters import', () => {
    const s = scenario([{ name: 'a', steps: [{ kind: 'io', durationMs: 10 }] }]);
    const { code } = generatePython(s, 'subinterpreters');
    expect(code).not.toContain('create_queue');
    expect(code).not.toContain('from concurrent import interpreters');
    expect(code).toContain('Run it with Python 3.14 or later (concurrent.futures.InterpreterPoolExecutor).');
  });
});
