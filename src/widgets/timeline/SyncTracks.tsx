/**
 * The figure's coordination tracks wired to its store: queue depths, shared variables, the latency strip
 * and the deadlock sentence for the store's window at the plot's width, with the playhead's veil over
 * them; for arrival workloads, the latency readout beside the totals (hidden with them while the
 * figure waits for a prediction).
 *
 * The tracks stand open under the lanes, on the chart's time axis: compact rows (and the tighter lanes of
 * COMPACT_LAYOUT above them) keep a figure with several rows of tracks within a laptop's screen.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { revealOf } from '../../store/reveal';
import { PlayheadView } from '../../timeline/SvgTimeline';
import { bandSummary } from '../../timeline/labels';
import type { ModelId } from '../../sim/types';
import { SvgTracks, trackKey } from '../../timeline/SvgTracks';
import { syncTracks } from '../../timeline/syncTracks';
import { trackInput, type TrackInput } from '../../timeline/trackNeeds';
import type { LatencyReadout } from '../../timeline/latencyTrack';
import { drawTrack, readTrackColors, type TrackColors } from '../../timeline/tracksCanvas';
import type { TimelineStore } from '../../store/timelineStore';
import type { Trace } from '../../sim/types';
import { useGestureDrawing } from './gestureSignal';

/**
 * One edge of the store's window, followed by subscription except while `still`: then the component keeps
 * the window it last rendered with (it reads the current one whenever something else renders it).
 */
function useWindowEdge(api: TimelineStore, edge: 'viewStartMs' | 'viewEndMs', still: boolean): number {
  const subscribe = useCallback(
    (f: () => void) =>
      still
        ? () => {}
        : api.subscribe((s, prev) => {
            if (s[edge] !== prev[edge]) f();
          }),
    [api, edge, still],
  );
  return useSyncExternalStore(
    subscribe,
    () => api.getState()[edge],
    () => api.getState()[edge],
  );
}

/**
 * While a gesture draws the figure on a Canvas: the tracks' lines on a canvas per row, redrawn at most once
 * a frame for the store's window (by subscription, without rendering), from the same tracks computation as
 * the SVG. Returns the ref callback SvgTracks hands each row's canvas to.
 */
function useLineCanvases(
  api: TimelineStore,
  on: boolean,
  traces: readonly Trace[],
  input: TrackInput,
  width: number,
  sealed: boolean,
) {
  const canvases = useRef(new Map<string, HTMLCanvasElement>());
  const drawRef = useRef<() => void>(() => {});
  useEffect(() => {
    if (!on) return;
    let colors: TrackColors | null = null;
    const draw = () => {
      const s = api.getState();
      const bands = syncTracks(traces, input, { startMs: s.viewStartMs, endMs: s.viewEndMs }, width);
      const dpr = window.devicePixelRatio || 1;
      for (const b of bands)
        for (const t of b.tracks) {
          const canvas = canvases.current.get(trackKey(b.band, t));
          if (!canvas) continue;
          colors ??= readTrackColors(canvas);
          drawTrack(canvas, t, width, dpr, colors, sealed);
        }
    };
    drawRef.current = draw;
    draw();
    let frame = 0;
    const unsubscribe = api.subscribe((s, prev) => {
      if (frame || (s.viewStartMs === prev.viewStartMs && s.viewEndMs === prev.viewEndMs)) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      drawRef.current = () => {};
    };
  }, [api, on, traces, input, width, sealed]);
  return useCallback((key: string, canvas: HTMLCanvasElement | null) => {
    if (canvas) {
      const fresh = canvases.current.get(key) !== canvas;
      canvases.current.set(key, canvas);
      if (fresh) drawRef.current();
    } else canvases.current.delete(key);
  }, []);
}

function TracksPlayhead({ domainMs }: { domainMs: number }) {
  const timeMs = useTimelineStore((s) => s.timeMs);
  const startMs = useTimelineStore((s) => s.viewStartMs);
  const endMs = useTimelineStore((s) => s.viewEndMs);
  return <PlayheadView timeMs={timeMs} domainMs={domainMs} window={{ startMs, endMs }} />;
}

/** One model: a line beside the totals. */
function LatencyLine({ readout }: { readout: LatencyReadout }) {
  return (
    <p className="tl-latency" data-latency="">
      <span className="tl-latency-head">Latency</span> <span className="tl-latency-item">p50 {readout.p50}</span>{' '}
      <span className="tl-latency-item">p95 {readout.p95}</span>{' '}
      <span className="tl-latency-item">max {readout.max}</span>{' '}
      <span className="tl-latency-item">throughput {readout.throughput}</span>
    </p>
  );
}

/** Several models: a row each. */
function LatencyTable({ rows }: { rows: { title: string; readout: LatencyReadout }[] }) {
  return (
    <table className="tl-latency tl-latency-table">
      <caption className="tl-visually-hidden">Latency, from arrival to end</caption>
      <thead>
        <tr>
          <th scope="col">
            <span aria-hidden="true">Latency</span>
            <span className="tl-visually-hidden">Model</span>
          </th>
          <th scope="col">p50</th>
          <th scope="col">p95</th>
          <th scope="col">max</th>
          <th scope="col">Throughput</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ title, readout }) => (
          <tr key={title} data-latency="">
            <th scope="row">{title}</th>
            <td>{readout.p50}</td>
            <td>{readout.p95}</td>
            <td>{readout.max}</td>
            <td>{readout.throughput}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SyncTracks({ uid, labels }: { uid: string; labels: Partial<Record<ModelId, string>> }) {
  const api = useTimelineApi();
  const sealed = useStore(revealOf(api), (s) => s.sealed);
  const traces = useTimelineStore((s) => s.traces);
  const scenario = useTimelineStore((s) => s.scenario);
  const domainMs = useTimelineStore((s) => s.domainMs);
  // While a gesture draws the figure on a Canvas, the lines follow the window there and the words (the
  // briefs, the tracks in text) stay as they were until the window settles.
  const onCanvas = useGestureDrawing(api);
  const startMs = useWindowEdge(api, 'viewStartMs', onCanvas);
  const endMs = useWindowEdge(api, 'viewEndMs', onCanvas);
  const width = useTimelineStore((s) => s.plotWidthPx);
  const input = useMemo(() => trackInput(scenario), [scenario]);
  const lineCanvas = useLineCanvases(api, onCanvas, traces, input, width, sealed);
  const bands = useMemo(
    () => syncTracks(traces, input, { startMs, endMs }, width),
    [traces, input, startMs, endMs, width],
  );
  const titles = traces.map((t) => bandSummary(t, null, labels).label);
  const compare = bands.length > 1;
  const latency = bands.flatMap((b) => (b.latency ? [{ title: titles[b.band] ?? '', readout: b.latency }] : []));
  return (
    <>
      <SvgTracks
        bands={bands}
        width={width}
        uid={uid}
        titles={titles}
        playhead={<TracksPlayhead domainMs={domainMs} />}
        sealed={sealed}
        lineCanvas={onCanvas ? lineCanvas : undefined}
      />
      {sealed || latency.length === 0 ? null : compare ? (
        <LatencyTable rows={latency} />
      ) : (
        <LatencyLine readout={latency[0].readout} />
      )}
    </>
  );
}
