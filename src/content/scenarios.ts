import type { Scenario } from '../sim/types';
import { parseScenario } from '../sim';

/**
 * Every scenario in content/scenarios, validated at load. Articles name scenarios by id.
 * A file that fails validation is kept as an error so the widget that names it can say why.
 */
const files = import.meta.glob<unknown>('../../content/scenarios/*.json', {
  eager: true,
  import: 'default',
});

type Entry = { ok: true; scenario: Scenario } | { ok: false; error: string };
const byId = new Map<string, Entry>();

for (const [path, json] of Object.entries(files)) {
  const file = path.slice(path.lastIndexOf('content/'));
  if (file.endsWith('.schema.json')) continue;
  const id = file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
  try {
    byId.set(id, { ok: true, scenario: parseScenario(json, file) });
  } catch (error) {
    byId.set(id, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

export function scenarioIds(): string[] {
  return [...byId.keys()].sort();
}

/** The scenario with that id, or a readable reason why there is none. */
export function loadScenario(id: string): Entry {
  return byId.get(id) ?? { ok: false, error: `No scenario named "${id}" in content/scenarios.` };
}
