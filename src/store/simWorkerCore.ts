/**
 * What the simulation worker does, as plain functions (simWorker.ts binds them to the worker's global;
 * tests call them directly). Runs arrive as messages and each model is simulated in its own turn of the
 * worker's event loop, so that a cancel message (a newer edit superseded the run) is seen between models
 * and the rest of the run is skipped. Traces go back as typed arrays in the transfer list. The sequential
 * makespan a run compares against is summed from the workload when it can be (baseline.ts), and simulated
 * only when it cannot.
 */
import { baselineOf } from '../sim/baseline';
import { simulate } from '../sim/simulate';
import { releaseChunks } from '../sim/engine/traceColumns';
import type { Trace } from '../sim/types';
import type { FromWorker, RunRequest, ToWorker } from './simProtocol';
import { sequentialMakespan } from './baseline';
import { nextTurn, type Schedule } from './nextTurn';
import { packTraceDirect, transferables } from './traceTransfer';

export { nextTurn, type Schedule };

export type Post = (message: FromWorker, transfer: ArrayBuffer[]) => void;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createWorkerCore(post: Post, schedule: Schedule = nextTurn()) {
  const cancelled = new Set<number>();
  const queue: RunRequest[] = [];
  let busy = false;

  function finish() {
    busy = false;
    next();
  }

  function next() {
    if (busy) return;
    const run = queue.shift();
    if (!run) return;
    busy = true;
    const started = performance.now();
    const traces: Trace[] = [];
    let simulateMs = 0;
    let i = 0;
    const step = () => {
      if (cancelled.delete(run.id)) {
        post({ type: 'cancelled', id: run.id }, []);
        return finish();
      }
      try {
        if (i < run.models.length) {
          const opts = { ...run.overrides, maxEvents: run.maxEvents, trace: run.trace ?? 'full' };
          const t = performance.now();
          traces.push(simulate(run.scenario, run.models[i], opts));
          simulateMs += performance.now() - t;
          i++;
          post({ type: 'progress', id: run.id, done: i, total: run.models.length }, []);
          return schedule(step);
        }
        // Sequential code that blocks for good gives no baseline (baseline.ts).
        const seq = traces.find((t) => t.model === 'sequential');
        let baselineMs = baselineOf(seq);
        if (!seq && run.baseline) baselineMs = sequentialMakespan(run.scenario, run.overrides);
        if (!seq && baselineMs === null && run.baseline) {
          const opts = { ...run.overrides, maxEvents: run.maxEvents, trace: 'summary' as const };
          try {
            baselineMs = baselineOf(simulate(run.scenario, 'sequential', opts));
          } catch {
            baselineMs = null;
          }
        }
        // A trace's spans and events not built yet are packed straight from the simulator's buffers.
        const t1 = performance.now();
        const packed = traces.map(packTraceDirect);
        // The traces are not read again: their chunks go back for the next run's simulation now, rather
        // than when the traces are collected (the next run would allocate new ones, and make garbage).
        for (const t of traces) releaseChunks(t);
        const t2 = performance.now();
        const elapsedMs = t2 - started;
        const packMs = t2 - t1;
        const otherMs = Math.max(0, elapsedMs - simulateMs - packMs);
        const startWaitMs =
          run.postedAt === undefined ? 0 : Math.max(0, performance.timeOrigin + started - run.postedAt);
        const postedAt = performance.timeOrigin + t2;
        const stages = { simulateMs, materializeMs: 0, packMs, startWaitMs, otherMs, postedAt };
        post({ type: 'done', id: run.id, traces: packed, baselineMs, elapsedMs, stages }, transferables(packed));
      } catch (error) {
        post({ type: 'failed', id: run.id, message: message(error) }, []);
      }
      finish();
    };
    schedule(step);
  }

  return {
    receive(msg: ToWorker) {
      if (msg.type === 'cancel') {
        const at = queue.findIndex((r) => r.id === msg.id);
        if (at >= 0) {
          queue.splice(at, 1);
          post({ type: 'cancelled', id: msg.id }, []);
        } else if (busy) cancelled.add(msg.id);
        return;
      }
      queue.push(msg);
      next();
    },
  };
}
