/** The playground's timeline store: every model, the editor open, and its link and saved edits keyed "playground". */
import { simulate } from '../../sim';
import { MODEL_IDS, type Scenario } from '../../sim/types';
import { createTimelineStore, type TimelineStore } from '../../store/timelineStore';
import { nameWidget } from '../../share/names';
import { sessionOf } from '../../store/session';
import { sequentialMakespan } from '../timeline/Timeline';

export const PLAYGROUND_KEY = 'playground';

export function playgroundStore(scenario: Scenario): TimelineStore {
  const store = createTimelineStore({ scenario, models: [...MODEL_IDS], simulate, baseline: sequentialMakespan });
  nameWidget(store, PLAYGROUND_KEY, true);
  sessionOf(store).setState({ editorOpen: true });
  return store;
}

export interface PlaygroundStart {
  /** Scenario id, or "" for the empty workload. */
  id: string;
  store: TimelineStore;
  /** Counts restarts, so that the widget is drawn afresh. */
  n: number;
}
