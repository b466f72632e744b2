/**
 * Whether a figure draws coordination tracks at all, decided without their code (which loads only for
 * the figures that have them): queues, shared variables, a deadlock, or tasks that arrive over time.
 */
import type { Scenario, SyncSpec, Trace } from '../sim/types';

/** Whether any task of the workload arrives after the start or at intervals. */
export function hasArrivals(scenario: Pick<Scenario, 'tasks'> | null | undefined): boolean {
  return !!scenario?.tasks.some((t) => t.startAtMs !== undefined || t.everyMs !== undefined);
}

/** What the tracks need from the workload (the trace alone does not carry maxsizes or initial values). */
export interface TrackInput {
  sync?: Record<string, SyncSpec>;
  shared?: Record<string, number>;
  arrivals: boolean;
}

export function trackInput(scenario: Scenario | null | undefined): TrackInput {
  return { sync: scenario?.sync, shared: scenario?.shared, arrivals: hasArrivals(scenario) };
}

/** Whether a workload draws any track or mark at all (so a figure without coordination adds nothing). */
export function wantsTracks(traces: readonly Trace[], input: TrackInput): boolean {
  if (input.arrivals || Object.keys(input.shared ?? {}).length > 0) return true;
  if (Object.values(input.sync ?? {}).some((s) => s.type === 'queue')) return true;
  return traces.some(
    (t) =>
      !!t.metrics.deadlock ||
      Object.keys(t.metrics.shared ?? {}).length > 0 ||
      t.events.some((e) => e.kind === 'queue-depth' || e.kind === 'shared-write' || e.kind === 'deadlock'),
  );
}
