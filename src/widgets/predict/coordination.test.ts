// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario, simulate } from '../../sim';
import type { ModelId } from '../../sim/types';
import { answerMark, judge, modelsFor } from './answer';

const root = resolve(import.meta.dirname, '../../..');
const scenario = (id: string) =>
  parseScenario(JSON.parse(readFileSync(resolve(root, `content/scenarios/${id}.json`), 'utf8')), `${id}.json`);
const label = (m: ModelId) => `[${m}]`;

describe('judge("final"): the value a shared variable ends with', () => {
  const lost = scenario('coord-lost-update');

  it('picks the number nearest the simulated final value and says how many updates were lost', () => {
    const trace = simulate(lost, 'threads');
    const { final, lostUpdates } = trace.metrics.shared.x;
    expect(final).toBeLessThan(100);
    const verdict = judge('final', ['100', String(final + 1), '10'], [trace], { variable: 'x' });
    expect(verdict).toEqual({ correct: 1, fact: `x = ${final} (${lostUpdates} updates lost)` });
    expect(answerMark('final', [], [trace], verdict, label, { variable: 'x' }).text).toBe(
      `[threads]: x ends at ${final} after 100 writes`,
    );
  });

  it('gives 100 for the same counter behind a lock', () => {
    const trace = simulate(scenario('coord-lost-update-lock'), 'threads');
    expect(judge('final', ['100', '75', '42'], [trace], { variable: 'x' }).correct).toBe(0);
  });

  it('names what is wrong: no variable, an unknown one, a choice that is not a number', () => {
    const trace = simulate(lost, 'sequential');
    expect(() => judge('final', ['1', '2'], [trace])).toThrow('needs var naming a shared variable');
    expect(() => judge('final', ['1', '2'], [trace], { variable: 'y' })).toThrow('needs var naming');
    expect(() => judge('final', ['1', 'many'], [trace], { variable: 'x' })).toThrow('Choice "many" is not a number.');
  });
});

describe('judge("deadlock"): which model hangs', () => {
  const deadlock = scenario('coord-deadlock');
  const choices = ['sequential', 'threads', 'processes'];
  const traces = () => modelsFor('deadlock', undefined, choices).map((m) => simulate(deadlock, m));

  it('simulates one model per choice and picks the one that deadlocks, with the cycle in words', () => {
    expect(modelsFor('deadlock', undefined, choices)).toEqual(choices);
    const all = traces();
    const verdict = judge('deadlock', choices, all);
    expect(verdict).toEqual({
      correct: 1,
      fact: 'threads: A holds L1 and waits for L2; B holds L2 and waits for L1',
    });
    const mark = answerMark('deadlock', choices, all, verdict, label);
    expect(mark.model).toBe('threads');
    expect(mark.atMs).toBe(all[1].metrics.deadlock!.atMs);
    expect(mark.text).toMatch(/^\[threads\]: deadlock at [\d.]+ ms\. A holds L1 and waits for L2; B holds L2/);
  });

  it('refuses a question none of whose choices deadlocks', () => {
    const ordered = scenario('coord-deadlock-ordered');
    const none = choices.map((m) => simulate(ordered, m as ModelId));
    expect(() => judge('deadlock', choices, none)).toThrow(
      'None of the choices (sequential, threads, processes) deadlocks.',
    );
  });
});

describe('judge("p95"): the latency of requests that arrive over time', () => {
  it('picks the duration nearest the simulated 95th percentile and states p50, p95 and max', () => {
    const trace = simulate(scenario('serve-process-pool-io'), 'processes');
    const { p50Ms, p95Ms } = trace.metrics.latency;
    expect(p95Ms).toBeGreaterThan(p50Ms);
    const verdict = judge('p95', ['0.2 s', '1 s', `${(p95Ms / 1000).toFixed(1)} s`], [trace]);
    expect(verdict.correct).toBe(2);
    expect(verdict.fact).toMatch(/^a p95 latency of [\d.]+ s$/);
    expect(answerMark('p95', [], [trace], verdict, label).text).toMatch(
      /^\[processes\]: latency p50 .+, p95 .+, max .+$/,
    );
  });
});
