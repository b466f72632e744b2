/**
 * Interleave's simulator: a pure, deterministic discrete-event model of how CPython runs a workload
 * sequentially, with asyncio, with threads (GIL), free-threaded, or with processes.
 */
export * from './types';
export { simulate } from './simulate';
export { baselineOf } from './baseline';
export type { SimOverrides } from './settings';
export { resolveSettings } from './settings';
export { parseScenario, formatPath, MAX_EXPANDED_TASKS } from './scenario/parse';
export { expandTasks } from './scenario/expand';
export { ScenarioError, SimulationError } from './errors';
export { MODEL_LABELS } from './labels';
