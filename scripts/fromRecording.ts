/**
 * npm run simulate -- --from-recording run.json [--model sequential|asyncio|threads|free-threading|processes|all]
 *   [--json] [--scenario-out derived.json]
 *
 * Reads a recording written by recorder/interleave_record.py, derives the workload it shows and replays
 * it under each model: a table of recorded against simulated totals, or with --json one document
 * { file, python, machine, recordedModel, recordedMs, simulated: [{ model, simulatedMs, difference }],
 * scenario }. --scenario-out also writes the derived scenario as a scenario file.
 * Bad input → one line on stderr naming the file and the field, exit status 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { MODEL_IDS, ScenarioError, SimulationError, type ModelId } from '../src/sim/index';
import { compareRecording, parseRecordingText, type Comparison } from '../src/sim/recording/index';
import type { Recording } from '../src/sim/recording/types';

class UsageError extends Error {}

interface RecordingOptions {
  file: string;
  models: ModelId[];
  json: boolean;
  scenarioOut: string | null;
}

export function parseRecordingArgs(argv: readonly string[]): RecordingOptions {
  const o: RecordingOptions = { file: '', models: [...MODEL_IDS], json: false, scenarioOut: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    if (flag === '--from-recording') o.file = value();
    else if (flag === '--json') o.json = true;
    else if (flag === '--scenario-out') o.scenarioOut = value();
    else if (flag === '--model') {
      const v = value();
      if (v === 'all') o.models = [...MODEL_IDS];
      else if ((MODEL_IDS as readonly string[]).includes(v)) o.models = [v as ModelId];
      else throw new UsageError(`--model: must be one of ${MODEL_IDS.join(', ')}, all (got "${v}")`);
    } else throw new UsageError(`${a}: not an option of --from-recording (use --model, --json, --scenario-out)`);
  }
  if (!o.file) throw new UsageError('--from-recording: needs a recording file');
  return o;
}

function load(file: string): Recording {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseRecordingText(text, file);
}

const ms = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(3)} s` : `${v.toFixed(1)} ms`);
const pct = (d: number): string => `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(1)} %`;

export function recordingTable(file: string, rec: Recording, c: Comparison): string {
  const lines = [
    `${file}: ${rec.program.argv.join(' ')} — ${rec.python.implementation} ${rec.python.version}, ` +
      `${rec.machine.platform}, ${rec.machine.cores} cores; the program used ${c.recordedModel}, ` +
      `${c.derived.scenario.tasks.length} tasks`,
    '',
    `${'model'.padEnd(16)}${'total'.padStart(12)}${'vs recorded'.padStart(14)}`,
    `${'recorded'.padEnd(16)}${ms(c.recordedMs).padStart(12)}${''.padStart(14)}`,
  ];
  for (const r of c.rows) {
    const mark = r.model === c.recordedModel ? ' (as recorded)' : '';
    lines.push(`${r.model.padEnd(16)}${ms(r.simulatedMs).padStart(12)}${pct(r.difference).padStart(14)}${mark}`);
  }
  return `${lines.join('\n')}\n`;
}

export function recordingJson(file: string, rec: Recording, c: Comparison): unknown {
  return {
    file,
    python: rec.python,
    machine: rec.machine,
    recordedModel: c.recordedModel,
    recordedMs: c.recordedMs,
    simulated: c.rows,
    scenario: c.derived.scenario,
  };
}

/** The --from-recording mode of scripts/simulate.ts; returns the exit status. */
export function fromRecordingMain(argv: readonly string[]): number {
  let opts: RecordingOptions;
  let rec: Recording;
  try {
    opts = parseRecordingArgs(argv);
    rec = load(opts.file);
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`simulate: ${e.message}\n`);
    else if (e instanceof ScenarioError) process.stderr.write(`${e.message}\n`);
    else throw e;
    return 2;
  }
  let c: Comparison;
  try {
    c = compareRecording(rec, opts.models);
  } catch (e) {
    if (e instanceof SimulationError) {
      process.stderr.write(`${opts.file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (opts.scenarioOut) writeFileSync(opts.scenarioOut, `${JSON.stringify(c.derived.scenario, null, 2)}\n`);
  process.stdout.write(
    opts.json ? `${JSON.stringify(recordingJson(opts.file, rec, c))}\n` : recordingTable(opts.file, rec, c),
  );
  return 0;
}
