/** Recorded against simulated totals: the derived workload replayed under each model. */
import { simulate } from '../simulate';
import type { ModelId } from '../types';
import { deriveScenario, type Derived } from './derive';
import type { Recording } from './types';

export interface ComparisonRow {
  model: ModelId;
  simulatedMs: number;
  /** simulated / recorded - 1 (0.05 = the replay took 5 % longer). */
  difference: number;
}

export interface Comparison {
  /** The model the recorded program used. */
  recordedModel: ModelId;
  recordedMs: number;
  derived: Derived;
  rows: ComparisonRow[];
}

export function compareRecording(rec: Recording, models: readonly ModelId[]): Comparison {
  const derived = deriveScenario(rec);
  const rows = models.map((model) => {
    const simulatedMs = simulate(derived.scenario, model, { trace: 'summary' }).makespanMs;
    return { model, simulatedMs, difference: derived.recordedMs > 0 ? simulatedMs / derived.recordedMs - 1 : 0 };
  });
  return { recordedModel: derived.model, recordedMs: derived.recordedMs, derived, rows };
}
