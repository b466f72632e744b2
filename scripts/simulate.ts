/**
 * npm run simulate -- <scenario.json> [more.json …] [--model sequential|asyncio|threads|free-threading|processes|all]
 *   [--cores N] [--switch-interval-ms X] [--start-method fork|forkserver|spawn] [--pool N]
 *   [--python 3.13t|3.14t] [--max-events N] [--json] [--trace]
 *
 * Without --json: a summary table and an ASCII timeline per model. With --json: exactly one JSON
 * document on stdout (one model → an object, all → an array; several files → an array of those), with
 * model, makespanMs, tasks [{name, startMs, endMs, latencyMs}] and metrics; --trace adds the full trace.
 * Bad input (unreadable file, invalid JSON, schema error, bad flag) → one line on stderr, exit status 2.
 */
import { readFileSync } from 'node:fs';
import { MODEL_IDS, parseScenario, ScenarioError, simulate, SimulationError } from '../src/sim/index';
import type { ModelId, Scenario, SimOverrides, Trace } from '../src/sim/index';
import { asciiTimeline, LEGEND, summaryTable } from '../src/sim/text/ascii';

class UsageError extends Error {}

interface Options {
  files: string[];
  models: ModelId[];
  json: boolean;
  trace: boolean;
  overrides: SimOverrides;
}

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag}: must be an integer ≥ 1 (got "${v}")`);
  return n;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { files: [], models: [...MODEL_IDS], json: false, trace: false, overrides: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        o.json = true;
        break;
      case '--trace':
        o.trace = true;
        break;
      case '--model': {
        const v = value();
        if (v === 'all') o.models = [...MODEL_IDS];
        else if ((MODEL_IDS as readonly string[]).includes(v)) o.models = [v as ModelId];
        else throw new UsageError(`--model: must be one of ${MODEL_IDS.join(', ')}, all (got "${v}")`);
        break;
      }
      case '--cores':
        o.overrides.cores = positiveInt(flag, value());
        break;
      case '--pool':
        o.overrides.poolSize = positiveInt(flag, value());
        break;
      case '--max-events':
        o.overrides.maxEvents = positiveInt(flag, value());
        break;
      case '--switch-interval-ms': {
        const v = value();
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n <= 0)
          throw new UsageError(`${flag}: must be a number > 0 (got "${v}")`);
        o.overrides.switchIntervalMs = n;
        break;
      }
      case '--start-method': {
        const v = value();
        if (v !== 'fork' && v !== 'forkserver' && v !== 'spawn') {
          throw new UsageError(`${flag}: must be fork, forkserver or spawn (got "${v}")`);
        }
        o.overrides.startMethod = v;
        break;
      }
      case '--python': {
        const v = value();
        if (v !== '3.13t' && v !== '3.14t' && v !== '3.11')
          throw new UsageError(`${flag}: must be 3.13t or 3.14t (got "${v}")`);
        o.overrides.python = v;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`${a}: unknown option`);
        o.files.push(a);
    }
  }
  if (o.files.length === 0)
    throw new UsageError('usage: simulate <scenario.json> [--model …] [--json] (no scenario file given)');
  return o;
}

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

function main(): number {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`simulate: ${(e as Error).message}\n`);
    return 2;
  }
  const docs: unknown[] = [];
  for (const file of opts.files) {
    let scenario: Scenario;
    try {
      scenario = load(file);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    const traces: Trace[] = [];
    try {
      // --json without --trace prints only tasks and metrics: no need to build spans and events.
      const trace = opts.json && !opts.trace ? 'summary' : 'full';
      for (const m of opts.models) traces.push(simulate(scenario, m, { ...opts.overrides, trace }));
    } catch (e) {
      if (e instanceof SimulationError) {
        process.stderr.write(`${file}: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (opts.json) {
      const out = traces.map((t) => jsonOf(t, opts.trace));
      docs.push(opts.models.length === 1 ? out[0] : out);
      continue;
    }
    const seq = traces.find((t) => t.model === 'sequential');
    const seqMs = seq ? seq.makespanMs : sequentialFor(scenario, opts);
    const lines = [
      `${scenario.title} (${file}) — ${traces[0].tasks.length} tasks, ${traces[0].settings.cores} cores`,
      '',
    ];
    lines.push(summaryTable(traces, seqMs), '');
    for (const t of traces) lines.push(asciiTimeline(t), '');
    lines.push(LEGEND, '');
    process.stdout.write(lines.join('\n'));
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs)}\n`);
  return 0;
}

/** Speed-up needs a sequential baseline even when only one other model was asked for. */
function sequentialFor(scenario: Scenario, opts: Options): number | null {
  try {
    return simulate(scenario, 'sequential', { ...opts.overrides, trace: 'summary' }).makespanMs;
  } catch {
    return null;
  }
}

// `… | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = main();
