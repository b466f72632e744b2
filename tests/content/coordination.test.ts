// @vitest-environment node
/**
 * The numbers the coordinating and serving articles state in their prose are the simulator's: each entry
 * below names a phrase of an article and the simulated value it quotes, so a change to the simulator that
 * moves a figure fails here until the words follow. (The <Predict> answers and <Result> numbers are computed
 * live; these are the sentences written around them.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario, simulate, type Trace } from '../../src/sim';
import type { ModelId } from '../../src/sim/types';

const root = resolve(import.meta.dirname, '../..');
const text = (slug: string) => readFileSync(join(root, `content/articles/${slug}.mdx`), 'utf8').replace(/\s+/g, ' ');
const traces = new Map<string, Trace>();
function run(id: string, model: ModelId): Trace {
  const key = `${id}|${model}`;
  if (!traces.has(key)) {
    const file = `content/scenarios/${id}.json`;
    traces.set(key, simulate(parseScenario(JSON.parse(readFileSync(join(root, file), 'utf8')), file), model));
  }
  return traces.get(key)!;
}

type Quote = [phrase: string, scenario: string, model: ModelId, value: (t: Trace) => number, stated: number, step: number];
const end = (task: string) => (t: Trace) => t.tasks.find((x) => x.name === task)!.endMs;
const lock = (name: string, field: 'handoffs' | 'longestRun' | 'acquisitions') => (t: Trace) =>
  (t.metrics.sync[name] as unknown as Record<string, number>)[field];
const x = (field: 'final' | 'lostUpdates') => (t: Trace) => t.metrics.shared.x[field];
const total = (t: Trace) => t.makespanMs;
const p = (k: 'p50Ms' | 'p95Ms' | 'maxMs') => (t: Trace) => t.metrics.latency[k];

const QUOTES: Record<string, Quote[]> = {
  coordinating: [
    ['the counter ends at 40 after 100 writes', 'coord-lost-update', 'threads', x('final'), 40, 1],
    ['Thirty-four of those writes overwrote', 'coord-lost-update', 'threads', x('lostUpdates'), 34, 1],
    ['the counter ends at 27, with 67 lost writes', 'coord-lost-update', 'processes', x('final'), 27, 1],
    ['the counter ends at 27, with 67 lost writes', 'coord-lost-update', 'processes', x('lostUpdates'), 67, 1],
    ['**asyncio** ends at 100', 'coord-lost-update', 'asyncio', x('final'), 100, 1],
    ['200 ms with threads', 'coord-lost-update-lock', 'threads', total, 200, 1],
    ['203 ms with processes', 'coord-lost-update-lock', 'processes', total, 203, 1],
    ['280 ms on the free-threaded 3.13t build', 'coord-lost-update-lock', 'free-threading', total, 280, 1],
    ['T-1 finishes at 42 ms', 'coord-lock-tight-loop', 'threads', end('T-1'), 42, 1],
    ['T-2 at 84 ms', 'coord-lock-tight-loop', 'threads', end('T-2'), 84, 1],
    ['T-4 at 168 ms', 'coord-lock-tight-loop', 'threads', end('T-4'), 168, 1],
    ['the lock changed hands only 3 times', 'coord-lock-tight-loop', 'threads', lock('L', 'handoffs'), 3, 1],
    ['all 40 of its rounds', 'coord-lock-tight-loop', 'threads', lock('L', 'longestRun'), 40, 1],
    ['| lock in a tight loop, 4 threads × 40 | 168 ms, 3 hand-offs in 160 |', 'coord-lock-tight-loop', 'threads', total, 168, 1],
    ['| lock in a tight loop, 4 threads × 40 | 168 ms, 3 hand-offs in 160 |', 'coord-lock-tight-loop', 'threads', lock('L', 'handoffs'), 3, 1],
    ['170 ms for the threads, with 159 hand-offs', 'coord-lock-io', 'threads', total, 170, 1],
    ['170 ms for the threads, with 159 hand-offs', 'coord-lock-io', 'threads', lock('L', 'handoffs'), 159, 1],
    ['the same work takes 488 ms', 'coord-lock-io', 'sequential', total, 488, 1],
    ['the 20 items are handled after 108 ms', 'coord-bounded-queue', 'threads', total, 108, 1],
    ['finishes at 88 ms', 'coord-bounded-queue', 'threads', end('producer'), 88, 1],
    ['The simulation gives 4.00 s', 'coord-semaphore-three', 'asyncio', total, 4000, 10],
    ['10.2 s for a thousand', 'coord-semaphore-1000', 'asyncio', total, 10_200, 100],
    ['10.2 s for a thousand', 'coord-semaphore-1000', 'threads', total, 10_200, 100],
    ['The threads take 83 ms', 'coord-event', 'threads', total, 83, 1],
    ['the same program takes 183 ms', 'coord-event', 'sequential', total, 183, 1],
    ['takes the same 83 ms', 'coord-event', 'asyncio', total, 83, 1],
    ['stops at 1.1 ms', 'coord-deadlock', 'threads', (t) => t.metrics.deadlock!.atMs, 1.1, 0.1],
    ['The threads finish at 4.1 ms', 'coord-deadlock-ordered', 'threads', total, 4.1, 0.1],
    ['The threads finish at 53 ms', 'coord-deadlock-timeout', 'threads', total, 53, 1],
    ['the run takes 6.5 ms', 'coord-deadlock-timeout', 'processes', total, 6.5, 0.1],
    ['slow finishes at 85 ms', 'coord-barrier', 'threads', end('slow'), 85, 1],
    ['fast at 90 ms', 'coord-barrier', 'threads', end('fast'), 90, 1],
    ['medium at 95 ms', 'coord-barrier', 'threads', end('medium'), 95, 1],
    ['the whole run takes 91 ms', 'coord-barrier', 'free-threading', total, 91, 1],
  ],
  serving: [
    ['a p50 of 1.11 s, a p95 of 2.12 s and a max of 2.21 s', 'serve-every-20ms', 'sequential', p('p50Ms'), 1110, 10],
    ['a p50 of 1.11 s, a p95 of 2.12 s and a max of 2.21 s', 'serve-every-20ms', 'sequential', p('p95Ms'), 2120, 10],
    ['a p50 of 1.11 s, a p95 of 2.12 s and a max of 2.21 s', 'serve-every-20ms', 'sequential', p('maxMs'), 2210, 10],
    ['the p50 is 66 ms and the p95 75 ms', 'serve-every-20ms', 'asyncio', p('p50Ms'), 66, 1],
    ['the p50 is 66 ms and the p95 75 ms', 'serve-every-20ms', 'asyncio', p('p95Ms'), 75, 1],
    ['| asyncio, simulated | 66 ms | 75 ms | 75 ms | 1.050 s |', 'serve-every-20ms', 'asyncio', total, 1050, 1],
    ['| asyncio, simulated | 66 ms | 75 ms | 75 ms | 1.050 s |', 'serve-every-20ms', 'asyncio', p('maxMs'), 75, 1],
    ['| thread per request, simulated | 74 ms | 74 ms | 74 ms | 1.053 s |', 'serve-every-20ms', 'threads', total, 1053, 1],
    ['| thread per request, simulated | 74 ms | 74 ms | 74 ms | 1.053 s |', 'serve-every-20ms', 'threads', p('p95Ms'), 74, 1],
    ['simulated p50 is 187 ms and the p95 263 ms', 'serve-saturation', 'threads', p('p50Ms'), 187, 1],
    ['simulated p50 is 187 ms and the p95 263 ms', 'serve-saturation', 'threads', p('p95Ms'), 263, 1],
    ['at 211 ms and 296 ms', 'serve-saturation', 'asyncio', p('p50Ms'), 211, 1],
    ['at 211 ms and 296 ms', 'serve-saturation', 'asyncio', p('p95Ms'), 296, 1],
    ['a p50 of 75 ms and a p95 of 76 ms', 'serve-saturation', 'processes', p('p95Ms'), 76, 1],
    ['(88 ms and 94 ms)', 'serve-saturation', 'free-threading', p('p95Ms'), 94, 1],
    ['a p50 of 2.15 s, a p95 of 3.93 s and a max of 4.10 s', 'serve-process-pool-io', 'processes', p('p95Ms'), 3930, 10],
    ['with the last reply at 5.07 s', 'serve-process-pool-io', 'processes', total, 5070, 10],
    ['every request takes 202 ms', 'serve-process-pool-io', 'threads', p('maxMs'), 202, 1],
    ['The simulation gives 1.500 s', 'serve-thread-pool-size', 'threads', total, 1500, 1],
    ['The simulated p95 is 71 ms under asyncio', 'serve-asyncio-executor', 'asyncio', p('p95Ms'), 71, 1],
    ['against 65 ms with a thread per request', 'serve-asyncio-executor', 'threads', p('p95Ms'), 65, 1],
    ['67 ms with a process each', 'serve-asyncio-executor', 'processes', p('p95Ms'), 67, 1],
    ['The threads take 78 ms in the simulation', 'serve-native-hashlib', 'threads', total, 78, 1],
    ['(the simulation gives 152 ms)', 'serve-native-hashlib', 'sequential', total, 152, 1],
    ['Processes take 82 ms', 'serve-native-hashlib', 'processes', total, 82, 1],
  ],
};

describe.each(Object.keys(QUOTES))('the numbers in %s', (slug) => {
  const prose = text(slug);
  it.each(QUOTES[slug].map((q) => [`${q[0]} (${q[1]}, ${q[2]})`, q] as const))('%s', (_name, quote) => {
    const [phrase, scenario, model, value, stated, step] = quote;
    expect(prose, 'the phrase is in the article').toContain(phrase);
    // Stated to the precision written: within half a step of the simulated value.
    expect(Math.abs(value(run(scenario, model)) - stated)).toBeLessThanOrEqual(step / 2 + 1e-9);
  });
});

describe('the deadlock in coordinating', () => {
  it('is named in the words the simulator reports, under the models the prose says', () => {
    expect(text('coordinating')).toContain(`"${run('coord-deadlock', 'threads').metrics.deadlock!.cycle}"`);
    expect(run('coord-deadlock', 'asyncio').metrics.deadlock).not.toBeNull();
    expect(run('coord-deadlock', 'sequential').metrics.deadlock).toBeNull();
    expect(run('coord-deadlock', 'processes').metrics.deadlock).toBeNull();
  });
});
