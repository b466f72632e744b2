/**
 * npm run bench [-- --json]: simulator throughput (events per second) on a large scenario, the time
 * to re-simulate a 10 000-task scenario under each model (median of several runs after warm-up), and a
 * coordination workload: 10 000 tasks through a semaphore and a queue.
 */
import { parseScenario, simulate, MODEL_IDS } from '../src/sim/index';
import type { ModelId, Scenario } from '../src/sim/index';

/** Many CPU-bound threads and processes on few cores: GIL hand-offs and core time slices, all events. */
const throughputScenario: Scenario = parseScenario(
  {
    id: 'bench-throughput',
    title: 'throughput',
    machine: { cores: 4 },
    tasks: [
      {
        name: 'cpu',
        count: 16,
        steps: [
          { kind: 'cpu', durationMs: 5_000 },
          { kind: 'io', durationMs: 5 },
          { kind: 'cpu', durationMs: 2_000 },
        ],
      },
      {
        name: 'mixed',
        count: 200,
        steps: [
          { kind: 'io', durationMs: 20 },
          { kind: 'cpu', durationMs: 1 },
          { kind: 'io', durationMs: 20 },
          { kind: 'native', durationMs: 2 },
        ],
      },
    ],
  },
  'bench',
);

/** The 10 000-task demo: downloads with a little parsing each. */
const tenK: Scenario = parseScenario(
  {
    id: 'bench-10k',
    title: '10k',
    machine: { cores: 2 },
    tasks: [
      {
        name: 'fast',
        count: 5000,
        steps: [
          { kind: 'io', durationMs: 300 },
          { kind: 'cpu', durationMs: 0.2 },
        ],
      },
      {
        name: 'slow',
        count: 5000,
        steps: [
          { kind: 'io', durationMs: 900 },
          { kind: 'cpu', durationMs: 0.4 },
        ],
      },
    ],
  },
  'bench',
);

/** 10 000 downloads, at most 100 at a time (a semaphore), each handing its result to 4 parsers through a queue of 50. */
const coordination: Scenario = parseScenario(
  {
    id: 'bench-coordination',
    title: 'coordination',
    machine: { cores: 2 },
    sync: { sem: { type: 'semaphore', value: 100 }, q: { type: 'queue', maxsize: 50 } },
    tasks: [
      {
        name: 'download',
        count: 10_000,
        steps: [
          { kind: 'acquire', sync: 'sem' },
          { kind: 'io', durationMs: 50 },
          { kind: 'release', sync: 'sem' },
          { kind: 'put', sync: 'q' },
        ],
      },
      {
        name: 'parser',
        count: 4,
        steps: [
          {
            repeat: 2_500,
            steps: [
              { kind: 'get', sync: 'q' },
              { kind: 'cpu', durationMs: 0.05 },
            ],
          },
        ],
      },
    ],
  },
  'bench',
);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function throughput(trace: 'full' | 'summary'): { eventsPerSecond: number; events: number; ms: number } {
  const models: ModelId[] = ['threads', 'processes', 'free-threading', 'asyncio'];
  for (const m of models) simulate(throughputScenario, m, { trace }); // warm-up
  let events = 0;
  const t0 = performance.now();
  for (let r = 0; r < 3; r++) {
    for (const m of models) events += simulate(throughputScenario, m, { trace }).metrics.eventCount;
  }
  const ms = performance.now() - t0;
  return { eventsPerSecond: Math.round(events / (ms / 1000)), events, ms };
}

function resim(trace: 'full' | 'summary'): Record<ModelId, number> {
  const out = {} as Record<ModelId, number>;
  for (const m of MODEL_IDS) {
    for (let i = 0; i < 3; i++) simulate(tenK, m, { trace });
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      simulate(tenK, m, { trace });
      times.push(performance.now() - t0);
    }
    out[m] = Math.round(median(times) * 100) / 100;
  }
  return out;
}

function coord(trace: 'full' | 'summary'): Record<ModelId, { ms: number; eventsPerSecond: number }> {
  const out = {} as Record<ModelId, { ms: number; eventsPerSecond: number }>;
  for (const m of MODEL_IDS) {
    simulate(coordination, m, { trace }); // warm-up
    const times: number[] = [];
    let events = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      events = simulate(coordination, m, { trace }).metrics.eventCount;
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    out[m] = { ms: Math.round(ms * 100) / 100, eventsPerSecond: Math.round(events / (ms / 1000)) };
  }
  return out;
}

const json = process.argv.includes('--json');
const tp = throughput('full');
const tpSummary = throughput('summary');
const rs = resim('full');
const rsSummary = resim('summary');
const co = coord('full');
const coSummary = coord('summary');
if (json) {
  const doc = {
    eventsPerSecond: tp.eventsPerSecond,
    eventsPerSecondSummary: tpSummary.eventsPerSecond,
    resim10kMs: rs,
    resim10kSummaryMs: rsSummary,
    coordination10kMs: Object.fromEntries(MODEL_IDS.map((m) => [m, co[m].ms])),
    coordination10kSummaryMs: Object.fromEntries(MODEL_IDS.map((m) => [m, coSummary[m].ms])),
    coordinationEventsPerSecond: Object.fromEntries(MODEL_IDS.map((m) => [m, co[m].eventsPerSecond])),
  };
  process.stdout.write(`${JSON.stringify(doc)}\n`);
} else {
  const lines = [
    `throughput, full traces: ${tp.events.toLocaleString('en-US')} events in ${tp.ms.toFixed(0)} ms = ${tp.eventsPerSecond.toLocaleString('en-US')} events/s`,
    `throughput, summary only (trace: 'summary'): ${tpSummary.eventsPerSecond.toLocaleString('en-US')} events/s`,
    '',
    're-simulate 10 000 tasks (median of 9 after 3 warm-up runs):',
    `  ${'model'.padEnd(15)} ${'full trace'.padStart(11)} ${'summary'.padStart(9)}`,
    ...MODEL_IDS.map(
      (m) => `  ${m.padEnd(15)} ${rs[m].toFixed(2).padStart(8)} ms ${rsSummary[m].toFixed(2).padStart(6)} ms`,
    ),
    '',
    'coordination: 10 000 tasks through a semaphore of 100 and a queue of 50 (median of 5 after a warm-up):',
    `  ${'model'.padEnd(15)} ${'full trace'.padStart(11)} ${'summary'.padStart(9)} ${'events/s (full)'.padStart(16)}`,
    ...MODEL_IDS.map(
      (m) =>
        `  ${m.padEnd(15)} ${co[m].ms.toFixed(2).padStart(8)} ms ${coSummary[m].ms.toFixed(2).padStart(6)} ms ${co[m].eventsPerSecond.toLocaleString('en-US').padStart(16)}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
