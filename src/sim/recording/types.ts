/**
 * A recording written by recorder/interleave_record.py (format "interleave-recording", version 1; the
 * JSON Schema is recorder/recording.schema.json). Times are milliseconds since the recording started on
 * the machine's monotonic clock; every span is half-open [startMs, endMs).
 */

/** Why a thread or a task waited, when the recorder could tell. */
/** `core`: ready to run, but no CPU was free (Linux run_delay). */
export type WaitLabel = 'sleep' | 'socket' | 'select' | 'lock' | 'queue' | 'join' | 'executor' | 'core';

/** A stretch of a thread's life: its CPU clock advanced for at least half the time (running) or not. */
export interface RecordedSegment {
  startMs: number;
  endMs: number;
  state: 'running' | 'waiting';
  /** CPU time the thread used in the segment. */
  cpuMs: number;
  label?: WaitLabel;
}

export interface RecordedThread {
  /** threading.get_ident() */
  id: number;
  name: string;
  main?: boolean;
  startMs: number;
  endMs: number;
  cpuMs?: number;
  segments: RecordedSegment[];
}

export interface RecordedTask {
  id: number;
  name: string;
  coroutine?: string;
  /** The thread whose event loop ran it. */
  thread: number;
  /** The task that was running when it was created, or null. */
  parent?: number | null;
  createdMs: number;
  endMs: number;
  /** Each time the loop ran the task: from resumption to its next await (or its end). */
  resumptions: { startMs: number; endMs: number; cpuMs: number }[];
  /** Between two resumptions: what it awaited (the last may run to endMs: a task the recording ended in). */
  awaits: {
    startMs: number;
    endMs: number;
    label?: WaitLabel;
    /** An asyncio.sleep: when it was due to end (startMs + its delay); from then to endMs it waited for the loop. */
    dueMs?: number;
  }[];
}

/** A function run by a thread pool, a process pool or a Process. */
export interface RecordedCall {
  thread: number;
  kind: 'thread-pool' | 'process-pool' | 'process';
  name: string;
  startMs: number;
  endMs: number;
  cpuMs: number;
  /** Process-pool calls: when the message that brought the call began to arrive (its header was read). */
  receivedMs?: number;
  /** Process-pool calls: that message's size in bytes. */
  argsBytes?: number;
  /** Process-pool calls that came in a message of their own: the size of the result the worker sent back. */
  resultBytes?: number;
  /** With resultBytes: when the worker had written that message into the pipe (pickled, and read by the parent as it went). */
  resultSentMs?: number;
}

export interface RecordedProcess {
  pid: number;
  parentPid: number | null;
  name: string;
  /** For a child: how multiprocessing started it. */
  startMethod?: 'fork' | 'forkserver' | 'spawn';
  startMs: number;
  endMs: number;
  threads: RecordedThread[];
  tasks?: RecordedTask[];
  calls?: RecordedCall[];
  /** Children this process started, each at its Process.start() (name: the child's RecordedProcess.name). */
  starts?: { name: string; atMs: number }[];
  /** When each task was handed to a process pool (apply_async, map, submit), in order. */
  submits?: number[];
}

export interface Recording {
  format: 'interleave-recording';
  version: 1;
  recorder: { sampleIntervalMs: number; cpuClock: 'pthread_getcpuclockid' | 'none' };
  python: { version: string; implementation: string; gil: boolean; switchIntervalMs?: number };
  machine: { cores: number; platform: string };
  program: {
    argv: string[];
    exitStatus?: number;
    startMethod?: 'fork' | 'forkserver' | 'spawn' | null;
    /** The program ended itself with os._exit (past every finally); the recording was written just before. */
    exit?: 'os._exit';
  };
  /** Wall time of the whole program, from the recorder starting it to its last thread ending. */
  durationMs: number;
  /** The program's own process first, then every child in order of start. */
  processes: RecordedProcess[];
}
