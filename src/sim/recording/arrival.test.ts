import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { deriveScenario } from './derive';
import { proc, recording, seg, thread } from './fixtures';

describe('what the program did before its threads or tasks started stays in the run', () => {
  it('threads that started together arrive at the first one’s recorded start, under every model', () => {
    // The main thread computes 8 ms (building the data), then starts two threads that sleep 20 ms each.
    const rec = recording(
      [
        proc(1, null, 'MainProcess', [
          thread(1, 'MainThread', [seg(0, 8, 'run'), seg(8, 28.5, 'join')], true),
          thread(2, 'a', [seg(8, 28, 'sleep')]),
          thread(3, 'b', [seg(8.2, 28.2, 'sleep')]),
        ]),
      ],
      28.5,
    );
    const { scenario } = deriveScenario(rec);
    expect(scenario.tasks.map((t) => t.startAtMs)).toEqual([8, 8]);
    for (const model of ['threads', 'asyncio', 'sequential'] as const)
      expect(simulate(scenario, model).makespanMs).toBeGreaterThan(8 + 20);
  });

  it('asyncio tasks created together arrive when the first of them was created', () => {
    const loop = thread(1, 'MainThread', [seg(0, 6, 'run'), seg(6, 26, 'select'), seg(26, 26.5, 'run')], true);
    const p = proc(1, null, 'MainProcess', [loop]);
    const task = (id: number, parent: number | null, created: number, end: number) => ({
      id,
      name: `Task-${id + 1}`,
      coroutine: parent === null ? 'main' : 'nap',
      thread: 1,
      parent,
      createdMs: created,
      endMs: end,
      resumptions: [
        { startMs: created, endMs: created + 0.1, cpuMs: 0.1 },
        { startMs: end - 0.1, endMs: end, cpuMs: 0.1 },
      ],
      awaits: [{ startMs: created + 0.1, endMs: end - 0.1, label: 'sleep' as const }],
    });
    p.tasks = [task(0, null, 0.5, 26.4), task(1, 0, 6, 26.2), task(2, 0, 6.1, 26.3)];
    const { scenario } = deriveScenario(recording([p], 26.5));
    expect(scenario.tasks.map((t) => t.startAtMs)).toEqual([6, 6]);
  });
});
