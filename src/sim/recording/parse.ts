/**
 * parseRecording: checks untrusted input against recorder/recording.schema.json, then what the schema
 * cannot say (spans that end before they start, ids that repeat). Every error names the file and the
 * field, e.g. "run.json: processes[0].threads[2].segments[5].endMs must not be before startMs".
 */
import { Validator } from '@cfworker/json-schema';
import type { OutputUnit, Schema } from '@cfworker/json-schema';
import schemaJson from '../../../recorder/recording.schema.json' with { type: 'json' };
import { ScenarioError } from '../errors';
import { formatPath } from '../scenario/parse';
import type { Recording } from './types';

/** A recording (or a trace file) that does not follow its format; `file` and `path` say where. */
export class RecordingError extends ScenarioError {
  constructor(file: string, path: string, problem: string) {
    super(file, path, problem);
    this.name = 'RecordingError';
  }
}

let validator: Validator | undefined;
function schemaValidator(): Validator {
  validator ??= new Validator(schemaJson as unknown as Schema, '2020-12', false);
  return validator;
}

const WRAPPERS = new Set(['properties', 'items', '$ref', 'allOf', 'anyOf', 'oneOf', 'additionalProperties']);

function segments(location: string): (string | number)[] {
  const rest = location.replace(/^#\/?/, '');
  if (rest === '') return [];
  return rest.split('/').map((s) => {
    const d = decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(d) ? Number(d) : d;
  });
}

function problem(unit: OutputUnit, segs: (string | number)[]): string {
  const field = segs[segs.length - 1];
  switch (unit.keyword) {
    case 'const':
      if (field === 'format')
        return 'must be "interleave-recording" (this is not a recording from interleave_record.py)';
      if (field === 'version') return 'must be 1 (a recording from another version of the recorder)';
      return `is invalid: ${unit.error}`;
    case 'type': {
      const m = /type "([^"]+)"/.exec(unit.error);
      return m ? `must be ${/^[aeiou]/.test(m[1]) ? 'an' : 'a'} ${m[1]}` : 'has the wrong type';
    }
    case 'enum':
      return `must be one of ${unit.error.replace(/^.*?(\[.*\]).*$/, '$1')}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return 'must be a number ≥ 0';
    case 'maximum':
      return 'is too large';
    case 'minItems':
      return 'must not be empty';
    case 'pattern':
      return 'must look like "3.12.1"';
    default:
      return `is invalid: ${unit.error}`;
  }
}

function describe(unit: OutputUnit, file: string): RecordingError {
  const segs = segments(unit.instanceLocation);
  if (unit.keyword === 'false') return new RecordingError(file, formatPath(segs), 'is not a known field');
  if (unit.keyword === 'required') {
    const m = /"([^"]+)"/.exec(unit.error);
    return new RecordingError(file, formatPath([...segs, m ? m[1] : '?']), 'is required');
  }
  if (segs.length === 0) return new RecordingError(file, '', 'must be a JSON object (a recording)');
  return new RecordingError(file, formatPath(segs), problem(unit, segs));
}

function checkSpan(file: string, path: string, span: { startMs: number; endMs: number }): void {
  if (span.endMs < span.startMs) throw new RecordingError(file, `${path}.endMs`, 'must not be before startMs');
}

/** The rules beyond the schema. */
function checkRecording(rec: Recording, file: string): void {
  const pids = new Set<number>();
  rec.processes.forEach((p, pi) => {
    const at = `processes[${pi}]`;
    if (pids.has(p.pid)) throw new RecordingError(file, `${at}.pid`, `repeats pid ${p.pid}`);
    pids.add(p.pid);
    checkSpan(file, at, p);
    const ids = new Set<number>();
    p.threads.forEach((t, ti) => {
      const tat = `${at}.threads[${ti}]`;
      if (ids.has(t.id)) throw new RecordingError(file, `${tat}.id`, `repeats thread id ${t.id}`);
      ids.add(t.id);
      checkSpan(file, tat, t);
      let last = -Infinity;
      t.segments.forEach((s, si) => {
        checkSpan(file, `${tat}.segments[${si}]`, s);
        if (s.startMs < last)
          throw new RecordingError(
            file,
            `${tat}.segments[${si}].startMs`,
            'must not be before the previous segment ends',
          );
        last = s.endMs;
      });
    });
    const taskIds = new Set<number>();
    (p.tasks ?? []).forEach((k, ki) => {
      const kat = `${at}.tasks[${ki}]`;
      if (taskIds.has(k.id)) throw new RecordingError(file, `${kat}.id`, `repeats task id ${k.id}`);
      taskIds.add(k.id);
      k.resumptions.forEach((r, ri) => checkSpan(file, `${kat}.resumptions[${ri}]`, r));
      k.awaits.forEach((w, wi) => {
        checkSpan(file, `${kat}.awaits[${wi}]`, w);
        if (w.dueMs !== undefined && (w.dueMs < w.startMs || w.dueMs > w.endMs))
          throw new RecordingError(file, `${kat}.awaits[${wi}].dueMs`, 'must lie between startMs and endMs');
      });
    });
    (p.tasks ?? []).forEach((k, ki) => {
      if (k.parent != null && !taskIds.has(k.parent))
        throw new RecordingError(
          file,
          `${at}.tasks[${ki}].parent`,
          `names task ${k.parent}, which is not in the recording`,
        );
    });
    (p.calls ?? []).forEach((c, ci) => {
      checkSpan(file, `${at}.calls[${ci}]`, c);
      if (!ids.has(c.thread))
        throw new RecordingError(
          file,
          `${at}.calls[${ci}].thread`,
          `names thread ${c.thread}, which is not in this process`,
        );
    });
  });
}

/** Validates a parsed JSON value as a recording; throws RecordingError naming `file` and the field. */
export function parseRecording(input: unknown, file: string): Recording {
  const result = schemaValidator().validate(input);
  if (!result.valid) {
    // A file that is not a recording at all says so first, before its missing fields.
    const unit =
      result.errors.find((e) => e.instanceLocation === '#/format' && e.keyword === 'const') ??
      result.errors.find((e) => e.instanceLocation === '#/version' && e.keyword === 'const') ??
      result.errors.find((e) => !WRAPPERS.has(e.keyword)) ??
      result.errors[0];
    throw describe(unit, file);
  }
  const rec = input as Recording;
  checkRecording(rec, file);
  return rec;
}

/** Text → recording (or RecordingError "is not valid JSON"). */
export function parseRecordingText(text: string, file: string): Recording {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RecordingError(file, '', `is not valid JSON (${(e as Error).message})`);
  }
  return parseRecording(data, file);
}
