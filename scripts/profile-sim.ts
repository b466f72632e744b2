/**
 * npx tsx scripts/profile-sim.ts [tp|tenk|coord] [model|all] [full|summary] [reps] [--touch]
 *
 * Runs one workload of `npm run bench` (tp: the throughput scenario, tenk: 10 000 tasks, coord: 10 000
 * tasks through a semaphore and a queue) `reps` times after a warm-up and prints wall and CPU time per
 * repetition. `all` runs the four models of the throughput figure; --touch also reads every trace's
 * spans and events (building the objects). Meant for profiling:
 *   node --cpu-prof --import tsx scripts/profile-sim.ts tenk threads full 20
 */
import { simulate } from '../src/sim/index';
import type { ModelId, Scenario } from '../src/sim/index';
import { coordination, tenK, throughputScenario } from './bench/scenarios';

const WORKLOADS: Record<string, Scenario> = { tp: throughputScenario, tenk: tenK, coord: coordination };
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const touch = process.argv.includes('--touch');
const which = args[0] ?? 'tp';
const scenario = WORKLOADS[which];
if (scenario === undefined) throw new Error(`unknown workload "${which}" (tp, tenk or coord)`);
const modelArg = args[1] ?? 'threads';
const models: ModelId[] =
  modelArg === 'all' ? ['threads', 'processes', 'free-threading', 'asyncio'] : [modelArg as ModelId];
const trace = args[2] === 'summary' ? 'summary' : 'full';
const reps = Number(args[3] ?? 10);

for (const m of models) simulate(scenario, m, { trace }); // warm-up
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let events = 0;
let read = 0;
for (let i = 0; i < reps; i++) {
  for (const m of models) {
    const tr = simulate(scenario, m, { trace });
    events += tr.metrics.eventCount;
    if (touch) read += tr.spans.length + tr.events.length;
  }
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${which} ${modelArg} ${trace}${touch ? ' + read' : ''}: ${(ms / reps).toFixed(2)} ms per repetition ` +
    `(${(cpuMs / reps).toFixed(2)} ms CPU), ${(events / (ms / 1000) / 1e6).toFixed(3)} M events/s; ` +
    `${events / reps} events${touch ? `, ${read / reps} spans and events read` : ''} per repetition\n`,
);
