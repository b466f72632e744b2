/**
 * Reset on a shared view: back to what this reader had (their own saved edits, else the article's
 * workload), with the view taken out of the address. Loaded when the reader presses it.
 */
import { sessionOf } from '../store/session';
import { placementOf } from '../store/placement';
import { revealOf } from '../store/reveal';
import { reseal } from '../store/revealActions';
import type { TimelineStore } from '../store/timelineStore';
import { readStored, writeParam } from './location';
import { widgetName } from './names';

export async function resetShared(store: TimelineStore): Promise<void> {
  const key = placementOf(store)?.key ?? widgetName(store).key;
  sessionOf(store).setState({ shared: false, notice: null });
  writeParam(key, null);
  const s = store.getState();
  const { original } = s;
  if (original.scenario) s.setScenario(original.scenario, original.models);
  s.setView(original.view);
  const { predictId, answer } = revealOf(store).getState();
  if (predictId && !answer) reseal(store);
  else store.getState().jumpToEnd();
  if (readStored(key) !== null) await (await import('./restore')).restoreStored(store, key);
}
