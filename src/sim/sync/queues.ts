/**
 * Queues, events and barriers (the steps put, get and wait) on top of Coord's waiting and waking.
 * Under processes a put's item reaches getters only once the feeder thread has pickled it (a timer).
 */
import { MP_QUEUE_PUT_NS } from '../defaults';
import { E_QUEUE_DEPTH, S } from '../engine/recorder';
import { dumpsNs } from '../models/pickling';
import type { CoordView } from './coordView';
import { BLOCKED, DONE } from './outcome';
import type { Prim } from './prim';

export function depthEvent(c: CoordView, t: number, p: Prim): void {
  if (p.depth > p.maxDepth) p.maxDepth = p.depth;
  c.rec.eventWith(c.sim.now, E_QUEUE_DEPTH, t, -1, { sync: p.name, depth: p.depth });
}

export function put(c: CoordView, t: number, k: number, p: Prim): number {
  if (p.maxsize > 0 && p.depth >= p.maxsize) {
    c.block(t, k, p.index, S['wait-queue'], false, 'full');
    return BLOCKED;
  }
  c.endWait(t);
  p.depth++;
  p.puts++;
  depthEvent(c, t, p);
  if (c.flavor === 'processes') {
    c.sim.syncTimer(c.sim.now + MP_QUEUE_PUT_NS + dumpsNs(p.itemBytes), (p.index << 1) | 1, 0);
  } else {
    p.visible++;
    c.wakeOne(p, false, t);
  }
  return DONE;
}

export function get(c: CoordView, t: number, k: number, p: Prim): number {
  if (p.visible === 0) {
    c.block(t, k, p.index, S['wait-queue'], false, 'empty');
    return BLOCKED;
  }
  c.endWait(t);
  p.visible--;
  p.depth--;
  p.gets++;
  depthEvent(c, t, p);
  c.wakeOne(p, true, t);
  return DONE;
}

export function waitFor(c: CoordView, t: number, k: number, p: Prim): number {
  if (c.granted[t] === 1) {
    c.endWait(t);
    return DONE;
  }
  if (p.type === 'event') {
    if (p.flag) {
      c.endWait(t);
      return DONE;
    }
    c.block(t, k, p.index, S['wait-event'], false);
    return BLOCKED;
  }
  p.arrived++;
  if (p.arrived < p.parties) {
    c.block(t, k, p.index, S['wait-barrier'], false);
    return BLOCKED;
  }
  p.arrived = 0;
  p.trips++;
  c.endWait(t);
  for (const w of p.waiters.drain(c.valid)) c.signal(w, t, true);
  return DONE;
}
