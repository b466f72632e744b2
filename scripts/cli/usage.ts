/** The text `simulate --help` prints. */
import { formatCount } from '../../src/sim/limits';
import { MODEL_IDS } from '../../src/sim/index';
import { inputFlags, LIMITS } from './args';

export function usage(): string {
  const l = LIMITS;
  const range = (r: { min: number; max: number }) => `${formatCount(r.min)}–${formatCount(r.max)}`;
  const extra = inputFlags().map((f) => `  ${`${f.flag} <${f.value}>`.padEnd(28)}${f.help}`);
  return [
    'usage: npm run simulate -- <scenario.json> [more.json …] [options]',
    '',
    'Runs each scenario under each concurrency model and prints a summary table and an ASCII timeline,',
    'or with --json exactly one JSON document (one model: an object; several: an array; several files: an',
    'array of those) with model, makespanMs, tasks [{name, startMs, endMs, latencyMs}] and metrics.',
    '',
    'options:',
    `  --model <name>              ${MODEL_IDS.join(', ')} or all (default all)`,
    `  --cores <n>                 cores of the machine (${range(l.cores)})`,
    `  --pool <n>                  worker pool size (${range(l.poolSize)})`,
    `  --switch-interval-ms <ms>   GIL switch interval (${range(l.switchIntervalMs)} ms)`,
    '  --start-method <m>          fork, forkserver or spawn (processes)',
    '  --python <build>            3.11, 3.13t or 3.14t (free-threading)',
    `  --max-events <n>            stop a simulation after this many events (${range(l.events)})`,
    '  --json                      print JSON instead of tables',
    '  --trace                     with --json, add the full trace (lanes, spans, events)',
    ...extra,
    '  -h, --help                  print this text',
    '',
    `Limits (${l.who}): ${formatCount(l.tasks)} tasks after copies, ${formatCount(l.steps)} steps, ` +
      `steps of ${formatCount(l.durationMs.max)} ms at most, about ${formatCount(l.work)} events of work.`,
    'Exit status: 0 done, 1 a simulation stopped (event cap), 2 bad input (file, field or flag named).',
    '',
  ].join('\n');
}
