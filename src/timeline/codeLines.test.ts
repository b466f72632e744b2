import { describe, expect, it } from 'vitest';
import { activeLines, indexTaskSteps, lineOf, parseCodeLines, stepAt } from './codeLines';
import { parseScenario, simulate } from '../sim';

const map = (spec: string) => {
  const parsed = parseCodeLines(spec);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.map;
};

describe('parseCodeLines', () => {
  it('one list applies to every task', () => {
    const m = map('5 6');
    expect(lineOf(m, 'A', 0)).toBe(5);
    expect(lineOf(m, 'B', 1)).toBe(6);
    expect(lineOf(m, 'B', 2)).toBeNull();
  });

  it('per-task groups, with * for the rest and copies found by their base name', () => {
    const m = map('calc: 3; *: 8 9');
    expect(lineOf(m, 'calc', 0)).toBe(3);
    expect(lineOf(m, 'd-4', 1)).toBe(9);
    expect(map('d: 2').byTask.get('d')).toEqual([2]);
    expect(lineOf(map('d: 2'), 'd-17', 0)).toBe(2);
  });

  it('refuses what is not a list of line numbers, saying why', () => {
    expect(parseCodeLines('')).toEqual({ ok: false, error: 'codeLines is empty.' });
    const zero = parseCodeLines('0');
    expect(zero.ok).toBe(false);
    expect(!zero.ok && zero.error).toMatch(/"0" is not a line number/);
    const word = parseCodeLines('calc: three');
    expect(!word.ok && word.error).toMatch(/for "calc": "three"/);
    expect(parseCodeLines('calc:').ok).toBe(false);
  });
});

describe('activeLines', () => {
  const scenario = parseScenario(
    {
      id: 't',
      title: 't',
      machine: { cores: 2 },
      tasks: [
        {
          name: 'A',
          steps: [
            { kind: 'io', durationMs: 100 },
            { kind: 'cpu', durationMs: 10 },
          ],
        },
        { name: 'B', steps: [{ kind: 'io', durationMs: 300 }] },
      ],
    },
    'test',
  );
  const trace = simulate(scenario, 'asyncio');
  const index = indexTaskSteps(trace);

  it('names the tasks on each line at a moment', () => {
    const m = map('4 5');
    expect(Object.fromEntries(activeLines(index, m, 50))).toEqual({ 4: ['A', 'B'] });
    const afterA = activeLines(index, m, 105);
    expect(afterA.get(5)).toEqual(['A']);
    expect(afterA.get(4)).toEqual(['B']);
  });

  it('a task that has finished, or not started, is on no line', () => {
    const end = trace.tasks[0].endMs;
    expect(stepAt(index, 0, end)).toBe(-1);
    expect(stepAt(index, 0, -1)).toBe(-1);
    expect(activeLines(index, map('4 5'), trace.makespanMs).size).toBe(0);
  });
});
