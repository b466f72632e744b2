/**
 * <Result for="dl" model="threads" />: a figure computed from the timeline with id "dl", printed in the
 * sentence and kept up to date as the reader changes the workload. `show="total"` (default) is the model's
 * total time ("5.10 s"); `show="speedup"` is how many times faster than sequential ("9.8×").
 * A model the timeline does not draw is simulated for its summary only.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { simulate } from '../../sim';
import { MODEL_IDS, type ModelId } from '../../sim/types';
import type { TimelineStore } from '../../store/timelineStore';
import { formatTime } from '../../timeline/scale';
import { useBoundTimeline } from './useBoundTimeline';
import { Problem } from './Knob';

export interface ResultProps {
  for: string;
  model: ModelId;
  show?: 'total' | 'speedup';
}

export function Result(props: ResultProps) {
  const prepared = useBoundTimeline(props.for);
  if (!prepared) return <Problem text={`no timeline with id “${props.for}” on this page`} />;
  if (!prepared.ok) return <Problem text={prepared.message} />;
  if (!MODEL_IDS.includes(props.model)) return <Problem text={`unknown model “${props.model}”`} />;
  return <Figure store={prepared.store} model={props.model} show={props.show ?? 'total'} />;
}

function Figure({ store, model, show }: { store: TimelineStore; model: ModelId; show: 'total' | 'speedup' }) {
  const traces = useStore(store, (s) => s.traces);
  const scenario = useStore(store, (s) => s.scenario);
  const overrides = useStore(store, (s) => s.overrides);
  const baselineMs = useStore(store, (s) => s.baselineMs);
  const ms = useMemo(() => {
    const shown = traces.find((t) => t.model === model);
    if (shown) return shown.makespanMs;
    if (!scenario) return NaN;
    try {
      return simulate(scenario, model, { ...overrides, trace: 'summary' }).makespanMs;
    } catch {
      return NaN;
    }
  }, [traces, scenario, overrides, model]);
  let text = formatTime(ms);
  if (show === 'speedup') {
    text = baselineMs && ms > 0 ? `${(baselineMs / ms).toFixed(1)}×` : '—';
  }
  return (
    <strong className="knob-result" aria-live="polite">
      {text}
    </strong>
  );
}
