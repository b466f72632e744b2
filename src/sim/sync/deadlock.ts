/**
 * Puts a deadlock into words: which task holds what and waits for what, following the cycle of waits
 * when there is one ("A holds L1 and waits for L2; B holds L2 and waits for L1"), or the wait that no
 * task can end ("C waits on queue q (empty), and no task will put to it").
 */
import type { DeadlockInfo } from '../types';
import type { CoordView } from './coordView';

const MAX_CLAUSES = 6;

/** Primitive names task t holds. */
function held(c: CoordView, t: number): string[] {
  const out: string[] = [];
  const np = c.prims.length + 1;
  for (const p of c.prims) if ((c.holds.get(t * np + p.index) ?? 0) > 0) out.push(p.name);
  return out;
}

/** Whether task t has a step of `kind` on `name` at or after step `from`. */
function willDo(c: CoordView, t: number, from: number, kind: string, name: string): boolean {
  const steps = c.tasks[t].steps;
  for (let k = from; k < steps.length; k++) if (steps[k].kind === kind && steps[k].sync === name) return true;
  return false;
}

/** The tasks t waits for (unfinished), and the clause saying what it waits for. */
function waitOf(c: CoordView, t: number): { on: number[]; what: string } {
  const on = c.waitOn[t];
  const g = c.isJoin(on);
  const n = c.tasks.length;
  const unfinished = (pred: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (i !== t && c.finished[i] === 0 && pred(i)) out.push(i);
    return out;
  };
  const from = (i: number) => (c.isBlocked(i) ? c.waitStep[i] : 0);
  if (g >= 0) {
    const waited = unfinished((i) => c.groupOf[i] === g);
    return { on: waited, what: `waits for ${c.groupNames[g]} to finish` };
  }
  const p = c.prims[on];
  const step = c.tasks[t].steps[c.waitStep[t]];
  switch (p.type) {
    case 'lock':
    case 'semaphore': {
      const holders = unfinished((i) => held(c, i).includes(p.name));
      return { on: holders, what: `waits for ${p.name}` };
    }
    case 'queue': {
      const full = step.kind === 'put';
      const kind = full ? 'get' : 'put';
      const others = unfinished((i) => willDo(c, i, from(i), kind, p.name));
      const what = `waits on queue ${p.name} (${full ? 'full' : 'empty'})`;
      return {
        on: others,
        what: others.length ? what : `${what}, and no task will ${kind} ${full ? 'from' : 'to'} it`,
      };
    }
    case 'event': {
      const others = unfinished((i) => willDo(c, i, from(i), 'set', p.name));
      const what = `waits for event ${p.name}`;
      return { on: others, what: others.length ? what : `${what}, which no task will set` };
    }
    case 'barrier': {
      const others = unfinished((i) => !c.isBlocked(i) && willDo(c, i, 0, 'wait', p.name));
      return {
        on: others,
        what: `waits at barrier ${p.name} (${p.arrived} of ${p.parties} parties there${others.length ? '' : ', and no more will come'})`,
      };
    }
  }
}

function clause(c: CoordView, t: number): string {
  const h = held(c, t);
  const { what } = waitOf(c, t);
  const who = c.tasks[t].name;
  return h.length ? `${who} holds ${h.join(' and ')} and ${what}` : `${who} ${what}`;
}

/** A cycle of blocked tasks each waiting for the next, if there is one. */
function findCycle(c: CoordView, blocked: readonly number[]): number[] | null {
  const isBlocked = new Set(blocked);
  const state = new Map<number, number>(); // 1 on the path, 2 done
  const path: number[] = [];
  const visit = (t: number): number[] | null => {
    state.set(t, 1);
    path.push(t);
    for (const u of waitOf(c, t).on) {
      if (!isBlocked.has(u)) continue;
      const s = state.get(u);
      if (s === 1) return path.slice(path.indexOf(u));
      if (s === undefined) {
        const found = visit(u);
        if (found) return found;
      }
    }
    path.pop();
    state.set(t, 2);
    return null;
  };
  for (const t of blocked) {
    if (state.has(t)) continue;
    const found = visit(t);
    if (found) return found;
  }
  return null;
}

export function describeDeadlock(c: CoordView, blocked: readonly number[], atMs: number): DeadlockInfo {
  const cycle = findCycle(c, blocked);
  const chosen = cycle ?? blocked;
  const clauses = chosen.slice(0, MAX_CLAUSES).map((t) => clause(c, t));
  if (chosen.length > MAX_CLAUSES) clauses.push(`and ${chosen.length - MAX_CLAUSES} more tasks wait the same way`);
  // Unfinished tasks that are not blocked never got to run: no thread, worker or loop turn came free for them.
  const neverRan = c.tasks.length - blocked.length - c.finished.reduce((a, b) => a + b, 0);
  let text = clauses.join('; ');
  if (neverRan > 0 && !cycle) text += `; ${neverRan} more ${neverRan === 1 ? 'task' : 'tasks'} never got to run`;
  return { atMs, tasks: blocked.map((t) => c.tasks[t].name), cycle: text };
}
