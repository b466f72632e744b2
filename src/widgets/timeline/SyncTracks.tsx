/**
 * The figure's coordination tracks wired to its store: queue depths, shared variables, the latency strip
 * and the deadlock sentence for the store's window at the plot's width, with the playhead's veil over
 * them; for arrival workloads, the latency readout beside the totals (hidden with them while the
 * figure waits for a prediction).
 *
 * Several rows of tracks can make a figure taller than the screen. Those start folded behind a
 * disclosure whose summary says them in a line; once laid out, the box opens if the figure fits the
 * screen with it open (the Playground's always does), and after the reader opens or closes it, it
 * stays as they left it.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { revealOf } from '../../store/reveal';
import { PlayheadView } from '../../timeline/SvgTimeline';
import { bandSummary } from '../../timeline/labels';
import type { ModelId } from '../../sim/types';
import { SvgTracks, trackRows } from '../../timeline/SvgTracks';
import { syncTracks } from '../../timeline/syncTracks';
import { trackInput } from '../../timeline/trackNeeds';
import type { LatencyReadout } from '../../timeline/latencyTrack';

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

/** A figure may stand this tall with its tracks open (px), or as tall as the screen when that is taller. */
export const FIGURE_FIT_PX = 900;
/** From this many rows of tracks, the box starts folded (before the figure can be measured). */
export const FOLD_ROWS = 3;

/**
 * Whether the tracks box is open: folded at first when it has many rows, then opened or kept folded by
 * measuring the figure with the box open, until the reader chooses.
 */
function useFold(rows: number, width: number) {
  const [open, setOpen] = useState(rows < FOLD_ROWS);
  const chosen = useRef(false);
  const ref = useRef<HTMLDetailsElement>(null);
  const fit = useCallback(() => {
    const el = ref.current;
    if (!el || chosen.current) return;
    const figure = el.closest('figure');
    if (!figure) return;
    const was = el.open;
    el.open = true;
    const tall = figure.getBoundingClientRect().height;
    el.open = was;
    const free = el.closest('.pg') !== null;
    setOpen(free || tall <= Math.max(FIGURE_FIT_PX, window.innerHeight));
  }, []);
  useLayoutEffect(fit, [fit, rows, width]);
  useLayoutEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fit]);
  const onToggle = useCallback((now: boolean) => {
    setOpen((was) => {
      if (was !== now) chosen.current = true;
      return now;
    });
  }, []);
  return { fold: { open, onToggle }, ref };
}

export function SyncTracks({ uid, labels }: { uid: string; labels: Partial<Record<ModelId, string>> }) {
  const api = useTimelineApi();
  const sealed = useStore(revealOf(api), (s) => s.sealed);
  const traces = useTimelineStore((s) => s.traces);
  const scenario = useTimelineStore((s) => s.scenario);
  const domainMs = useTimelineStore((s) => s.domainMs);
  const startMs = useTimelineStore((s) => s.viewStartMs);
  const endMs = useTimelineStore((s) => s.viewEndMs);
  const width = useTimelineStore((s) => s.plotWidthPx);
  const input = useMemo(() => trackInput(scenario), [scenario]);
  const bands = useMemo(
    () => syncTracks(traces, input, { startMs, endMs }, width),
    [traces, input, startMs, endMs, width],
  );
  const titles = traces.map((t) => bandSummary(t, null, labels).label);
  const compare = bands.length > 1;
  const { fold, ref } = useFold(trackRows(bands), width);
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
        fold={fold}
        foldRef={ref}
      />
      {sealed || latency.length === 0 ? null : compare ? (
        <LatencyTable rows={latency} />
      ) : (
        <LatencyLine readout={latency[0].readout} />
      )}
    </>
  );
}
