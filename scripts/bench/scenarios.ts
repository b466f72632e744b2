/** The workloads of `npm run bench` (scripts/bench.ts), shared with scripts/profile-sim.ts. */
import { parseScenario } from '../../src/sim/index';
import type { Scenario } from '../../src/sim/index';

/** Many CPU-bound threads and processes on few cores: GIL hand-offs and core time slices, all events. */
export const throughputScenario: Scenario = parseScenario(
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
export const tenK: Scenario = parseScenario(
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
export const coordination: Scenario = parseScenario(
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
