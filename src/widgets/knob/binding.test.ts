// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../sim';
import { resolveBinding } from './binding';
import { withValue } from './setBound';
import { taskEndMs } from './Result';

const scenario = parseScenario(
  {
    id: 'k',
    title: 'K',
    machine: { cores: 2 },
    modelSettings: { processes: { poolSize: 2 } },
    tasks: [
      { name: 'chunk', count: 3, argsBytes: 10_000_000, steps: [{ kind: 'cpu', durationMs: 20 }] },
      { name: 'other', steps: [{ kind: 'io', durationMs: 5 }] },
    ],
  },
  'k.json',
);

describe('pool sizes and bytes as numbers in the prose', () => {
  it('reads a model’s pool size and writes it there, clamped to a whole number ≥ 1', () => {
    const b = { field: 'poolSize' as const, model: 'processes' as const };
    const r = resolveBinding(scenario, b);
    expect(r.ok && r.bound.value).toBe(2);
    expect(withValue(scenario, b, 3.6).scenario.modelSettings?.processes?.poolSize).toBe(4);
    expect(withValue(scenario, b, -5).scenario.modelSettings?.processes?.poolSize).toBe(1);
  });

  it('says why when the model has no pool or is not one with a pool', () => {
    const none = resolveBinding(scenario, { field: 'poolSize', model: 'threads' });
    expect(none).toEqual({ ok: false, error: 'k has no threads pool' });
    const bad = resolveBinding(scenario, { field: 'poolSize', model: 'asyncio' });
    expect(bad.ok).toBe(false);
  });

  it('reads and writes the bytes a task sends to its worker', () => {
    const b = { field: 'argsBytes' as const, task: 'chunk' };
    const r = resolveBinding(scenario, b);
    expect(r.ok && r.bound.value).toBe(10_000_000);
    const out = withValue(scenario, b, 2_000_000.4).scenario;
    expect(out.tasks[0].argsBytes).toBe(2_000_000);
    expect(out.tasks[1]).toBe(scenario.tasks[1]);
    expect(resolveBinding(scenario, { field: 'argsBytes', task: 'nope' }).ok).toBe(false);
  });

  it('more bytes take the pool longer', () => {
    const small = withValue(scenario, { field: 'argsBytes', task: 'chunk' }, 0).scenario;
    const big = withValue(scenario, { field: 'argsBytes', task: 'chunk' }, 100_000_000).scenario;
    expect(simulate(big, 'processes').makespanMs).toBeGreaterThan(simulate(small, 'processes').makespanMs);
  });
});

describe('taskEndMs', () => {
  it('is the end of the named task, or of the last of its copies', () => {
    const trace = simulate(scenario, 'threads', { trace: 'summary' });
    const chunkEnds = trace.tasks.filter((t) => t.name.startsWith('chunk-')).map((t) => t.endMs);
    expect(taskEndMs(trace, 'chunk')).toBe(Math.max(...chunkEnds));
    expect(taskEndMs(trace, 'other')).toBe(trace.tasks.find((t) => t.name === 'other')!.endMs);
    expect(taskEndMs(trace, 'missing')).toBeNaN();
  });
});
