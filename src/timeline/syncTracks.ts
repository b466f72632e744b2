/**
 * The tracks under a figure's lanes for coordination and load, per band (model), for one window and
 * plot width: a queue-depth track per queue, a value track per shared variable, a latency strip when
 * tasks arrive over time, and the deadlock mark. The SVG tracks, the figure's text and the exported
 * image read this one computation.
 */
import type { Trace } from '../sim/types';
import { deadlockMark, type DeadlockMark } from './deadlockMark';
import { latencyReadout, latencyTrack, longestLatency, type LatencyReadout, type LatencyTrack } from './latencyTrack';
import type { TrackInput } from './trackNeeds';
import { queueNames, queueTrack, type QueueTrack } from './queueTrack';
import { sharedNames, sharedTrack, type SharedTrack } from './sharedTrack';
import { clampWindow, type ViewWindow } from './viewWindow';

export type Track = QueueTrack | SharedTrack | LatencyTrack;

export interface BandTracks {
  band: number;
  tracks: Track[];
  deadlock: DeadlockMark | null;
  latency: LatencyReadout | null;
}

function queueNamesOf(trace: Trace, input: TrackInput): string[] {
  const names = Object.entries(input.sync ?? {})
    .filter(([, s]) => s.type === 'queue')
    .map(([n]) => n);
  for (const n of queueNames(trace)) if (!names.includes(n)) names.push(n);
  return names;
}

function maxsizeOf(input: TrackInput, name: string): number {
  const s = input.sync?.[name];
  return s && s.type === 'queue' ? s.maxsize : 0;
}

export function bandTracks(
  trace: Trace,
  band: number,
  input: TrackInput,
  window: ViewWindow,
  width: number,
  latencyTopMs?: number,
): BandTracks {
  const W = Math.max(1, width);
  const tracks: Track[] = [];
  for (const q of queueNamesOf(trace, input)) tracks.push(queueTrack(trace, q, maxsizeOf(input, q), window, W));
  const shared = [...sharedNames(trace)];
  for (const n of Object.keys(input.shared ?? {})) if (!shared.includes(n)) shared.push(n);
  for (const n of shared) tracks.push(sharedTrack(trace, n, input.shared?.[n] ?? 0, window, W));
  if (input.arrivals) tracks.push(latencyTrack(trace, window, W, undefined, latencyTopMs));
  return {
    band,
    tracks,
    deadlock: deadlockMark(trace, window),
    latency: input.arrivals ? latencyReadout(trace) : null,
  };
}

/** The tracks of every band, the window clamped into the longest run. */
export function syncTracks(
  traces: readonly Trace[],
  input: TrackInput,
  window: ViewWindow,
  width: number,
): BandTracks[] {
  const domainMs = traces.reduce((m, t) => Math.max(m, t.makespanMs), 0);
  const w = clampWindow(window, domainMs);
  // One latency scale for every band, so that the same height is the same latency in each.
  const top = input.arrivals ? traces.reduce((m, t) => Math.max(m, longestLatency(t)), 0) : undefined;
  return traces.map((t, i) => bandTracks(t, i, input, w, width, top));
}
