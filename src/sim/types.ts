/**
 * The contract between scenarios, the simulator and everything that draws a trace.
 *
 * Times in a trace are milliseconds since the program started (floating point, derived from
 * integer nanoseconds inside the simulator so that results are exact and deterministic).
 * Every span is half-open: it covers `startMs <= t < endMs`.
 */
export * from './scenarioTypes';
export * from './traceTypes';
