import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario } from '../scenario/parse';
import { MODEL_IDS } from '../types';
import { generatePython } from './generate';
import { lineText, MIXED, scenario } from './generateFixtures';

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
