/**
 * <Playground scenario="mixed-cpu-io" />: a timeline of every model with its editor open. After hydration
 * a picker (loaded then) lets the reader start again from any scenario of the site or from an empty
 * workload. Its link and saved edits always carry the whole workload, so a shared playground opens as it
 * was built.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { simulate } from '../../sim';
import { MODEL_LABELS } from '../../sim/labels';
import { MODEL_IDS, type Scenario } from '../../sim/types';
import { loadScenario } from '../../content/scenarios';
import { createTimelineStore, type TimelineStore } from '../../store/timelineStore';
import { nameWidget } from '../../store/pageTimelines';
import { sessionOf } from '../../store/session';
import { sequentialMakespan } from '../timeline/Timeline';
import { TimelineView } from '../timeline/TimelineView';
import { Problem } from '../knob/Knob';
import type { StartPickerProps } from './StartPicker';
import { loadWorkbench } from '../editor/loadWorkbench';

export interface PlaygroundProps {
  /** The scenario it starts from (default mixed-cpu-io). */
  scenario?: string;
}

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

export function Playground({ scenario = 'mixed-cpu-io' }: PlaygroundProps) {
  const [start, setStart] = useState<PlaygroundStart | string>(() => {
    const entry = loadScenario(scenario);
    return entry.ok ? { id: scenario, store: playgroundStore(entry.scenario), n: 0 } : entry.error;
  });
  const [Picker, setPicker] = useState<ComponentType<StartPickerProps> | null>(null);
  useEffect(() => {
    void loadWorkbench().then((m) => setPicker(() => m.StartPicker));
  }, []);
  if (typeof start === 'string') return <Problem text={start} />;
  return (
    <div className="pg widget-wide">
      <div className="pg-start">{Picker ? <Picker start={start} onStart={setStart} /> : null}</div>
      <TimelineView key={start.n} store={start.store} caption="Your workload under every model" labels={MODEL_LABELS} />
    </div>
  );
}
