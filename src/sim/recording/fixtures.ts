/** Hand-made recordings for tests: a few threads, tasks or processes with exactly known timings. */
import type { RecordedProcess, RecordedSegment, RecordedThread, Recording } from './types';

export function recording(processes: RecordedProcess[], durationMs: number, cores = 2): Recording {
  return {
    format: 'interleave-recording',
    version: 1,
    recorder: { sampleIntervalMs: 1, cpuClock: 'pthread_getcpuclockid' },
    python: { version: '3.11.7', implementation: 'cpython', gil: true, switchIntervalMs: 5 },
    machine: { cores, platform: 'linux' },
    program: { argv: ['demo.py'], exitStatus: 0, startMethod: 'fork' },
    durationMs,
    processes,
  };
}

/** seg(0, 10, 'run') runs 10 ms on the CPU; seg(10, 20, 'sleep') sleeps; seg(…, 'idle') waits unlabelled. */
export function seg(
  startMs: number,
  endMs: number,
  what: 'run' | 'idle' | NonNullable<RecordedSegment['label']>,
): RecordedSegment {
  if (what === 'run') return { startMs, endMs, state: 'running', cpuMs: endMs - startMs };
  if (what === 'idle') return { startMs, endMs, state: 'waiting', cpuMs: 0 };
  return { startMs, endMs, state: 'waiting', cpuMs: 0, label: what };
}

export function thread(id: number, name: string, segments: RecordedSegment[], main = false): RecordedThread {
  const startMs = segments[0]?.startMs ?? 0;
  const endMs = segments[segments.length - 1]?.endMs ?? 0;
  const cpuMs = segments.reduce((n, s) => n + s.cpuMs, 0);
  return { id, name, main, startMs, endMs, cpuMs, segments };
}

export function proc(pid: number, parentPid: number | null, name: string, threads: RecordedThread[]): RecordedProcess {
  const startMs = Math.min(...threads.map((t) => t.startMs));
  const endMs = Math.max(...threads.map((t) => t.endMs));
  return { pid, parentPid, name, startMs, endMs, threads, tasks: [], calls: [] };
}

/**
 * Two threads started together by the main thread: `a` sleeps `sleepMs`, then computes `cpuMs`; `b` sleeps
 * until `a` is done, then computes as long (one GIL: they do not compute at once).
 */
export function sleepyThreads(sleepMs = 100, cpuMs = 20): Recording {
  const end = 0.2 + sleepMs + 2 * cpuMs;
  return recording(
    [
      proc(1, null, 'MainProcess', [
        thread(1, 'MainThread', [seg(0, 0.2, 'run'), seg(0.2, end + 0.1, 'join')], true),
        thread(2, 'a', [seg(0.1, 0.1 + sleepMs, 'sleep'), seg(0.1 + sleepMs, 0.1 + sleepMs + cpuMs, 'run')]),
        thread(3, 'b', [seg(0.2, 0.2 + sleepMs + cpuMs, 'sleep'), seg(0.2 + sleepMs + cpuMs, end, 'run')]),
      ]),
    ],
    end + 0.1,
  );
}
