/**
 * <Result for="dl" model="threads" />: a figure computed from the timeline with id "dl", printed in the
 * sentence and kept up to date as the reader changes the workload. `show="total"` (default) is the model's
 * total time ("5.10 s"); `show="speedup"` is how many times faster than sequential ("9.8×");
 * `show="handoffs"` is how many times a second the GIL changed hands ("196 a second"). `task="client"`
 * gives when that task finished instead of the total (the last of its copies). `switchIntervalMs="0.5"`
 * computes the figure with that switch interval, whatever the timeline uses: one row of a table per value.
 * A model the timeline does not draw, or a figure with its own interval, is simulated for its summary only:
 * at once when it is small, in the page's simulation worker when it is not (the figure waits meanwhile).
 */
import { useEffect, useMemo, useState } from 'react';
import { estimateEvents } from '../../sim/limits';
import { useStore } from 'zustand';
import { simulate } from '../../sim';
import { MODEL_IDS, type ModelId, type Trace } from '../../sim/types';
import type { TimelineStore } from '../../store/timelineStore';
import { formatTime } from '../../timeline/scale';
import { useBoundTimeline } from './useBoundTimeline';
import { Problem } from './Knob';

type Show = 'total' | 'speedup' | 'handoffs';

/** Larger summaries than this (estimated events) are simulated in the worker, not in the page's thread. */
const SYNC_EVENTS = 20_000;
const SHOWS: readonly Show[] = ['total', 'speedup', 'handoffs'];

export interface ResultProps {
  for: string;
  model: ModelId;
  show?: Show;
  /** A task's name: when it finished (the last of its copies), in place of the model's total. */
  task?: string;
  /** The switch interval (ms) to compute this figure with, over the timeline's own. */
  switchIntervalMs?: string;
}

export function Result(props: ResultProps) {
  const prepared = useBoundTimeline(props.for);
  if (!prepared) return <Problem text={`no timeline with id “${props.for}” on this page`} />;
  if (!prepared.ok) return <Problem text={prepared.message} />;
  if (!MODEL_IDS.includes(props.model)) return <Problem text={`unknown model “${props.model}”`} />;
  const show = props.show ?? 'total';
  if (!SHOWS.includes(show)) return <Problem text={`show must be one of ${SHOWS.join(', ')}`} />;
  const interval = props.switchIntervalMs === undefined ? undefined : Number(props.switchIntervalMs);
  if (interval !== undefined && !(interval > 0)) return <Problem text="switchIntervalMs must be a number > 0" />;
  return <Figure store={prepared.store} model={props.model} show={show} task={props.task} interval={interval} />;
}

/** Whether this page can have a simulation worker (as pageSimClient decides: not on the server, nor in tests). */
const hasWorker = () => typeof Worker === 'function' && typeof window !== 'undefined';

/** When the task named `name` (or the last of its copies `name-1`…) finished, or NaN. */
export function taskEndMs(trace: Pick<Trace, 'tasks'>, name: string): number {
  const ends = trace.tasks.filter((t) => t.name === name || t.name.startsWith(`${name}-`)).map((t) => t.endMs);
  return ends.length ? Math.max(...ends) : NaN;
}

interface FigureProps {
  store: TimelineStore;
  model: ModelId;
  show: Show;
  task?: string;
  interval?: number;
}

function Figure({ store, model, show, task, interval }: FigureProps) {
  const traces = useStore(store, (s) => s.traces);
  const scenario = useStore(store, (s) => s.scenario);
  const overrides = useStore(store, (s) => s.overrides);
  const baselineMs = useStore(store, (s) => s.baselineMs);
  const own = useMemo(
    () => ({ ...overrides, ...(interval === undefined ? {} : { switchIntervalMs: interval }) }),
    [overrides, interval],
  );
  const shown = interval === undefined ? traces.find((t) => t.model === model) : undefined;
  // The worker's client is fetched only when a figure is too large for the page's thread.
  const client = !shown && !!scenario && hasWorker() && estimateEvents(scenario, own) > SYNC_EVENTS;
  const sync = useMemo(() => {
    if (shown || !scenario || client) return null;
    try {
      return simulate(scenario, model, { ...own, trace: 'summary' });
    } catch {
      return null;
    }
  }, [shown, scenario, own, model, client]);
  const [late, setLate] = useState<{ key: object; trace: Trace | null } | null>(null);
  useEffect(() => {
    if (!client || !scenario) return;
    let cancelled = false;
    let cancel = () => {};
    const failed = () => void (cancelled || setLate({ key: scenario, trace: null }));
    void import('../../store/simClient').then(({ pageSimClient }) => {
      const worker = pageSimClient();
      if (cancelled) return;
      if (!worker) return failed();
      const run = worker.run({ scenario, models: [model], overrides: own, trace: 'summary' });
      cancel = () => run.cancel();
      run.result.then((r) => void (cancelled || setLate({ key: scenario, trace: r.traces[0] })), failed);
    }, failed);
    return () => {
      cancelled = true;
      cancel();
    };
  }, [client, scenario, model, own]);
  const trace = shown ?? sync ?? (late?.key === scenario ? late.trace : null);
  const ms = !trace ? NaN : task ? taskEndMs(trace, task) : trace.makespanMs;
  let text = formatTime(ms);
  if (show === 'speedup') {
    text = baselineMs && ms > 0 ? `${(baselineMs / ms).toFixed(1)}×` : '—';
  } else if (show === 'handoffs') {
    text = trace && trace.makespanMs > 0 ? `${Math.round(trace.metrics.gilSwitches / (trace.makespanMs / 1000))}` : '—';
  }
  return (
    <strong className="knob-result" aria-live="polite">
      {text}
    </strong>
  );
}
