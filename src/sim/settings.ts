/** Model settings after defaults and overrides: settings < modelSettings[model] < overrides. */
import { DEFAULT_SWITCH_INTERVAL_MS } from './defaults';
import type { ModelId, ModelSettings, ResolvedSettings, Scenario } from './types';

export interface SimOverrides extends ModelSettings {
  cores?: number;
  /** Runaway guard (default DEFAULT_MAX_EVENTS). */
  maxEvents?: number;
  /**
   * 'full' (default): lanes, spans and events. 'summary': tasks and metrics only (spans and events
   * are empty arrays): much faster and smaller for sweeps and very large scenarios.
   */
  trace?: 'full' | 'summary';
}

export function resolveSettings(scenario: Scenario, model: ModelId, overrides: SimOverrides = {}): ResolvedSettings {
  const s: ModelSettings = { ...scenario.settings, ...scenario.modelSettings?.[model] };
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined && k !== 'cores' && k !== 'maxEvents' && k !== 'trace') (s as Record<string, unknown>)[k] = v;
  }
  const cores = overrides.cores ?? scenario.machine.cores;
  // The free-threading model needs a free-threaded build: 3.13t by default; '3.11' (which has a GIL)
  // is treated as 3.13t. The other models run the regular build and report '3.11' (subinterpreters: '3.14').
  let python = s.python ?? (model === 'free-threading' ? '3.13t' : '3.11');
  if (model === 'free-threading' && python === '3.11') python = '3.13t';
  if (model !== 'free-threading') python = '3.11';
  // concurrent.interpreters and InterpreterPoolExecutor are new in Python 3.14 (regular build).
  const build: ResolvedSettings['python'] = model === 'subinterpreters' ? '3.14' : python;
  return {
    cores,
    switchIntervalMs: s.switchIntervalMs ?? DEFAULT_SWITCH_INTERVAL_MS,
    startMethod: s.startMethod ?? 'fork',
    poolSize: s.poolSize ?? null,
    python: build,
    // asyncio's default executor: ThreadPoolExecutor(max_workers=min(32, os.cpu_count() + 4)).
    threadPoolSize: s.threadPoolSize ?? Math.min(32, cores + 4),
    processPoolSize: s.processPoolSize ?? cores,
  };
}
