/**
 * Locks and semaphores (the steps acquire and release) on top of Coord's waiting and waking. Under
 * asyncio a release hands the primitive to the first waiter (FIFO); elsewhere it only wakes the waiter,
 * which must take it when it runs again, and may find it taken (barging), except that a free-threaded
 * build's Lock hands itself to a waiter that has slept on it for over FAIR_LOCK_AFTER_NS.
 */
import { S } from '../engine/recorder';
import type { CoordView } from './coordView';
import { BLOCKED, DONE } from './outcome';

export function acquire(c: CoordView, t: number, k: number, pi: number): number {
  const p = c.prims[pi];
  const direct = c.flavor === 'asyncio';
  if (c.granted[t] === 1) {
    c.endWait(t);
    c.hold(t, pi, 1);
    return DONE;
  }
  const waiting = c.waitOn[t] === pi;
  // asyncio: a free lock is taken at once only if nobody is queued for it.
  if (p.value > 0 && (!direct || waiting || !p.waiters.any(c.valid))) {
    c.endWait(t);
    p.acquired(t);
    c.hold(t, pi, 1);
    return DONE;
  }
  if (waiting && c.timedOut[t] === 1) {
    c.endWait(t);
    p.timeouts++;
    const key = c.key(t, pi);
    c.skip.set(key, (c.skip.get(key) ?? 0) + 1);
    return DONE;
  }
  // A threading.Lock waiter that lost the race waits again first in line; a Condition waiter queues at the end.
  c.block(t, k, pi, S['wait-lock'], waiting && p.type === 'lock');
  return BLOCKED;
}

export function release(c: CoordView, t: number, pi: number): number {
  const p = c.prims[pi];
  const key = c.key(t, pi);
  const skip = c.skip.get(key) ?? 0;
  if (skip > 0) {
    if (skip === 1) c.skip.delete(key);
    else c.skip.set(key, skip - 1);
    return DONE;
  }
  if (p.type === 'lock' && p.value >= 1) return DONE; // not held: nothing to release
  c.hold(t, pi, -1);
  p.releases++;
  p.value++;
  if (p.type === 'lock') p.holder = -1;
  const w = p.waiters.shift(c.valid);
  if (w < 0) return DONE;
  // A free-threaded build's Lock (a PyMutex) is handed to a waiter that has slept on it long enough.
  const fair = p.type === 'lock' && c.sim.now - c.waitFromNs[w] > c.fairAfterNs;
  if (c.flavor === 'asyncio' || fair) {
    p.acquired(w);
    c.signal(w, t, true);
  } else c.signal(w, t, false);
  return DONE;
}
