/**
 * <Playground scenario="mixed-cpu-io" />: a timeline of every model with its editor open. After hydration
 * a picker lets the reader start again from any scenario of the site or from an empty workload. Its link
 * and saved edits always carry the whole workload, so a shared playground opens as it was built.
 */
import { useEffect, useState } from 'react';
import { MODEL_LABELS } from '../../sim/labels';
import { loadScenario } from '../../content/scenarios';
import { TimelineView } from '../timeline/TimelineView';
import { loadWorkbench, useWorkbench } from '../editor/loadWorkbench';
import { Problem } from '../knob/Knob';
import { playgroundStore, type PlaygroundStart } from './store';

export interface PlaygroundProps {
  /** The scenario it starts from (default mixed-cpu-io). */
  scenario?: string;
}

export function Playground({ scenario = 'mixed-cpu-io' }: PlaygroundProps) {
  const [start, setStart] = useState<PlaygroundStart | string>(() => {
    const entry = loadScenario(scenario);
    return entry.ok ? { id: scenario, store: playgroundStore(entry.scenario), n: 0 } : entry.error;
  });
  // Its editor is open from the start, so the on-demand chunk (with the picker) loads after hydration.
  const wb = useWorkbench();
  useEffect(() => void loadWorkbench(), []);
  if (typeof start === 'string') return <Problem text={start} />;
  return (
    <div className="pg widget-wide">
      <div className="pg-start">{wb ? <wb.StartPicker start={start} onStart={setStart} /> : null}</div>
      <TimelineView key={start.n} store={start.store} caption="Your workload under every model" labels={MODEL_LABELS} />
    </div>
  );
}
