// @vitest-environment node
/**
 * Joins in the generated programs: any number of tasks can join the same task of several copies at
 * once, and all go on once every copy has finished. The programs run under python3 when there is one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario, Task } from '../types';
import type { SimOverrides } from '../settings';
import { generatePython } from './generate';

/** Three copies of w sleep while x and y both wait for all of them (a cpu step after x's join). */
function twoJoiners(arrivals = false): Scenario {
  const tasks: Task[] = [
    { name: 'w', count: 3, ...(arrivals ? { everyMs: 5 } : {}), steps: [{ kind: 'io', durationMs: 30 }] },
    {
      name: 'x',
      steps: [
        { kind: 'join', task: 'w', durationMs: 0 },
        { kind: 'cpu', durationMs: 1 },
      ],
    },
    { name: 'y', steps: [{ kind: 'join', task: 'w', durationMs: 0 }] },
  ];
  return { id: 'two-joiners', title: 'Two tasks join three copies', machine: { cores: 2 }, tasks };
}

/** The body of a top-level def or class, from its header to the next top-level line. */
function block(code: string, header: string): string {
  const at = code.indexOf(header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  const end = code.slice(at + header.length).search(/\n\S/);
  return code.slice(at, end < 0 ? undefined : at + header.length + end).trimEnd();
}

describe('generatePython: a join waits for every copy without taking from other joiners', () => {
  it('threads: the last copy to finish sets an event under a lock; each joiner waits on the event', () => {
    const { code } = generatePython(twoJoiners(), 'threads');
    expect(code).toContain('finished_w = Finished(3)  # counts down the w() copies still running\n');
    const cls = block(code, 'class Finished:');
    expect(cls).toContain('self.lock = threading.Lock()');
    expect(cls).toContain('self.all_done = threading.Event()');
    expect(cls).toMatch(
      /with self\.lock:\n {12}self\.left -= 1\n {12}if self\.left == 0:\n {16}self\.all_done\.set\(\)/,
    );
    expect(cls).toContain('    def wait(self):\n        self.all_done.wait()');
    // The class comes before the module-level line that makes its object.
    expect(code.indexOf('class Finished:')).toBeLessThan(code.indexOf('finished_w = Finished(3)'));
    expect(block(code, 'def w():')).toContain('    finished_w.done()  # one more copy has finished');
    expect(block(code, 'def x():')).toContain('    finished_w.wait()\n');
    expect(block(code, 'def y():')).toBe('def y():\n    finished_w.wait()');
    // Nothing takes from a count that other joiners share.
    expect(code).not.toMatch(/acquire|wait_finished/);
  });

  it('processes: a multiprocessing Value (with its own lock) and Event, made in main and passed on', () => {
    const { code } = generatePython(twoJoiners(), 'processes');
    const cls = block(code, 'class Finished:');
    expect(cls).toContain('def __init__(self, ctx, copies):');
    expect(cls).toContain('self.left = ctx.Value("i", copies)');
    expect(cls).toContain('self.all_done = ctx.Event()');
    expect(cls).toMatch(/with self\.left\.get_lock\(\):\n {12}self\.left\.value -= 1\n {12}if self\.left\.value == 0:/);
    expect(code).toContain('    finished_w = Finished(ctx, 3)  # counts down the w copies still running\n');
    expect(code).toContain('def y(finished_w):\n    finished_w.wait()\n');
    const pool = generatePython(twoJoiners(), 'processes', { overrides: { poolSize: 5 } }).code;
    expect(pool).toContain('initializer=share, initargs=(finished_w,)');
    expect(pool).toContain('def y():\n    finished_w.wait()\n');
  });

  it('asyncio with arrivals: an asyncio.Event the last copy sets, awaited by each joiner', () => {
    const { code } = generatePython(twoJoiners(true), 'asyncio');
    const cls = block(code, 'class Finished:');
    expect(cls).toContain('self.all_done = asyncio.Event()');
    expect(cls).not.toContain('Lock');
    expect(cls).toContain('    async def wait(self):\n        await self.all_done.wait()');
    expect(code).toContain('async def y():\n    await finished_w.wait()\n');
    // Without arrivals every asyncio task exists from the start, and a join awaits them instead.
    expect(generatePython(twoJoiners(), 'asyncio').code).not.toContain('Finished');
  });

  it('a workload without joins has no Finished class', () => {
    const s = twoJoiners();
    const noJoins = { ...s, tasks: s.tasks.map((t) => ({ ...t, steps: t.steps.filter((x) => x.kind !== 'join') })) };
    for (const model of ['sequential', 'threads', 'processes', 'asyncio'] as const)
      expect(generatePython(noJoins, model).code).not.toContain('Finished');
  });
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'interleave-joins-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a program in its own process group (so that a hung one goes with its children), killed after 20 s. */
function run(file: string): Promise<{ status: number | null; timedOut: boolean; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('python3', [file], { detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, 20_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, timedOut, stdout, stderr });
    });
  });
}

const RUNS: {
  name: string;
  model: 'sequential' | 'threads' | 'asyncio' | 'processes';
  arrivals?: boolean;
  overrides?: SimOverrides;
}[] = [
  { name: 'sequential', model: 'sequential' },
  { name: 'threads', model: 'threads' },
  { name: 'a thread pool of 5', model: 'threads', overrides: { poolSize: 5 } },
  { name: 'asyncio with arrivals', model: 'asyncio', arrivals: true },
  { name: 'processes (fork)', model: 'processes' },
  { name: 'processes (spawn)', model: 'processes', overrides: { startMethod: 'spawn' } },
  { name: 'a process pool of 5 (spawn)', model: 'processes', overrides: { poolSize: 5, startMethod: 'spawn' } },
];

describe.runIf(python.status === 0)(`two joiners of three copies under ${python.stdout.trim()}`, () => {
  for (const r of RUNS)
    it(`${r.name}: both joiners go on and the program exits 0`, { timeout: 30_000 }, async () => {
      const { code } = generatePython(twoJoiners(r.arrivals), r.model, { overrides: r.overrides });
      const file = join(work, `${r.name.replace(/\W+/g, '-')}.py`);
      writeFileSync(file, code);
      const out = await run(file);
      expect(out.timedOut, `${r.name} still running after 20 s`).toBe(false);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toMatch(/total: \d+\.\d+ s\n$/);
    });
});
