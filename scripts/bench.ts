/**
 * npm run bench [-- --json]: simulator throughput (events per second) on a large scenario, the time
 * to re-simulate a 10 000-task scenario under each model (median of several runs after warm-up), and a
 * coordination workload: 10 000 tasks through a semaphore and a queue. Figures are printed against the
 * targets of issue 12; the machine's load average is printed too (other work on the same cores slows
 * every figure down).
 *
 * A trace's spans and events are built as objects when first read (simulate records them in typed
 * arrays): "full trace" times simulate() alone, "+ read" also reads trace.spans and trace.events, as a
 * page that draws every span does. Throughput is also given per second of the process's CPU time, which
 * other work on the machine inflates less than wall-clock time.
 */
import { availableParallelism, loadavg } from 'node:os';
import { simulate, MODEL_IDS } from '../src/sim/index';
import type { ModelId, Scenario } from '../src/sim/index';
import { coordination, tenK, throughputScenario } from './bench/scenarios';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** full: simulate() with a full trace; read: the same, then reading its spans and events; summary: trace 'summary'. */
type Mode = 'full' | 'read' | 'summary';

/** Spans and events read in 'read' mode (kept so that the reads are not optimised away). */
let readCount = 0;

/** One simulation in the given mode; returns its event count. */
function run(scenario: Scenario, m: ModelId, mode: Mode): number {
  const trace = simulate(scenario, m, { trace: mode === 'summary' ? 'summary' : 'full' });
  if (mode === 'read') readCount += trace.spans.length + trace.events.length;
  return trace.metrics.eventCount;
}

interface Throughput {
  eventsPerSecond: number;
  /** The same events per second of this process's CPU time (user + system, all its threads). */
  eventsPerCpuSecond: number;
  events: number;
  ms: number;
}

function throughput(mode: Mode): Throughput {
  const models: ModelId[] = ['threads', 'processes', 'free-threading', 'asyncio'];
  for (const m of models) run(throughputScenario, m, mode); // warm-up
  let events = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < 3; r++) {
    for (const m of models) events += run(throughputScenario, m, mode);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    eventsPerSecond: Math.round(events / (ms / 1000)),
    eventsPerCpuSecond: Math.round(events / (cpuMs / 1000)),
    events,
    ms,
  };
}

function resim(mode: Mode): Record<ModelId, number> {
  const out = {} as Record<ModelId, number>;
  for (const m of MODEL_IDS) {
    for (let i = 0; i < 3; i++) run(tenK, m, mode);
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      run(tenK, m, mode);
      times.push(performance.now() - t0);
    }
    out[m] = Math.round(median(times) * 100) / 100;
  }
  return out;
}

function coord(mode: Mode): Record<ModelId, { ms: number; eventsPerSecond: number }> {
  const out = {} as Record<ModelId, { ms: number; eventsPerSecond: number }>;
  for (const m of MODEL_IDS) {
    run(coordination, m, mode); // warm-up
    const times: number[] = [];
    let events = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      events = run(coordination, m, mode);
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    out[m] = { ms: Math.round(ms * 100) / 100, eventsPerSecond: Math.round(events / (ms / 1000)) };
  }
  return out;
}

/** Issue 12's targets. */
const TARGET_EVENTS_PER_SECOND = 5_000_000;
const TARGET_RESIM_MS = 20;
const TARGET_RESIM_MODELS: readonly ModelId[] = ['asyncio', 'threads'];

const json = process.argv.includes('--json');
const loadBefore = loadavg()[0];
const tp = throughput('full');
const tpRead = throughput('read');
const tpSummary = throughput('summary');
const rs = resim('full');
const rsRead = resim('read');
const rsSummary = resim('summary');
const co = coord('full');
const coRead = coord('read');
const coSummary = coord('summary');
const loadAfter = loadavg()[0];
const meets = (ok: boolean): string => (ok ? 'meets the target' : 'misses the target');
/** Events per CPU-second: steadier than wall clock on a loaded machine (the targets are on wall clock). */
const perCpu = (t: Throughput): string => `; ${t.eventsPerCpuSecond.toLocaleString('en-US')} per CPU-second`;
if (json) {
  const doc = {
    eventsPerSecond: tp.eventsPerSecond,
    eventsPerSecondRead: tpRead.eventsPerSecond,
    eventsPerSecondSummary: tpSummary.eventsPerSecond,
    eventsPerCpuSecond: tp.eventsPerCpuSecond,
    eventsPerCpuSecondRead: tpRead.eventsPerCpuSecond,
    eventsPerCpuSecondSummary: tpSummary.eventsPerCpuSecond,
    resim10kMs: rs,
    resim10kReadMs: rsRead,
    resim10kSummaryMs: rsSummary,
    coordination10kMs: Object.fromEntries(MODEL_IDS.map((m) => [m, co[m].ms])),
    coordination10kReadMs: Object.fromEntries(MODEL_IDS.map((m) => [m, coRead[m].ms])),
    coordination10kSummaryMs: Object.fromEntries(MODEL_IDS.map((m) => [m, coSummary[m].ms])),
    coordinationEventsPerSecond: Object.fromEntries(MODEL_IDS.map((m) => [m, co[m].eventsPerSecond])),
    targets: {
      eventsPerSecond: TARGET_EVENTS_PER_SECOND,
      resim10kMs: TARGET_RESIM_MS,
      resimModels: TARGET_RESIM_MODELS,
    },
    loadAverage: { before: loadBefore, after: loadAfter },
  };
  process.stdout.write(`${JSON.stringify(doc)}\n`);
} else {
  const ms = (x: number, w: number): string => `${x.toFixed(2).padStart(w)} ms`;
  const lines = [
    `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${availableParallelism()} cores`,
    '',
    `throughput, full traces: ${tp.events.toLocaleString('en-US')} events in ${tp.ms.toFixed(0)} ms = ${tp.eventsPerSecond.toLocaleString('en-US')} events/s (target ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')}: ${meets(tp.eventsPerSecond >= TARGET_EVENTS_PER_SECOND)})${perCpu(tp)}`,
    `throughput, full traces + reading every span and event: ${tpRead.eventsPerSecond.toLocaleString('en-US')} events/s (${readCount.toLocaleString('en-US')} read in all)${perCpu(tpRead)}`,
    `throughput, summary only (trace: 'summary'): ${tpSummary.eventsPerSecond.toLocaleString('en-US')} events/s${perCpu(tpSummary)}`,
    '',
    `re-simulate 10 000 tasks (median of 9 after 3 warm-up runs; target ≤ ${TARGET_RESIM_MS} ms under ${TARGET_RESIM_MODELS.join(' and ')}, full trace):`,
    `  ${'model'.padEnd(15)} ${'full trace'.padStart(11)} ${'+ read'.padStart(9)} ${'summary'.padStart(9)}`,
    ...MODEL_IDS.map(
      (m) =>
        `  ${m.padEnd(15)} ${ms(rs[m], 8)} ${ms(rsRead[m], 6)} ${ms(rsSummary[m], 6)}` +
        (TARGET_RESIM_MODELS.includes(m) ? `  ${meets(rs[m] <= TARGET_RESIM_MS)}` : ''),
    ),
    '',
    'coordination: 10 000 tasks through a semaphore of 100 and a queue of 50 (median of 5 after a warm-up):',
    `  ${'model'.padEnd(15)} ${'full trace'.padStart(11)} ${'+ read'.padStart(9)} ${'summary'.padStart(9)} ${'events/s (full)'.padStart(16)}`,
    ...MODEL_IDS.map(
      (m) =>
        `  ${m.padEnd(15)} ${ms(co[m].ms, 8)} ${ms(coRead[m].ms, 6)} ${ms(coSummary[m].ms, 6)} ${co[m].eventsPerSecond.toLocaleString('en-US').padStart(16)}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
