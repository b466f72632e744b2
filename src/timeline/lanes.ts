/** Which lanes a view shows, in what order, and what a lane kind is called. */
import type { LaneKind, Trace } from '../sim/types';
import type { ViewMode } from './layoutTypes';

const WORKER_RANK: Record<LaneKind, number> = {
  main: 0,
  loop: 1,
  gil: 2,
  thread: 3,
  process: 4,
  core: 5,
  task: 6,
};

/** The lanes (indices into trace.lanes) shown in a view, top to bottom. One pass over the lanes (10 000 of them). */
export function lanesForView(trace: Trace, view: ViewMode): number[] {
  const { lanes } = trace;
  if (view === 'task') {
    const gil: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < lanes.length; i++) {
      const kind = lanes[i].kind;
      if (kind === 'gil') gil.push(i);
      else if (kind === 'task') tasks.push(i);
    }
    return gil.length ? gil.concat(tasks) : tasks;
  }
  const workers: number[] = [];
  for (let i = 0; i < lanes.length; i++) if (lanes[i].kind !== 'task') workers.push(i);
  workers.sort((a, b) => WORKER_RANK[lanes[a].kind] - WORKER_RANK[lanes[b].kind] || a - b);
  // A trace with no worker lanes (nothing but tasks) still shows something.
  return workers.length > 0 ? workers : lanesForView(trace, 'task');
}

/** A lane kind's noun, singular and plural. */
export const KIND_NOUN: Record<LaneKind, [string, string]> = {
  task: ['task', 'tasks'],
  main: ['main thread', 'main threads'],
  loop: ['event loop', 'event loops'],
  thread: ['thread', 'threads'],
  process: ['process', 'processes'],
  core: ['core', 'cores'],
  gil: ['GIL', 'GILs'],
};
