/** Workloads and helpers the generatePython tests share. */
import type { Scenario, Step, StepItem, Task } from '../types';

export function scenario(tasks: Task[], extra: Partial<Scenario> = {}): Scenario {
  return { id: 'test', title: 'A test workload', machine: { cores: 2 }, tasks, ...extra };
}

/** Four downloads and a calculation: one task of each kind. */
export const MIXED = scenario([
  { name: 'calc', steps: [{ kind: 'cpu', durationMs: 1100 }] },
  {
    name: 'd',
    count: 4,
    steps: [
      { kind: 'io', durationMs: 500, label: 'download' },
      { kind: 'cpu', durationMs: 20 },
    ],
  },
]);

/** The text of 1-based line n. */
export function lineText(code: string, n: number): string {
  return code.split('\n')[n - 1];
}

/** Step groups unrolled, as the parser does. */
export function unroll(items: StepItem[]): Step[] {
  return items.flatMap((item) =>
    'repeat' in item ? Array.from({ length: item.repeat }, () => unroll(item.steps)).flat() : [item],
  );
}
