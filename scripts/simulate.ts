/**
 * npm run simulate -- <scenario.json> [more.json …] [--model sequential|asyncio|threads|free-threading|processes|subinterpreters|all]
 *   [--cores N] [--switch-interval-ms X] [--start-method fork|forkserver|spawn] [--pool N]
 *   [--python 3.11|3.13t|3.14t] [--max-events N] [--json] [--trace] [--help]
 *
 * Without --json: a summary table and an ASCII timeline per model. With --json: exactly one JSON
 * document on stdout (one model → an object, all → an array; several files → an array of those), with
 * model, makespanMs, tasks [{name, startMs, endMs, latencyMs}] and metrics; --trace adds the full trace,
 * written out in pieces (a trace of any size, never one string).
 * Bad input (unreadable file, invalid JSON, schema error, bad flag, beyond the command line's limits in
 * src/sim/limits.ts) → one line on stderr, exit status 2; a simulation that hits its event cap → exit 1.
 * Names from files and arguments are printed with their control characters escaped.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { baselineOf, parseScenario, ScenarioError, simulate, SimulationError } from '../src/sim/index';
import type { Scenario, Trace } from '../src/sim/index';
import { checkLimits, describeProblems } from '../src/sim/limits';
import { asciiTimeline, LEGEND, summaryTable } from '../src/sim/text/ascii';
import { LIMITS, parseArgs, UsageError, type Input, type Options } from './cli/args';
import { jsonChunks } from './cli/jsonStream';
import { printable, printableLines, terminalSafeJson } from './cli/terminalText';
import { usage } from './cli/usage';
// Inputs other than scenario files (a flag and a loader each) register with addInputFlag from ./cli/args
// when imported here, before main() parses the arguments; --help lists them.
import { fromRecordingMain } from './fromRecording';

function load(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(file, '', `is not valid JSON (${(e as Error).message})`);
  }
  return parseScenario(data, file);
}

const fileInput = (file: string): Input => ({ label: file, load: () => load(file) });

/**
 * One model's JSON: tasks carry arrivalMs, latencyMs (end − arrival) and, for tasks a deadlock stopped,
 * unfinished; metrics carry latency {p50Ms, p95Ms, p99Ms, maxMs}, throughputPerS, sync.<name>,
 * shared.<var> {final, writes, lostUpdates} and deadlock (null or {atMs, tasks, cycle}).
 */
function jsonOf(trace: Trace, full: boolean): unknown {
  if (full) return trace;
  return {
    model: trace.model,
    scenarioId: trace.scenarioId,
    settings: trace.settings,
    makespanMs: trace.makespanMs,
    tasks: trace.tasks,
    metrics: trace.metrics,
  };
}

/** The trace with every lane label made printable (the timeline pads names, so escape them first). */
function printableTrace(t: Trace): Trace {
  return { ...t, lanes: t.lanes.map((l) => ({ ...l, label: printable(l.label) })) };
}

function textReport(label: string, scenario: Scenario, traces: Trace[], opts: Options): string {
  const seq = traces.find((t) => t.model === 'sequential');
  const seqMs = seq ? baselineOf(seq) : sequentialFor(scenario, opts);
  const lines = [
    `${printable(scenario.title)} (${printable(label)}) — ${traces[0].tasks.length} tasks, ${traces[0].settings.cores} cores`,
    '',
  ];
  lines.push(summaryTable(traces, seqMs), '');
  for (const t of traces) lines.push(asciiTimeline(printableTrace(t)), '');
  lines.push(LEGEND, '');
  return printableLines(lines.join('\n'));
}

/** Writes the JSON text of `doc` and a newline, a chunk at a time, waiting whenever the pipe is full. */
async function writeJson(doc: unknown): Promise<void> {
  for (const chunk of jsonChunks(doc)) {
    if (!process.stdout.write(terminalSafeJson(chunk))) await once(process.stdout, 'drain');
  }
  process.stdout.write('\n');
}

function fail(message: string, code: number): number {
  process.stderr.write(`${printable(message)}\n`);
  return code;
}

async function main(): Promise<number> {
  // A recording of a real program (recorder/interleave_record.py): recorded against simulated totals.
  if (process.argv.slice(2).some((a) => a === '--from-recording' || a.startsWith('--from-recording=')))
    return fromRecordingMain(process.argv.slice(2));
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError || e instanceof ScenarioError) return fail(`simulate: ${e.message}`, 2);
    throw e;
  }
  if (opts.help) {
    process.stdout.write(usage());
    return 0;
  }
  const docs: unknown[] = [];
  for (const input of [...opts.files.map(fileInput), ...opts.inputs]) {
    let scenario: Scenario;
    try {
      scenario = input.load();
    } catch (e) {
      if (e instanceof ScenarioError || e instanceof UsageError) return fail(e.message, 2);
      throw e;
    }
    const problems = checkLimits(scenario, opts.overrides, LIMITS);
    if (problems.length > 0) return fail(`${input.label}: ${describeProblems(problems, LIMITS)}`, 2);
    const traces: Trace[] = [];
    try {
      // --json without --trace prints only tasks and metrics: no need to build spans and events.
      const trace = opts.json && !opts.trace ? 'summary' : 'full';
      for (const m of opts.models) traces.push(simulate(scenario, m, { ...opts.overrides, trace }));
    } catch (e) {
      if (e instanceof SimulationError) return fail(`${input.label}: ${e.message}`, 1);
      throw e;
    }
    if (opts.json) {
      const out = traces.map((t) => jsonOf(t, opts.trace));
      docs.push(opts.models.length === 1 ? out[0] : out);
    } else {
      process.stdout.write(textReport(input.label, scenario, traces, opts));
    }
  }
  if (opts.json) await writeJson(docs.length === 1 ? docs[0] : docs);
  return 0;
}

/** Speed-up needs a sequential baseline even when only one other model was asked for. */
function sequentialFor(scenario: Scenario, opts: Options): number | null {
  try {
    return baselineOf(simulate(scenario, 'sequential', { ...opts.overrides, trace: 'summary' }));
  } catch {
    return null;
  }
}

// `… | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main();
