/**
 * Changing a widget's workload through its edit session: apply an edit (re-simulating at once), undo,
 * redo, reset to the article's workload, and say something to the reader. Edits of the same group less
 * than a second apart (a slider or a knob being dragged) are one undo step.
 */
import type { TimelineStore } from './timelineStore';
import { sessionOf, type Notice, type Workload } from './session';

export interface ApplyOptions {
  /** Edits with the same group less than a second apart are one undo step. */
  group?: string;
  /** Say this once the edit is made (e.g. that a value was clamped). */
  notice?: string;
  /** false: not an undo step (restoring a link or saved edits). */
  record?: boolean;
}

export const HISTORY_LIMIT = 200;
export const GROUP_WINDOW_MS = 1000;

const lastEdit = new WeakMap<TimelineStore, { group: string | null; at: number }>();

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function current(timeline: TimelineStore): Workload | null {
  const { scenario, models } = timeline.getState();
  return scenario ? { scenario, models } : null;
}

/** Simulates `w`; on failure says why and leaves everything as it was. */
function load(timeline: TimelineStore, w: Workload): boolean {
  try {
    timeline.getState().setScenario(w.scenario, w.models);
    return true;
  } catch (error) {
    notify(timeline, { text: `That change could not be simulated: ${errorText(error)}`, tone: 'error' });
    return false;
  }
}

export function notify(timeline: TimelineStore, notice: Notice | null): void {
  sessionOf(timeline).setState({ notice });
}

/** Applies an edit; false (with an error notice) when the workload cannot be simulated. */
export function apply(
  timeline: TimelineStore,
  next: Partial<Workload>,
  options: ApplyOptions = {},
  now = Date.now(),
): boolean {
  const cur = current(timeline);
  if (!cur) return false;
  if (!load(timeline, { scenario: next.scenario ?? cur.scenario, models: next.models ?? cur.models })) return false;
  const session = sessionOf(timeline);
  const record = options.record !== false;
  const last = lastEdit.get(timeline);
  const merge =
    record && options.group !== undefined && options.group === last?.group && now - last.at < GROUP_WINDOW_MS;
  lastEdit.set(timeline, { group: record ? (options.group ?? null) : null, at: now });
  const { notice, past, future } = session.getState();
  session.setState({
    past: record && !merge ? [...past, cur].slice(-HISTORY_LIMIT) : past,
    future: record ? [] : future,
    notice: options.notice ? { text: options.notice, tone: 'info' } : notice?.sticky ? notice : null,
  });
  return true;
}

export function undo(timeline: TimelineStore): void {
  const session = sessionOf(timeline);
  const { past, future } = session.getState();
  const cur = current(timeline);
  const prev = past[past.length - 1];
  if (!prev || !cur || !load(timeline, prev)) return;
  lastEdit.delete(timeline);
  session.setState({ past: past.slice(0, -1), future: [cur, ...future] });
}

export function redo(timeline: TimelineStore): void {
  const session = sessionOf(timeline);
  const { past, future } = session.getState();
  const cur = current(timeline);
  const next = future[0];
  if (!next || !cur || !load(timeline, next)) return;
  lastEdit.delete(timeline);
  session.setState({ past: [...past, cur].slice(-HISTORY_LIMIT), future: future.slice(1) });
}

/** True when the workload differs from the one the widget was created with. */
export function isEdited(timeline: TimelineStore): boolean {
  const { scenario, models, original } = timeline.getState();
  return scenario !== original.scenario || models.join() !== original.models.join();
}

/** Back to the article's workload (itself an undo step). */
export function reset(timeline: TimelineStore): void {
  const { scenario, models } = timeline.getState().original;
  if (scenario && isEdited(timeline)) apply(timeline, { scenario, models });
  lastEdit.delete(timeline);
  notify(timeline, null);
}
