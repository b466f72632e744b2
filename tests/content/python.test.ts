// @vitest-environment node
/**
 * The generated program of every shipped scenario and model runs under python3, with durations scaled
 * down, exits with status 0 and prints a sane total. Programs run a few at a time in the background
 * (started in beforeAll); each test waits for its own. Subinterpreters programs need Python 3.14: on an
 * older python3 they run under interpreters_standin.py (threads and pickled copies standing in for
 * interpreters and their queues), and each also shows that it exits 1 naming concurrent.interpreters.
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
const MAX_THREADS = 1000;
const MAX_PROCESSES = 100;
/** Workloads that can deadlock run longer, so that a task holds its first lock well beyond a thread's start. */
const MAX_RACE_SCALE = 50;

const python = spawnSync(
  'python3',
  ['-c', 'import sys; print(sys.version.split()[0], int(getattr(sys, "_is_gil_enabled", lambda: True)())); print(sys.executable)'],
  { encoding: 'utf8' },
);
const [versionLine, executable] = (python.stdout ?? '').trim().split('\n');
const [pythonVersion, gil] = (versionLine ?? '').split(' ');
/** The interpreter itself: a version manager's `python3` shim costs a few hundred ms per start on a busy machine. */
const PYTHON = executable || 'python3';
const hasGil = gil !== '0';
/** InterpreterPoolExecutor (the subinterpreters model) is new in Python 3.14. */
const [major, minor] = (pythonVersion ?? '0.0').split('.').map(Number);
const hasInterpreters = major > 3 || (major === 3 && minor >= 14);
/**
 * Before Python 3.14, subinterpreters programs run under a stand-in for concurrent.interpreters and
 * InterpreterPoolExecutor (threads, items and arguments copied by pickle): their logic is checked, not
 * Python 3.14 (see interpreters_standin.py).
 */
const STANDIN = join(root, 'tests/content/interpreters_standin.py');
/**
 * A free-threading program refuses a build with a GIL; on one, it runs under gil_standin.py, which says
 * the GIL is off: its logic is checked, not free-threaded Python's parallel threads.
 */
const GIL_STANDIN = join(root, 'tests/content/gil_standin.py');
function standIn(model: ModelId): boolean {
  return (model === 'subinterpreters' && !hasInterpreters) || (model === 'free-threading' && hasGil);
}
function standInFile(model: ModelId): string {
  return model === 'free-threading' ? GIL_STANDIN : STANDIN;
}
/** Why a program of this model cannot run on this python3 at all, or null. */
function wrongPython(model: ModelId): string | null {
  if (model === 'free-threading' && hasGil) return `needs free-threaded Python; python3 ${pythonVersion} has a GIL`;
  if (model === 'subinterpreters' && !hasInterpreters)
    return `needs Python 3.14 (concurrent.interpreters); python3 ${pythonVersion} is older`;
  return null;
}

function sequentialMs(scenario: Scenario): number {
  let ms = 0;
  for (const task of expandTasks(scenario)) for (const step of task.steps) ms += step.durationMs;
  return ms;
}

function scaleFor(scenario: Scenario): number {
  const max = racing(scenario).length ? MAX_RACE_SCALE : MAX_SCALE;
  return Math.min(max, TARGET_SEQUENTIAL_MS / Math.max(1, sequentialMs(scenario)));
}

/** The scenario as a program scaled by `scale` runs it: durations, timeouts and arrivals multiplied. */
function scaled(scenario: Scenario, scale: number): Scenario {
  return {
    ...scenario,
    tasks: scenario.tasks.map((t) => ({
      ...t,
      written: undefined,
      ...(t.startAtMs !== undefined ? { startAtMs: t.startAtMs * scale } : {}),
      ...(t.everyMs !== undefined ? { everyMs: t.everyMs * scale } : {}),
      steps: t.steps.map((step) => ({
        ...step,
        durationMs: step.durationMs * scale,
        ...(step.timeoutMs !== undefined ? { timeoutMs: step.timeoutMs * scale } : {}),
      })),
    })),
  };
}

/** Only tasks that wait on primitives or on each other can deadlock. */
function coordinated(scenario: Scenario): boolean {
  return Object.keys(scenario.sync ?? {}).length > 0 || scenario.tasks.some((t) => t.steps.some((s) => s.kind === 'join'));
}

const racingModels = new Map<Scenario, ModelId[]>();
/** The concurrent models under which the simulation of a scenario ends in a deadlock. */
function racing(scenario: Scenario): ModelId[] {
  let models = racingModels.get(scenario);
  if (!models) racingModels.set(scenario, (models = deadlocking(scenario).filter((m) => m !== 'sequential')));
  return models;
}

/**
 * What the program must report about a deadlock: 'always' (sequential, by structure; asyncio and threads
 * where the scaled simulation deadlocks, with a margin of tens of ms), 'maybe' (timing decides, e.g. how
 * long a process takes to start on a busy machine), or 'never'.
 */
function deadlockExpected(c: Case): 'always' | 'maybe' | 'never' {
  if (!coordinated(c.scenario)) return 'never';
  const stuck = simulate(scaled(c.scenario, c.scale), c.model, { trace: 'summary' }).metrics.deadlock !== null;
  if (c.model === 'sequential') return stuck ? 'always' : 'never';
  if (stuck && c.model !== 'processes') return 'always';
  return stuck || racing(c.scenario).length ? 'maybe' : 'never';
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
  if (!coordinated(scenario)) return [];
  return MODEL_IDS.filter((m) => simulate(scenario, m, { trace: 'summary' }).metrics.deadlock !== null);
}

/** Why a program is not run here, or null. (Deadlocks are run: the programs report them and exit.) */
function skipReason(program: PythonProgram): string | null {
  if (program.launch === 'threads' && program.taskCount > MAX_THREADS)
    return `${program.taskCount} threads at once: beyond a 2-core CI machine`;
  if (program.launch === 'processes' && program.taskCount > MAX_PROCESSES)
    return `${program.taskCount} processes at once: beyond a 2-core CI machine`;
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
function runPython(file: string, runner: string[] = []): Promise<Run> {
  return new Promise((done) => {
    const start = () => {
      running++;
      const t0 = performance.now();
      // Its own process group, so that a program that hangs goes with all its children.
      const child = spawn(PYTHON, [...runner, file], { cwd: work, detached: true });
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
    return { name: `${scenario.id} · ${model}`, scenario, model, scale, program, skip: skipReason(program) };
  }),
);

let startedAt = 0;
beforeAll(() => {
  startedAt = performance.now();
  for (const c of cases) {
    if (c.skip || (wrongPython(c.model) !== null && !standIn(c.model))) continue;
    const file = join(work, `${c.scenario.id}--${c.model}.py`);
    writeFileSync(file, c.program.code);
    c.run = runPython(file, standIn(c.model) ? [standInFile(c.model)] : []);
  }
});
afterAll(async () => {
  const runs = await Promise.all(cases.filter((c) => c.run).map(async (c) => ({ name: c.name, ms: (await c.run!).ms })));
  const slowest = runs.sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `python3: ${runs.length} programs in ${((performance.now() - startedAt) / 1000).toFixed(1)} s, ${CONCURRENCY} at a time; ` +
      `slowest ${slowest.map((r) => `${r.name} ${(r.ms / 1000).toFixed(2)} s`).join(', ')}`,
  );
  rmSync(work, { recursive: true, force: true });
});

/** Per-request latencies (ms, arrival order) from `latency (ms): …`, or null. */
function parseLatencies(stdout: string): number[] | null {
  const m = /^latency \(ms\): (.*)$/m.exec(stdout);
  return m ? m[1].trim().split(/\s+/).map(Number) : null;
}

/** Each task's own sleeps (ms, scaled), in arrival order. */
function sleepsByArrival(scenario: Scenario, scale: number): number[] {
  return expandTasks(scenario)
    .map((t, i) => ({ i, at: t.startAtMs ?? 0, ms: t.steps.reduce((n, s) => n + (s.kind === 'io' ? s.durationMs : 0), 0) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((t) => t.ms * scale);
}

/** `x = 97 after 100 writes of read + 1 (from 0, 100 if no update was lost)` lines: value and ideal. */
function parseShared(stdout: string): Map<string, { value: number; ideal: number }> {
  const out = new Map<string, { value: number; ideal: number }>();
  for (const m of stdout.matchAll(/^(\w+) = (-?[\d.]+) after \d+ writes of read \+ 1 \(from -?[\d.]+, (-?[\d.]+) if no update was lost\)$/gm))
    out.set(m[1], { value: Number(m[2]), ideal: Number(m[3]) });
  return out;
}

/** Whether the simulation loses no update of any shared variable under any model (the workload protects them). */
function protectedEverywhere(c: Case): boolean {
  const s = scaled(c.scenario, c.scale);
  return MODEL_IDS.every((m) =>
    Object.values(simulate(s, m, { trace: 'summary' }).metrics.shared ?? {}).every((v) => v.lostUpdates === 0),
  );
}

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
    const wrong = wrongPython(c.model);
    if (wrong !== null && !standIn(c.model)) {
      it.skip(`${c.name} (skipped: ${wrong})`, () => {});
      continue;
    }
    const deadlock = deadlockExpected(c);
    const what = deadlock === 'never' ? '' : deadlock === 'always' ? ', reports the deadlock' : ', may report a deadlock';
    const under = !standIn(c.model)
      ? ''
      : c.model === 'free-threading'
        ? ` with the GIL reported off (threads on python3 ${pythonVersion} with its GIL, not ${c.program.requires})`
        : ` under a stand-in for concurrent.interpreters (threads on python3 ${pythonVersion}, not Python 3.14)`;
    it(`${c.name} runs${under}, exits 0${what} and prints a sane total`, { timeout: 120_000 }, async () => {
      const run = await c.run!;
      expect(run.timedOut, `${c.name} still running after ${PROGRAM_TIMEOUT_MS} ms`).toBe(false);
      expect(run.status, `${c.name}\n${run.stderr}`).toBe(0);
      const total = parseTotal(run.stdout);
      expect(total, `last line of:\n${run.stdout}`).not.toBeNull();
      expect(total! * 1000).toBeLessThanOrEqual(run.ms);
      const reported = /^deadlock: /m.test(run.stdout);
      if (deadlock === 'always') expect(reported, run.stdout).toBe(true);
      if (deadlock === 'never') expect(reported, run.stdout).toBe(false);
      if (reported) {
        // Sequentially the program stops where the simulation does, with its sentence.
        const sim = simulate(scaled(c.scenario, c.scale), c.model, { trace: 'summary' }).metrics.deadlock;
        if (c.model === 'sequential') expect(run.stdout).toContain(`deadlock: ${sim!.cycle}\n`);
        return;
      }
      // Sleeps never end early, so the total is at least the sleeps that cannot overlap; and it cannot
      // exceed the process's own wall time.
      expect(total!).toBeGreaterThanOrEqual(sleepFloorS(c.scenario, c.model, c.scale) * 0.999);
      // Tasks that arrive over time: one latency per request, each at least the request's own sleeps
      // (printed to 0.1 ms).
      const latencies = parseLatencies(run.stdout);
      if (c.scenario.tasks.some((t) => (t.startAtMs ?? 0) > 0 || (t.everyMs ?? 0) > 0)) {
        expect(latencies, run.stdout).not.toBeNull();
        const floors = sleepsByArrival(c.scenario, c.scale);
        expect(latencies).toHaveLength(floors.length);
        latencies!.forEach((ms, i) => expect(ms, `request ${i}`).toBeGreaterThanOrEqual(floors[i] - 0.05));
        expect(run.stdout).toMatch(/^latency: p50 [\d.]+ ms, p95 [\d.]+ ms, max [\d.]+ ms$/m);
      } else expect(latencies).toBeNull();
      // Shared variables: never more than every write's read + 1; exactly that where nothing can race
      // (run in turn, or protected by a lock under every model).
      const shared = parseShared(run.stdout);
      expect(shared.size).toBe(Object.keys(c.scenario.shared ?? {}).length);
      const exact = c.model === 'sequential' || protectedEverywhere(c);
      for (const [name, { value, ideal }] of shared) {
        expect(value, name).toBeLessThanOrEqual(ideal);
        if (exact) expect(value, name).toBe(ideal);
      }
    });
  }
});

describe('programs not run here', () => {
  const notRun = cases.filter((c) => c.skip || (wrongPython(c.model) !== null && !standIn(c.model)));
  it(`still compile under python3 ${pythonVersion} (${notRun.length} programs)`, () => {
    const files = notRun.map((c) => {
      const file = join(work, `compile--${c.scenario.id}--${c.model}.py`);
      writeFileSync(file, c.program.code);
      return file;
    });
    const run = spawnSync(PYTHON, ['-m', 'py_compile', ...files], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('a free-threading program on a build with a GIL', () => {
  const c = cases.find((x) => x.model === 'free-threading')!;
  it.runIf(hasGil)('refuses to run and says which build it needs', () => {
    const file = join(work, 'free-threading-check.py');
    writeFileSync(file, c.program.code);
    const run = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: PROGRAM_TIMEOUT_MS });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/needs free-threaded Python \(python3\.1\dt\)/);
    expect(run.stdout).toBe('');
  });
});

describe('subinterpreters programs on Python before 3.14', () => {
  const programs = cases.filter((c) => c.model === 'subinterpreters');
  it('there is one for every shipped scenario', () => {
    expect(programs.map((c) => c.scenario.id)).toEqual(scenarios.map((s) => s.id));
  });
  it.runIf(!hasInterpreters)(`every one parses with ast.parse under python3 ${pythonVersion}`, () => {
    const files = programs.map((c) => {
      const file = join(work, `parse--${c.scenario.id}.py`);
      writeFileSync(file, c.program.code);
      return file;
    });
    const check = [
      'import ast, sys',
      'for name in sys.argv[1:]:',
      '    with open(name, encoding="utf-8") as f:',
      '        ast.parse(f.read(), filename=name)',
      'print(len(sys.argv) - 1)',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', check, ...files], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(String(programs.length));
  });
  for (const c of programs)
    it.runIf(!hasInterpreters)(`${c.scenario.id}: exits 1 with the line that it needs Python 3.14 (concurrent.interpreters)`, () => {
      const file = join(work, `old-python--${c.scenario.id}.py`);
      writeFileSync(file, c.program.code);
      const run = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: PROGRAM_TIMEOUT_MS });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `This program needs Python 3.14 or later (concurrent.interpreters and InterpreterPoolExecutor); this is ${pythonVersion}.\n`,
      );
    });
});
