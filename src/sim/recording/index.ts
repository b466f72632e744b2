/** Recordings of real programs (recorder/interleave_record.py) and VizTracer traces: parse, derive, draw. */
export type * from './types';
export { parseRecording, parseRecordingText, RecordingError } from './parse';
export { deriveScenario, type Derived, type TaskSource } from './derive';
export { compareRecording, type Comparison, type ComparisonRow } from './compare';
export { recordedTrace, recordedLabel } from './trace';
export { parseChromeTrace, isChromeTrace, MAX_TRACE_EVENTS } from './viztracer';
