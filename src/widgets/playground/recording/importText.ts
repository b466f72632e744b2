/**
 * Reading the text of a dropped or picked file as an Interleave recording, with the workload derived from it,
 * or as a VizTracer / Chrome trace, drawn as thread lanes only. Runs in the import worker (importWorker.ts),
 * or in the page where no worker can start.
 */
import { deriveScenario, type Derived } from '../../../sim/recording/derive';
import { parseRecording, RecordingError } from '../../../sim/recording/parse';
import { recordedTrace } from '../../../sim/recording/trace';
import type { Recording } from '../../../sim/recording/types';
import { isChromeTrace, parseChromeTrace } from '../../../sim/recording/viztracer';
import type { Trace } from '../../../sim/types';
import { formatCount } from '../../../timeline/scale';
import type { Checked } from '../../../share/fit';

/** What the page shows of a recording besides its derived workload: its program, Python, machine and wall time. */
export type RecordingFacts = Omit<Recording, 'processes'>;

export type Imported =
  | { kind: 'recording'; file: string; recording: RecordingFacts; derived: Derived; trace: Trace }
  | { kind: 'chrome'; file: string; trace: Trace };

/**
 * `scenarioFile`: the file is no recording but looks like a scenario file (tasks, no recording format);
 * `checked`, when the reader has already checked it as one (the import worker does, away from the page).
 */
export type ImportResult =
  { ok: true; value: Imported } | { ok: false; error: string; scenarioFile?: true; checked?: Checked };

/**
 * A recording with more segments than this is refused as soon as it is parsed, before it is checked and its
 * workload derived (seconds of work for the reader's worker, and a figure the page cannot draw fluently).
 */
export const MAX_RECORDED_SEGMENTS = 200_000;

/** How many segments a parsed recording's threads hold, all together (0 for anything shaped otherwise). */
export function segmentCount(data: unknown): number {
  const processes = (data as { processes?: unknown } | null)?.processes;
  if (!Array.isArray(processes)) return 0;
  let n = 0;
  for (const p of processes) {
    const threads = (p as { threads?: unknown } | null)?.threads;
    if (!Array.isArray(threads)) continue;
    for (const t of threads) {
      const segments = (t as { segments?: unknown } | null)?.segments;
      if (Array.isArray(segments)) n += segments.length;
    }
  }
  return n;
}

/** Whether parsed JSON is shaped like a scenario file rather than a recording: a task list and no `format`. */
export function looksLikeScenario(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const o = data as Record<string, unknown>;
  return Array.isArray(o.tasks) && !('format' in o);
}

export function importText(text: string, file: string): ImportResult {
  try {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new RecordingError(file, '', `is not valid JSON (${(e as Error).message})`);
    }
    if (isChromeTrace(data)) return { ok: true, value: { kind: 'chrome', file, trace: parseChromeTrace(data, file) } };
    if (looksLikeScenario(data))
      return { ok: false, error: `${file}: is a scenario file, not a recording`, scenarioFile: true };
    const segments = segmentCount(data);
    if (segments > MAX_RECORDED_SEGMENTS)
      throw new RecordingError(
        file,
        '',
        `has ${formatCount(segments)} segments; at most ${formatCount(MAX_RECORDED_SEGMENTS)} can be drawn here`,
      );
    const recording = parseRecording(data, file);
    const derived = deriveScenario(recording);
    const { processes: _processes, ...facts } = recording;
    return {
      ok: true,
      value: { kind: 'recording', file, recording: facts, derived, trace: recordedTrace(recording, derived) },
    };
  } catch (e) {
    if (e instanceof RecordingError) return { ok: false, error: e.message };
    return { ok: false, error: `${file}: could not be read as a recording (${(e as Error).message})` };
  }
}
