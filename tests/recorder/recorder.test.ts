/**
 * The recorder's command line and what it records, run with python3; then the round trip. One file, so that
 * its programs run one after another and not beside each other on a small machine.
 * Record the generated programs of shipped scenarios with python3, derive their workload, replay it under the model they used, and
 * compare totals: within 10 % (3 % for the I/O-bound one). The machine running the tests may be busy
 * with other work, which slows a recorded run but not its replay, so each program gets three attempts
 * and the closest counts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRecording } from '../../src/sim/recording/compare';
import { generatePython } from '../../src/sim/python/index';
import { parseScenario } from '../../src/sim/scenario/parse';
import type { ModelId } from '../../src/sim/types';
import { PROGRAMS, runRecorder } from './record';

describe('interleave_record.py', () => {
  it('records threads with their names, and labels their sleeps', () => {
    const run = runRecorder([`${PROGRAMS}/threads_cpu.py`]);
    expect(run.status, run.stderr).toBe(0);
    const rec = run.recording!;
    expect(rec.format).toBe('interleave-recording');
    expect(rec.python.version).toMatch(/^3\.\d+\.\d+$/);
    const names = rec.processes[0].threads.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['MainThread', 'worker-0', 'worker-1']));
    expect(names).not.toContain('interleave-sampler');
    const worker = rec.processes[0].threads.find((t) => t.name === 'worker-1')!;
    expect(worker.segments.some((s) => s.label === 'sleep' && s.endMs - s.startMs > 40)).toBe(true);
    expect(worker.cpuMs).toBeGreaterThan(10);
  });

  it('records asyncio tasks: creation, resumptions and the awaits between', () => {
    const rec = runRecorder([`${PROGRAMS}/aio_downloads.py`]).recording!;
    const tasks = rec.processes[0].tasks!;
    const downloads = tasks.filter((t) => t.coroutine === 'download');
    expect(downloads).toHaveLength(6);
    for (const t of downloads) {
      expect(t.parent).toBe(tasks[0].id);
      expect(t.resumptions).toHaveLength(3);
      expect(t.awaits.map((w) => w.label)).toEqual(['sleep', 'sleep']);
    }
  });

  it('merges the recordings of pool workers, each call with its CPU time', () => {
    const rec = runRecorder([`${PROGRAMS}/process_pool.py`]).recording!;
    expect(rec.processes).toHaveLength(3);
    const calls = rec.processes.slice(1).flatMap((p) => p.calls ?? []);
    expect(calls.map((c) => c.name)).toEqual(['count', 'count', 'count', 'count']);
    for (const p of rec.processes.slice(1)) expect(p.parentPid).toBe(rec.processes[0].pid);
  });

  it('records children started with spawn', () => {
    const rec = runRecorder([`${PROGRAMS}/spawn_children.py`]).recording!;
    const children = rec.processes.slice(1);
    expect(children).toHaveLength(2);
    for (const c of children) {
      expect(c.startMethod).toBe('spawn');
      expect(c.calls?.map((k) => k.name)).toEqual(['nap']);
    }
  });

  it('records the asyncio tasks of a spawned child, which imports asyncio itself', () => {
    const rec = runRecorder([`${PROGRAMS}/spawn_asyncio.py`]).recording!;
    const child = rec.processes[1];
    expect(child.startMethod).toBe('spawn');
    expect(child.tasks?.find((t) => t.coroutine === 'nap')?.awaits.map((w) => w.label)).toEqual(['sleep']);
  });

  it("records what a process pool was handed: when, the Process starts, and each call's message", () => {
    const rec = runRecorder([`${PROGRAMS}/pool_big_args.py`]).recording!;
    const [parent, ...workers] = rec.processes;
    expect(parent.submits).toHaveLength(4);
    // The parent slept 30 ms before it made the pool and handed it the chunks.
    expect(Math.min(...parent.submits!)).toBeGreaterThan(25);
    expect(parent.starts?.map((s) => s.name).sort()).toEqual(workers.map((w) => w.name).sort());
    const calls = workers.flatMap((w) => w.calls ?? []);
    expect(calls).toHaveLength(4);
    for (const c of calls) {
      expect(c.argsBytes).toBeGreaterThan(2_000_000);
      expect(c.receivedMs).toBeLessThanOrEqual(c.startMs);
    }
  });

  it("labels awaits of run_in_executor as executor waits, and notes the size of a process pool call's result", () => {
    const rec = runRecorder([`${PROGRAMS}/aio_executors.py`]).recording!;
    const [parent, worker] = rec.processes;
    const tasks = parent.tasks!;
    for (const name of ['on_thread', 'on_process'])
      expect(tasks.find((t) => t.coroutine === name)?.awaits.map((w) => w.label)).toEqual(['executor']);
    expect(parent.calls?.filter((c) => c.kind === 'thread-pool').map((c) => c.name)).toEqual(['count']);
    const [grow] = worker.calls!;
    expect(grow.name).toBe('grow');
    expect(grow.argsBytes).toBeGreaterThan(500_000);
    expect(grow.resultBytes).toBeGreaterThan(1_000_000);
    // It was pickled and written after the call ended, before the worker went back for more work.
    expect(grow.resultSentMs).toBeGreaterThanOrEqual(grow.endMs);
    expect(grow.resultSentMs).toBeLessThanOrEqual(worker.endMs);
    const d = compareRecording(rec, ['asyncio']).derived;
    expect(d.model).toBe('asyncio');
    const offloads = d.scenario.tasks.map((t) => [...new Set(t.steps.flatMap((s) => s.offload ?? []))]);
    expect(offloads.flat().sort()).toEqual(['process', 'thread']);
  });

  // The labels come from frames read by a sampling thread that itself needs the GIL: on a busy machine a
  // sample can land at a moment that says otherwise, so the check has three attempts.
  it(
    'does not take a pool thread that waits for the GIL inside a call for one waiting on its queue',
    { retry: 2 },
    () => {
      const rec = runRecorder([`${PROGRAMS}/thread_pool_cpu.py`]).recording!;
      const root = rec.processes[0];
      const calls = root.calls!.filter((c) => c.kind === 'thread-pool');
      expect(calls).toHaveLength(2);
      for (const c of calls) {
        const t = root.threads.find((x) => x.id === c.thread)!;
        const inside = t.segments.filter((s) => s.startMs >= c.startMs + 0.5 && s.endMs <= c.endMs - 0.5);
        expect(inside.filter((s) => s.label === 'queue')).toEqual([]);
      }
    },
  );

  it('writes the recording when the program ends itself with os._exit (a watchdog over stuck threads)', () => {
    const run = runRecorder([`${PROGRAMS}/watchdog_exit.py`]);
    expect(run.status).toBe(0);
    const rec = run.recording!;
    expect(rec.program.exit).toBe('os._exit');
    expect(rec.durationMs).toBeGreaterThan(150);
    const stuck = rec.processes[0].threads.find((t) => t.name === 'stuck')!;
    expect(stuck.endMs).toBeGreaterThan(150);
  });

  it('keeps the await a task was in when the program ended itself with os._exit', () => {
    const rec = runRecorder([`${PROGRAMS}/aio_watchdog_exit.py`]).recording!;
    expect(rec.program.exit).toBe('os._exit');
    const stuck = rec.processes[0].tasks!.find((t) => t.coroutine === 'stuck')!;
    const last = stuck.awaits[stuck.awaits.length - 1];
    expect(last.label).toBe('lock');
    expect(last.endMs - last.startMs).toBeGreaterThan(150);
  });

  it('runs a module with -m, passes its arguments and keeps its exit status', () => {
    const run = runRecorder(['-m', 'pkg', '--fail']);
    expect(run.status).toBe(3);
    const calls = run.recording!.processes[0].calls!;
    expect(calls.filter((c) => c.kind === 'thread-pool')).toHaveLength(3);
    expect(run.recording!.program.argv).toEqual(['-m pkg', '--fail']);
  });

  it('refuses unknown options with status 2 and a usage line', () => {
    const run = runRecorder(['--frobnicate', 'x.py']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option --frobnicate/);
    expect(run.recording).toBeNull();
  });

  it('has one source: the site serves recorder/interleave_record.py itself, not a copy in public/', () => {
    expect(existsSync(resolve(import.meta.dirname, '../../public/interleave_record.py'))).toBe(false);
  });
});

/** Generated programs (src/sim/python) of shipped scenarios, with durations scaled down to keep CI short. */
const CASES: { scenario: string; model: ModelId; scale: number; tolerance: number }[] = [
  { scenario: 'three-sleeps', model: 'asyncio', scale: 0.1, tolerance: 0.03 },
  // Threads waiting on I/O, started one after another by the main thread.
  { scenario: 'ten-downloads', model: 'threads', scale: 0.1, tolerance: 0.1 },
  // Two threads counting under the GIL: each one's compute is the time it held the GIL (src/sim/recording/held.ts).
  { scenario: 'gil-two-counters', model: 'threads', scale: 0.1, tolerance: 0.1 },
  // Threads started while another computes: a Thread.start() under a busy GIL waits for the GIL back, up to
  // a switch interval (5 ms), in the recorded run as in the replay.
  { scenario: 'mixed-cpu-io', model: 'threads', scale: 0.1, tolerance: 0.1 },
  { scenario: 'ten-downloads', model: 'processes', scale: 0.05, tolerance: 0.1 },
];

function generated(id: string, model: ModelId, scale: number): string {
  const file = resolve(import.meta.dirname, `../../content/scenarios/${id}.json`);
  const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  const dir = mkdtempSync(join(tmpdir(), 'interleave-gen-'));
  const path = join(dir, `${id}_${model}.py`);
  writeFileSync(path, generatePython(scenario, model, { scale }).code);
  return path;
}

describe('recorded against replayed: generated programs', () => {
  for (const c of CASES) {
    it(`${c.scenario} under ${c.model}: the replay within ${c.tolerance * 100} % of the recorded total`, () => {
      const program = generated(c.scenario, c.model, c.scale);
      const tries: string[] = [];
      let best = Infinity;
      try {
        for (let attempt = 0; attempt < 3 && best > c.tolerance; attempt++) {
          const run = runRecorder([program]);
          expect(run.status, run.stderr).toBe(0);
          const cmp = compareRecording(run.recording!, [c.model]);
          expect(cmp.recordedModel).toBe(c.model);
          const row = cmp.rows[0];
          tries.push(`${cmp.recordedMs.toFixed(1)} ms recorded, ${row.simulatedMs.toFixed(1)} ms replayed`);
          best = Math.min(best, Math.abs(row.difference));
        }
      } finally {
        rmSync(dirname(program), { recursive: true, force: true });
      }
      expect(best, tries.join('; ')).toBeLessThanOrEqual(c.tolerance);
    }, 120_000);
  }
});
