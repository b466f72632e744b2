import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim';
import { applyWorkload, checkInput, describeWorkload, roomFor } from './workload';
import { formatSpeedup, formatTotal, parseFigures } from './results';

const downloads: Scenario = {
  id: 'd',
  title: 'Downloads',
  machine: { cores: 8 },
  modelSettings: { processes: { poolSize: 8 } },
  tasks: [
    {
      name: 'file',
      count: 10,
      steps: [
        { kind: 'io', durationMs: 5000, label: 'download' },
        { kind: 'cpu', durationMs: 100, label: 'parse' },
      ],
    },
  ],
};

const mixed: Scenario = {
  id: 'm',
  title: 'Mixed',
  machine: { cores: 2 },
  tasks: [
    {
      name: 'tick',
      steps: [
        { kind: 'io', durationMs: 50 },
        { kind: 'cpu', durationMs: 1 },
        { kind: 'io', durationMs: 50 },
        { kind: 'io', durationMs: 70 },
      ],
    },
    { name: 'calc', count: 3, steps: [{ kind: 'cpu', durationMs: 400 }] },
  ],
};

describe('describeWorkload', () => {
  it('offers a count and one duration per step for a single group, cores, and the pool when there is one', () => {
    const { fields, initial } = describeWorkload(downloads);
    expect(fields.map((f) => f.label)).toEqual([
      'Number of file tasks',
      'Download duration (s)',
      'Parse duration (s)',
      'CPU cores',
      'Process pool size',
    ]);
    expect(initial).toEqual({ 'g0.count': 10, 'g0.s0': 5, 'g0.s1': 0.1, cores: 8, pool: 8 });
  });

  it('prefixes groups, shares identical steps and numbers colliding names', () => {
    const { fields } = describeWorkload(mixed);
    expect(fields.map((f) => f.label)).toEqual([
      'tick: number of tasks',
      'tick: waiting duration 1 (s)',
      'tick: computing duration (s)',
      'tick: waiting duration 2 (s)',
      'calc: number of tasks',
      'calc: computing duration (s)',
      'CPU cores',
    ]);
    expect(fields[1].steps).toEqual([0, 2]);
  });
});

describe('applyWorkload', () => {
  it('writes counts, durations (in ms), cores and pool size into a copy', () => {
    const { fields, initial } = describeWorkload(downloads);
    const next = applyWorkload(downloads, fields, { ...initial, 'g0.count': 3, 'g0.s1': 0.25, cores: 2, pool: 4 });
    expect(next.tasks[0].count).toBe(3);
    expect(next.tasks[0].steps.map((s) => s.durationMs)).toEqual([5000, 250]);
    expect(next.machine.cores).toBe(2);
    expect(next.modelSettings?.processes?.poolSize).toBe(4);
    expect(downloads.tasks[0].steps[1].durationMs).toBe(100);
  });

  it('sets every step a shared control stands for', () => {
    const { fields, initial } = describeWorkload(mixed);
    const next = applyWorkload(mixed, fields, { ...initial, 'g0.s0': 0.01 });
    expect(next.tasks[0].steps.map((s) => s.durationMs)).toEqual([10, 1, 10, 70]);
  });
});

describe('checkInput', () => {
  const { fields } = describeWorkload(downloads);
  const [count, duration, , cores] = fields;

  it('accepts values within bounds', () => {
    expect(checkInput(duration, '2.5')).toEqual({ ok: true, value: 2.5, note: null });
    expect(checkInput(cores, '16')).toEqual({ ok: true, value: 16, note: null });
  });

  it('clamps and explains', () => {
    expect(checkInput(duration, '-1')).toEqual({
      ok: true,
      value: 0,
      note: 'Download duration must be at least 0 s: using 0 s.',
    });
    expect(checkInput(cores, '0').note).toBe('CPU cores must be at least 1: using 1.');
    expect(checkInput(cores, '2.6')).toEqual({
      ok: true,
      value: 3,
      note: 'CPU cores must be a whole number: using 3.',
    });
    expect(checkInput(count, '123456')).toMatchObject({ ok: true, value: 10_000 });
  });

  it('rejects text that is not a number', () => {
    expect(checkInput(cores, 'lots')).toEqual({ ok: false, note: 'Enter a number for CPU cores.' });
    expect(checkInput(count, '')).toEqual({ ok: false, note: 'Enter a number for number of file tasks.' });
  });

  it('leaves room for the other groups', () => {
    const m = describeWorkload(mixed);
    expect(roomFor(m.fields[0], m.fields, { ...m.initial, 'g1.count': 9000 })).toBe(1000);
  });
});

describe('results helpers', () => {
  it('parses figures per model and formats speed-ups', () => {
    expect(parseFigures('sequential=~10 s, processes = 2.5 s, junk')).toEqual({
      sequential: '~10 s',
      processes: '2.5 s',
    });
    expect(formatSpeedup(3.994)).toBe('3.99×');
    expect(formatSpeedup(28.78)).toBe('28.8×');
    expect(formatSpeedup(null)).toBe('—');
    expect(formatTotal(10214.48)).toBe('10.214 s');
    expect(formatTotal(537.98)).toBe('537.98 ms');
    expect(formatTotal(0.084)).toBe('84.0 µs');
  });
});
