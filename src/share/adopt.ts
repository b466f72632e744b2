/**
 * Following another tab: when it saves a newer edit of a figure this page shows, the figure shows that edit
 * too (and says so); when it resets the figure, this one goes back to the article's workload.
 */
import { apply, notify } from '../store/history';
import type { TimelineStore } from '../store/timelineStore';
import { resolveView, showView } from './restore';
import { viewCodes } from './viewCodes';

/** Shows the other tab's edit; gives what this tab would now store for the figure (undefined: not shown). */
export async function adoptStored(store: TimelineStore, code: string | null): Promise<string | null | undefined> {
  if (code === null) {
    const { scenario, models, view } = store.getState().original;
    if (!scenario || !apply(store, { scenario, models }, { record: false })) return undefined;
    store.getState().setView(view);
    notify(store, { text: 'Reset in another tab: this timeline shows the article’s workload again.', tone: 'info' });
    return viewCodes(store.getState()).stored;
  }
  const r = await resolveView(code, 'edits saved in another tab', store);
  if (!r.ok) return undefined;
  const { timeMs } = store.getState();
  if (!showView(store, { ...r.view, timeMs }, 'Changed in another tab: this timeline shows that newer edit.'))
    return undefined;
  return viewCodes(store.getState()).stored;
}
