/**
 * The figure's coordination tracks wired to its store: queue depths, shared variables, the latency strip
 * and the deadlock sentence for the store's window at the plot's width, with the playhead's veil over
 * them; for arrival workloads, the latency readout beside the totals (hidden with them while the
 * figure waits for a prediction).
 *
 * The tracks stand open under the lanes, on the chart's time axis: compact rows (and the tighter lanes of
 * COMPACT_LAYOUT above them) keep a figure with several rows of tracks within a laptop's screen.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { revealOf } from '../../store/reveal';
import { PlayheadView } from '../../timeline/SvgTimeline';
import { bandSummary } from '../../timeline/labels';
import type { ModelId } from '../../sim/types';
import { SvgTracks } from '../../timeline/SvgTracks';
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
      />
      {sealed || latency.length === 0 ? null : compare ? (
        <LatencyTable rows={latency} />
      ) : (
        <LatencyLine readout={latency[0].readout} />
      )}
    </>
  );
}
