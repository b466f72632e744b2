// @vitest-environment node
/**
 * The generated program of every shipped scenario and model runs under python3, with durations scaled
 * down, exits with status 0 and prints a sane total. Programs run a few at a time in the background
 * (started in beforeAll); each test waits for its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { expandTasks, MODEL_IDS, parseScenario, simulate, type ModelId, type Scenario } from '../../src/sim';
import { generatePython, type PythonProgram } from '../../src/sim/python';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'content/scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const scenarios = files.map((f) => parseScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')), `content/scenarios/${f}`));

/** Scaled so that the whole workload done in turn takes about this long (sequential), and never more. */
const TARGET_SEQUENTIAL_MS = 100;
const MAX_SCALE = 0.05;
/** Programs at once: the machine has 2 cores and the timings should stay sane. */
const CONCURRENCY = 2;
const PROGRAM_TIMEOUT_MS = 20_000;
/** More OS threads or processes at once than this is not something to start on a 2-core CI machine. */
const MAX_WORKERS = 500;

const python = spawnSync('python3', ['-c', 'import sys; print(sys.version.split()[0], int(getattr(sys, "_is_gil_enabled", lambda: True)()))'], {
  encoding: 'utf8',
});
const [pythonVersion, gil] = (python.stdout ?? '').trim().split(' ');
const hasGil = gil !== '0';

function sequentialMs(scenario: Scenario): number {
  let ms = 0;
  for (const task of expandTasks(scenario)) for (const step of task.steps) ms += step.durationMs;
  return ms;
}

function scaleFor(scenario: Scenario): number {
  return Math.min(MAX_SCALE, TARGET_SEQUENTIAL_MS / Math.max(1, sequentialMs(scenario)));
}

/** Sleeps that cannot overlap: within one task always; across all tasks when they run in turn. */
function sleepFloorS(scenario: Scenario, model: ModelId, scale: number): number {
  const perTask = expandTasks(scenario).map((t) =>
    t.steps.reduce((sum, s) => sum + (s.kind === 'io' ? s.durationMs : 0), 0),
  );
  const ms = model === 'sequential' ? perTask.reduce((a, b) => a + b, 0) : Math.max(0, ...perTask);
  return (ms * scale) / 1000;
}

/** The models under which the simulation of a scenario ends in a deadlock. */
function deadlocking(scenario: Scenario): ModelId[] {
  return MODEL_IDS.filter((m) => simulate(scenario, m, { trace: 'summary' }).metrics.deadlock !== null);
}

/** Why a program is not run here, or null. */
function skipReason(scenario: Scenario, program: PythonProgram, model: ModelId): string | null {
  const stuck = deadlocking(scenario);
  if (stuck.includes(model)) return 'the simulation deadlocks, and so would the program';
  // Whether tasks that can deadlock do depends on timing, which scaling and a busy machine change.
  // (Sequential code deadlocks on a barrier or a full queue by structure, not by timing.)
  const racing = stuck.filter((m) => m !== 'sequential');
  if (racing.length && model !== 'sequential')
    return `a race: the simulation deadlocks under ${racing.join(', ')}, so this run may too`;
  const unbounded = program.launch === 'threads' || program.launch === 'processes';
  if (unbounded && program.taskCount > MAX_WORKERS)
    return `${program.taskCount} ${model === 'processes' ? 'processes' : 'threads'} at once: beyond a 2-core CI machine`;
  return null;
}

interface Run {
  status: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

const work = mkdtempSync(join(tmpdir(), 'interleave-python-'));
const queue: (() => void)[] = [];
let running = 0;
function runPython(file: string): Promise<Run> {
  return new Promise((done) => {
    const start = () => {
      running++;
      const t0 = performance.now();
      // Its own process group, so that a program that hangs goes with all its children.
      const child = spawn('python3', [file], { cwd: work, detached: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        process.kill(-child.pid!, 'SIGKILL');
      }, PROGRAM_TIMEOUT_MS);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => {
        clearTimeout(timer);
        running--;
        done({ status, timedOut, stdout, stderr, ms: performance.now() - t0 });
        queue.shift()?.();
      });
    };
    if (running < CONCURRENCY) start();
    else queue.push(start);
  });
}

interface Case {
  name: string;
  scenario: Scenario;
  model: ModelId;
  scale: number;
  program: PythonProgram;
  skip: string | null;
  run?: Promise<Run>;
}

const cases: Case[] = scenarios.flatMap((scenario) =>
  MODEL_IDS.map((model) => {
    const scale = scaleFor(scenario);
    const program = generatePython(scenario, model, { scale });
    return { name: `${scenario.id} · ${model}`, scenario, model, scale, program, skip: skipReason(scenario, program, model) };
  }),
);

beforeAll(() => {
  for (const c of cases) {
    if (c.skip || (c.model === 'free-threading' && hasGil)) continue;
    const file = join(work, `${c.scenario.id}--${c.model}.py`);
    writeFileSync(file, c.program.code);
    c.run = runPython(file);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function parseTotal(stdout: string): number | null {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  const m = /^total: (\d+\.\d+) s$/.exec(last);
  return m ? Number(m[1]) : null;
}

describe(`generated Python programs under python3 ${pythonVersion}`, () => {
  it('python3 is there', () => {
    expect(python.status, python.stderr).toBe(0);
  });

  for (const c of cases) {
    if (c.skip) {
      it.skip(`${c.name} (skipped: ${c.skip})`, () => {});
      continue;
    }
    if (c.model === 'free-threading' && hasGil) {
      it.skip(`${c.name} (skipped: needs free-threaded Python ${c.program.requires}; python3 ${pythonVersion} has a GIL)`, () => {});
      continue;
    }
    it(`${c.name} runs, exits 0 and prints a sane total`, { timeout: 120_000 }, async () => {
      const run = await c.run!;
      expect(run.timedOut, `${c.name} still running after ${PROGRAM_TIMEOUT_MS} ms`).toBe(false);
      expect(run.status, `${c.name}\n${run.stderr}`).toBe(0);
      const total = parseTotal(run.stdout);
      expect(total, `last line of:\n${run.stdout}`).not.toBeNull();
      // Sleeps never end early, so the total is at least the sleeps that cannot overlap; and it cannot
      // exceed the process's own wall time.
      expect(total!).toBeGreaterThanOrEqual(sleepFloorS(c.scenario, c.model, c.scale) * 0.999);
      expect(total! * 1000).toBeLessThanOrEqual(run.ms);
    });
  }
});

describe('programs not run here', () => {
  const notRun = cases.filter((c) => c.skip || (c.model === 'free-threading' && hasGil));
  it(`still compile under python3 ${pythonVersion} (${notRun.length} programs)`, () => {
    const files = notRun.map((c) => {
      const file = join(work, `compile--${c.scenario.id}--${c.model}.py`);
      writeFileSync(file, c.program.code);
      return file;
    });
    const run = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('a free-threading program on a build with a GIL', () => {
  const c = cases.find((x) => x.model === 'free-threading')!;
  it.runIf(hasGil)('refuses to run and says which build it needs', () => {
    const file = join(work, 'free-threading-check.py');
    writeFileSync(file, c.program.code);
    const run = spawnSync('python3', [file], { encoding: 'utf8', timeout: PROGRAM_TIMEOUT_MS });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/needs free-threaded Python \(python3\.1\dt\)/);
    expect(run.stdout).toBe('');
  });
});
