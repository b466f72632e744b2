import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario } from '../scenario/parse';
import type { Step, StepItem } from '../types';
import { generatePython } from './generate';
import { lineText, MIXED, scenario, unroll } from './generateFixtures';

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
