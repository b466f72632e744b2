import { describe, expect, it } from 'vitest';
import { latencyMetrics, peakConcurrency } from './metrics';
import type { TaskResult } from '../types';

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Random task times on a coarse grid (many ties), some tasks never started or never ended. */
function randomTimes(rand: () => number, n: number) {
  const start = new Float64Array(n).fill(-1);
  const end = new Float64Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.1) continue;
    start[i] = Math.floor(rand() * 20) * 1000;
    if (r > 0.2) end[i] = start[i] + Math.floor(rand() * 5) * 1000;
  }
  const byTime = (xs: Float64Array): Int32Array => {
    const ids = [...xs.keys()].filter((i) => xs[i] >= 0).sort((a, b) => xs[a] - xs[b]);
    return Int32Array.from(ids);
  };
  const startOrder = byTime(start);
  const endOrder = byTime(end);
  return { start, end, startOrder, endOrder };
}

describe('peakConcurrency', () => {
  it('gives the same peak from the orders (merge) as from sorting every start and end', () => {
    const rand = lcg(7);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rand() * 40);
      const { start, end, startOrder, endOrder } = randomTimes(rand, n);
      const base = { taskStart: start, taskEnd: end, startOrder, endOrder };
      const counts = { nStarted: startOrder.length, nEnded: endOrder.length };
      const merged = peakConcurrency({ ...base, ...counts, inTimeOrder: true });
      const sorted = peakConcurrency({ ...base, ...counts, inTimeOrder: false });
      expect(merged).toBe(sorted);
    }
  });

  it('counts an end at t before a start at t', () => {
    const r = {
      taskStart: Float64Array.from([0, 5]),
      taskEnd: Float64Array.from([5, 9]),
      startOrder: Int32Array.from([0, 1]),
      endOrder: Int32Array.from([0, 1]),
      nStarted: 2,
      nEnded: 2,
    };
    expect(peakConcurrency({ ...r, inTimeOrder: true })).toBe(1);
    expect(peakConcurrency({ ...r, inTimeOrder: false })).toBe(1);
  });
});

describe('latencyMetrics', () => {
  it('gives the same figures from tasks in end order as from sorting the finished tasks', () => {
    const rand = lcg(11);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rand() * 50);
      const sameArrival = rand() < 0.5;
      const tasks: TaskResult[] = [];
      for (let i = 0; i < n; i++) {
        const arrivalMs = sameArrival ? 2 : Math.floor(rand() * 10);
        const endMs = arrivalMs + Math.floor(rand() * 30) / 4;
        tasks.push({ name: `t${i}`, arrivalMs, startMs: arrivalMs, endMs, latencyMs: endMs - arrivalMs });
      }
      for (const t of tasks) if (rand() < 0.1) t.unfinished = true;
      const byEnd = Int32Array.from(
        [...tasks.keys()].filter((i) => !tasks[i].unfinished).sort((a, b) => tasks[a].endMs - tasks[b].endMs),
      );
      expect(latencyMetrics(tasks, 40, byEnd)).toEqual(latencyMetrics(tasks, 40));
    }
  });
});
