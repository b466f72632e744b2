/**
 * A dropped or picked file, read in the browser (it is never sent anywhere): an Interleave recording, with
 * the workload derived from it, or a VizTracer / Chrome trace, drawn as thread lanes only.
 */
import { deriveScenario, type Derived } from '../../../sim/recording/derive';
import { parseRecording, RecordingError } from '../../../sim/recording/parse';
import { recordedTrace } from '../../../sim/recording/trace';
import type { Recording } from '../../../sim/recording/types';
import { isChromeTrace, parseChromeTrace } from '../../../sim/recording/viztracer';
import type { Trace } from '../../../sim/types';

/** Bigger files are refused before they are read: a page should not hold hundreds of MB of JSON. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type Imported =
  | { kind: 'recording'; file: string; recording: Recording; derived: Derived; trace: Trace }
  | { kind: 'chrome'; file: string; trace: Trace };

export type ImportResult = { ok: true; value: Imported } | { ok: false; error: string };

export function importText(text: string, file: string): ImportResult {
  try {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new RecordingError(file, '', `is not valid JSON (${(e as Error).message})`);
    }
    if (isChromeTrace(data)) return { ok: true, value: { kind: 'chrome', file, trace: parseChromeTrace(data, file) } };
    const recording = parseRecording(data, file);
    const derived = deriveScenario(recording);
    return {
      ok: true,
      value: { kind: 'recording', file, recording, derived, trace: recordedTrace(recording, derived) },
    };
  } catch (e) {
    if (e instanceof RecordingError) return { ok: false, error: e.message };
    return { ok: false, error: `${file}: could not be read as a recording (${(e as Error).message})` };
  }
}

export async function importFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: `${file.name}: is ${(file.size / 1048576).toFixed(0)} MB; at most 64 MB can be opened here`,
    };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `${file.name}: cannot be read (${(e as Error).message})` };
  }
  return importText(text, file.name);
}
