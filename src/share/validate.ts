/**
 * An untrusted scenario (from a link, saved edits or a file) checked with the same schema as
 * content/scenarios: the scenario, or an error that names the field. Its own chunk (it brings the
 * validator); the page's limits are applied afterwards (fit.ts).
 */
import { parseScenario } from '../sim/scenario/parse';
import type { Scenario } from '../sim/types';

export type Parsed = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function checkScenario(raw: unknown, source: string, original?: Scenario | null): Parsed {
  let scenario: Scenario;
  try {
    scenario = parseScenario(raw, source);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  // Links leave out the description; the article's own workload keeps its text.
  if (!scenario.description && original && original.id === scenario.id) {
    scenario = { ...scenario, description: original.description };
  }
  return { ok: true, scenario };
}
