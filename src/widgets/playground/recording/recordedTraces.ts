/** The recorded band above the workload replayed under the chosen models, on one axis. */
import { simulate } from '../../../sim/simulate';
import { MODEL_IDS, type ModelId, type Scenario, type Trace } from '../../../sim/types';

export interface Replay {
  traces: Trace[];
  rows: { model: ModelId; simulatedMs: number; difference: number }[];
  error: string | null;
}

export function replay(recorded: Trace, scenario: Scenario | null, models: readonly ModelId[]): Replay {
  if (!scenario) return { traces: [recorded], rows: [], error: null };
  const ordered = MODEL_IDS.filter((m) => models.includes(m));
  try {
    const sims = ordered.map((m) => simulate(scenario, m));
    return { traces: [recorded, ...sims], rows: replayRows(recorded, sims), error: null };
  } catch (e) {
    return { traces: [recorded], rows: [], error: (e as Error).message };
  }
}

/** Each replay's total against the recorded one. */
export function replayRows(recorded: Trace, replays: readonly Trace[]): Replay['rows'] {
  return replays.map((t) => ({
    model: t.model,
    simulatedMs: t.makespanMs,
    difference: recorded.makespanMs > 0 ? t.makespanMs / recorded.makespanMs - 1 : 0,
  }));
}

/** "+4.2 %", "−3.0 %" */
export function formatDifference(d: number): string {
  return `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(1)} %`;
}
