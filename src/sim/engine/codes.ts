/** Numeric codes shared by the engine and the recorder (span states, event kinds, lane categories). */
import { SPAN_STATES } from '../types';
import type { EventKind, SpanState } from '../types';

export const EVENT_KINDS: readonly EventKind[] = [
  'task-start',
  'task-end',
  'step-start',
  'gil-handoff',
  'gil-drop-request',
  'loop-switch',
  'timer-late',
  'worker-start',
  'sync-wake',
  'queue-depth',
  'shared-write',
  'deadlock',
];
/** Event kinds as numbers (indexes into EVENT_KINDS), for Recorder.event. */
export const E_TASK_START = 0;
export const E_TASK_END = 1;
export const E_STEP_START = 2;
export const E_GIL_HANDOFF = 3;
export const E_GIL_DROP_REQUEST = 4;
export const E_LOOP_SWITCH = 5;
export const E_TIMER_LATE = 6;
export const E_WORKER_START = 7;
/** Coordination events: their fields beyond time/kind/task/lane live in Recorder's side table (extra = index). */
export const E_SYNC_WAKE = 8;
export const E_QUEUE_DEPTH = 9;
export const E_SHARED_WRITE = 10;
export const E_DEADLOCK = 11;
export const E_FIRST_AUX = E_SYNC_WAKE;

/** Lane categories, in the order lanes appear in a trace. */
export const CAT_TASK = 0;
export const CAT_WORKER = 1;
export const CAT_CORE = 2;
export const CAT_GIL = 3;

/** Span states as numbers: S.running, S['wait-gil'], … (indexes into SPAN_STATES). */
export const S = Object.fromEntries(SPAN_STATES.map((s, i) => [s, i])) as Record<SpanState, number>;
