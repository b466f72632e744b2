/**
 * What the primitives' rules (locks.ts, queues.ts) and the deadlock report (deadlock.ts) read and call of
 * the coordination layer. coord.ts implements it; the rules depend on this view, not on the class, so
 * the class can use them without a cycle.
 */
import type { Recorder } from '../engine/recorder';
import type { Sim } from '../engine/sim';
import type { Task } from '../types';
import type { Prim } from './prim';

/** Which library's rules the primitives follow (see coord.ts). */
export type Flavor = 'sequential' | 'threads' | 'asyncio' | 'processes';

export interface CoordView {
  readonly tasks: readonly Task[];
  readonly sim: Sim;
  readonly rec: Recorder;
  readonly flavor: Flavor;
  /** A lock's release hands it straight to a waiter that has slept on it this long (ns). */
  readonly fairAfterNs: number;
  readonly prims: Prim[];
  /** Releases to skip per (task, primitive) after an acquire timed out; holds per (task, primitive). */
  readonly skip: Map<number, number>;
  readonly holds: Map<number, number>;
  // per task
  readonly waitOn: Int32Array;
  readonly granted: Uint8Array;
  readonly timedOut: Uint8Array;
  readonly waitStep: Int32Array;
  /** When task t began its current wait (ns). */
  readonly waitFromNs: Float64Array;
  readonly groupOf: Int32Array;
  readonly groupNames: string[];
  readonly finished: Uint8Array;
  /** Whether a queued waiter (task, wait sequence) still waits and has not been woken. */
  readonly valid: (t: number, seq: number) => boolean;
  key(t: number, p: number): number;
  hold(t: number, p: number, d: number): void;
  isBlocked(t: number): boolean;
  block(t: number, k: number, on: number, state: number, front: boolean, detail?: 'empty' | 'full'): void;
  signal(t: number, from: number, grant: boolean, latencyNs?: number): void;
  endWait(t: number): void;
  wakeOne(p: Prim, putters: boolean, from: number): void;
  /** The group a join waits on (-1: not a join). */
  isJoin(on: number): number;
}
