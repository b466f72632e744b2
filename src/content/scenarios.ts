import type { Scenario } from '../sim/types';
import { scenarioLoaders } from 'virtual:scenarios';

/**
 * The scenarios in content/scenarios, by id. Each is validated at build time (see
 * scripts/vite-plugin-scenarios.ts) and loaded on demand: a page preloads the scenarios its article names
 * before it renders, so widgets can then read them synchronously. A file that failed validation is kept as
 * its error, so the widget that names it can say why.
 */
export type ScenarioEntry = { ok: true; scenario: Scenario } | { ok: false; error: string };

const loaded = new Map<string, ScenarioEntry>();

export function scenarioIds(): string[] {
  return Object.keys(scenarioLoaders).sort();
}

/** Keeps scenarios that arrived with a page's details, so that they need no request of their own. */
export function primeScenarios(entries: Record<string, ScenarioEntry>): void {
  for (const [id, entry] of Object.entries(entries)) if (!loaded.has(id)) loaded.set(id, entry);
}

/** Loads the named scenarios (unknown ids are skipped; loadScenario will report them). */
export async function preloadScenarios(ids: Iterable<string>): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => !loaded.has(id) && Object.hasOwn(scenarioLoaders, id));
  await Promise.all(
    wanted.map(async (id) => {
      const module = await scenarioLoaders[id]();
      loaded.set(id, module.default);
    }),
  );
}

/** The scenario with that id, or a readable reason why there is none. */
export function loadScenario(id: string): ScenarioEntry {
  const entry = loaded.get(id);
  if (entry) return entry;
  if (Object.hasOwn(scenarioLoaders, id)) {
    return { ok: false, error: `The scenario "${id}" was not loaded before this page rendered.` };
  }
  return { ok: false, error: `No scenario named "${id}" in content/scenarios.` };
}
