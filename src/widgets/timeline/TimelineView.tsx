/** The interactive figure for a store: controls, chart, legend, readouts, narration, event log. */
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { TimelineStoreProvider, useTimelineApi, useTimelineStore } from '../../store/context';
import { startPlayback } from '../../store/playback';
import type { TimelineStore } from '../../store/timelineStore';
import type { ModelId, SpanState } from '../../sim/types';
import { COMPACT_LAYOUT, layoutTimeline, type TimelineLayout } from '../../timeline/layout';
import { bandSummary, DEFAULT_MODEL_LABELS } from '../../timeline/labels';
import { STATE_ORDER } from '../../timeline/palette';
import { PatternDefs } from '../../timeline/patterns';
import { Legend } from '../../timeline/Legend';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';
import { Controls } from './Controls';
import { Chart } from './Chart';
import { SyncTracksSlot } from './SyncTracksSlot';
import { trackInput, wantsTracks } from '../../timeline/trackNeeds';
import { ZoomBar } from './ZoomBar';
import { DetailsSlot } from './DetailsSlot';
import { statesInWindow } from '../../timeline/scene';
import { Readouts } from './Readouts';
import { Narration } from './Narration';
import { EventLog } from './EventLog';
import { useWindowRequests } from './windowRequests';
import { whenIdle } from './whenIdle';
import { useGestureDrawing } from './gestureSignal';
import type { ViewWindow } from '../../timeline/viewWindow';
import { CodePanel } from './CodePanel';
import { WorkloadNote } from './WorkloadNote';
import type { CodeLineMap } from '../../timeline/codeLines';
import { RevealNote, useFigureAttrs } from '../predict/FigureReveal';
import { SharedBanner } from '../../share/SharedBanner';
import { isSealed } from '../../store/reveal';

export interface TimelineViewProps {
  store: TimelineStore;
  caption: string;
  labels?: Partial<Record<ModelId, string>>;
  /** Code-line sync for the code given as children. */
  code?: { map: CodeLineMap; model: ModelId } | null;
  /** The article's code for this scenario, shown above the chart. */
  children?: ReactNode;
  /** The workload bar under the controls (the editor's EditBar), passed in by the widget layer. */
  editBar?: ReactNode;
}

/**
 * The states with time inside the whole-run window [0, domainMs) (what statesInWindow answers for that window),
 * in one pass over the spans: a figure showing its whole run, as it does after every edit, needs no per-state
 * index for its legend. And whether GIL hand-offs are drawn.
 */
function legendStates(layout: TimelineLayout): { inRun: SpanState[]; handoffs: boolean } {
  const inRun = new Set<SpanState>();
  const end = layout.domainMs;
  let handoffs = false;
  for (const band of layout.bands) {
    const { ix } = band;
    for (const row of band.rows) {
      for (const l of row.lanes)
        for (let i = ix.laneStart[l]; i < ix.laneStart[l + 1]; i++) {
          const s = ix.spans[i];
          if (s.startMs < end && s.endMs > 0) inRun.add(s.state);
        }
      if (row.kind === 'gil') handoffs ||= band.trace.events.some((e) => e.kind === 'gil-handoff');
    }
  }
  return { inRun: [...inRun], handoffs };
}

/** The isomorphic layout effect: no warning on the server. */
const useClientLayoutEffect = typeof document !== 'undefined' ? useLayoutEffect : useEffect;

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

/** A stable, CSS-safe id per widget (same on server and client). */
function useUid(): string {
  return `tl${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

interface FigureProps {
  caption: string;
  labels: Partial<Record<ModelId, string>>;
  code?: TimelineViewProps['code'];
  children?: ReactNode;
  editBar?: ReactNode;
}

/**
 * The legend lists only the states inside the window (a step behind while the window moves). While a zoom or
 * pan gesture moves it, the legend stays as it was when the gesture began, and follows once the window rests:
 * no legend work in the gesture's frames.
 */
function WindowLegend({
  layout,
  inRun,
  handoffs,
}: {
  layout: TimelineLayout;
  inRun: readonly SpanState[];
  handoffs: boolean;
}) {
  const api = useTimelineApi();
  const moving = useGestureDrawing(api);
  const held = useRef<ViewWindow>({ startMs: 0, endMs: layout.domainMs });
  const viewStartMs = useTimelineStore((s) => (moving ? held.current.startMs : s.viewStartMs));
  const viewEndMs = useTimelineStore((s) => (moving ? held.current.endMs : s.viewEndMs));
  useClientLayoutEffect(() => {
    if (!moving) held.current = { startMs: viewStartMs, endMs: viewEndMs };
  });
  const deferredStart = useDeferredValue(viewStartMs);
  const deferredEnd = useDeferredValue(viewEndMs);
  // The whole run (after an edit, after Fit) is answered at once, without the index; a narrower window a
  // step behind.
  const whole = viewStartMs === 0 && viewEndMs === layout.domainMs;
  const inWindow = useMemo(
    () =>
      whole
        ? STATE_ORDER.filter((s) => inRun.includes(s))
        : statesInWindow(layout, { startMs: deferredStart, endMs: deferredEnd }),
    [layout, inRun, whole, deferredStart, deferredEnd],
  );
  // The index that answers narrower windows is built while the page is idle, not on the first zoom step.
  useEffect(() => {
    if (!whole) return;
    return whenIdle(() => statesInWindow(layout, { startMs: 0, endMs: layout.domainMs }));
  }, [layout, whole]);
  return <Legend states={inWindow} handoffs={handoffs} />;
}

function Figure({ caption, labels, code, children, editBar }: FigureProps) {
  const uid = useUid();
  const traces = useTimelineStore((s) => s.traces);
  const view = useTimelineStore((s) => s.view);
  const baselineMs = useTimelineStore((s) => s.baselineMs);
  const scenario = useTimelineStore((s) => s.scenario);
  const tracks = useMemo(() => wantsTracks(traces, trackInput(scenario)), [traces, scenario]);
  // With tracks under the lanes, the lanes are drawn a little tighter (the figure still fits a screen).
  const layout = useMemo(
    () => layoutTimeline(traces, view, tracks ? COMPACT_LAYOUT : undefined),
    [traces, view, tracks],
  );
  const headers: BandHeaderInfo[] = useMemo(
    () => traces.map((t) => bandSummary(t, baselineMs, labels)),
    [traces, baselineMs, labels],
  );
  const legend = useMemo(() => legendStates(layout), [layout]);
  // The window is part of the figure's contract (data-view-start-ms / data-view-end-ms). The attributes are
  // kept up to date by a store subscription, so a zoom or pan step does not re-render the whole figure.
  const api = useTimelineApi();
  const figureRef = useRef<HTMLElement>(null);
  const { viewStartMs, viewEndMs } = api.getState();
  useClientLayoutEffect(() => {
    const el = figureRef.current;
    if (!el) return;
    const apply = (startMs: number, endMs: number) => {
      el.setAttribute('data-view-start-ms', String(round3(startMs)));
      el.setAttribute('data-view-end-ms', String(round3(endMs)));
    };
    const s = api.getState();
    apply(s.viewStartMs, s.viewEndMs);
    return api.subscribe((next, prev) => {
      if (next.viewStartMs !== prev.viewStartMs || next.viewEndMs !== prev.viewEndMs)
        apply(next.viewStartMs, next.viewEndMs);
    });
  }, [api]);
  // Where it sits on the page, and whether it waits for a prediction (FigureReveal).
  const attrs = useFigureAttrs();
  return (
    <figure
      ref={figureRef}
      className={`tl widget-wide${layout.large ? ' tl--large' : ''}`}
      data-view={view}
      data-view-start-ms={round3(viewStartMs)}
      data-view-end-ms={round3(viewEndMs)}
      {...attrs}
    >
      <SharedBanner />
      <PatternDefs />
      <div className={children ? 'tl-body tl-body--code' : 'tl-body'}>
        {children ? (
          code ? (
            <CodePanel map={code.map} model={code.model}>
              {children}
            </CodePanel>
          ) : (
            <div className="tl-code">{children}</div>
          )
        ) : null}
        <div className="tl-main">
          <Controls uid={uid} editBar={editBar} zoomBar={<ZoomBar layout={layout} />} />
          <Chart layout={layout} uid={uid} headers={headers} />
          <SyncTracksSlot uid={uid} labels={labels} wanted={tracks} />
          <DetailsSlot layout={layout} uid={uid} />
          <RevealNote layout={layout} />
          <WindowLegend layout={layout} inRun={legend.inRun} handoffs={legend.handoffs} />
          <Readouts layout={layout} headers={headers} />
          <Narration layout={layout} labels={labels} />
          <EventLog traces={traces} headers={headers} />
        </div>
      </div>
      <figcaption className="tl-caption">
        {caption}
        <WorkloadNote hasCode={!!code && !!children} />
      </figcaption>
    </figure>
  );
}

export function TimelineView({
  store,
  caption,
  labels = DEFAULT_MODEL_LABELS,
  code,
  children,
  editBar,
}: TimelineViewProps) {
  // After hydration only: read the reader's motion preference and start the playback loop.
  useEffect(() => {
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    const apply = () => {
      const reduced = !!media?.matches;
      store.getState().setReducedMotion(reduced);
      // A figure waiting for its prediction stays at its start until the reader commits.
      if (reduced && !store.getState().playing && !isSealed(store)) store.getState().jumpToEnd();
    };
    apply();
    media?.addEventListener?.('change', apply);
    const stop = startPlayback(store);
    return () => {
      media?.removeEventListener?.('change', apply);
      stop();
    };
  }, [store]);
  // The article's <ZoomTo> phrases ask this figure for windows.
  useWindowRequests(store);
  return (
    <TimelineStoreProvider store={store}>
      <Figure caption={caption} labels={labels} code={code} editBar={editBar}>
        {children}
      </Figure>
    </TimelineStoreProvider>
  );
}
