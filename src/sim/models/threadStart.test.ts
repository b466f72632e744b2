/**
 * Thread.start() while another thread computes (Lib/threading.py, Python/ceval_gil.c). Constants: start
 * 20 µs parent + 33 µs child; a GIL waiter asks for a drop after the switch interval + 0.1 ms (5.1 ms).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { cpu, io, scenario } from '../test/helpers';

const startTimes = (t: ReturnType<typeof simulate>): number[] =>
  t.events.filter((e) => e.kind === 'worker-start').map((e) => e.timeMs);

describe('threads: starting threads while one computes', () => {
  it('costs one switch interval per thread whose work starts with a wait', () => {
    // calc starts at 0.053 and takes the GIL. The main thread waits 5.1 ms for it (5.153), pays 20 µs,
    // blocks in _started.wait() and calc gets the GIL back (5.173); the new thread asks for the GIL only
    // then, gets it at 10.273 and boots (10.306); it goes to sleep and the woken main thread takes the
    // GIL ahead of calc, which it released and which must wake up first. Every further start repeats
    // the new thread's wait: 5.1 + 0.02 + 0.033 = 5.153 ms each.
    const t = simulate(
      scenario([
        { name: 'calc', steps: [cpu(200)] },
        ...[1, 2, 3, 4].map((k) => ({ name: `d${k}`, steps: [io(50), cpu(1)] })),
      ]),
      'threads',
    );
    const starts = startTimes(t);
    expect(starts[0]).toBeCloseTo(0.053, 9);
    for (let k = 1; k < 5; k++) expect(starts[k]).toBeCloseTo(0.053 + 5.1 + k * 5.153, 6);
  });

  it('leaves the main thread in line behind older waiters when the new thread computes at once', () => {
    // The second counter boots at 10.306 and keeps the GIL; the main thread (woken by _started), due to
    // start the third, queues behind the first counter, which asks at 15.373 and gets the GIL. The
    // second counter queues behind the main thread and asks at 20.473, before the main thread's own
    // timeout (which found that switch): the GIL goes to the longest waiter, the main thread.
    const t = simulate(
      scenario([
        { name: 'c1', steps: [cpu(100)] },
        { name: 'c2', steps: [cpu(100)] },
        { name: 'c3', steps: [cpu(100)] },
      ]),
      'threads',
    );
    expect(startTimes(t)[1]).toBeCloseTo(10.306, 6);
    const main = t.lanes.findIndex((l) => l.kind === 'main');
    const mainGil = t.spans.filter((s) => s.lane === main && s.state === 'wait-gil');
    expect(mainGil.map((s) => [s.startMs, s.endMs].map((v) => Math.round(v * 1000) / 1000))).toEqual([
      [0.053, 5.153],
      [10.306, 20.473],
    ]);
  });

  it('gives a free GIL straight to a new thread when nobody else wants it', () => {
    const t = simulate(
      scenario([
        { name: 'a', steps: [io(10)] },
        { name: 'b', steps: [io(10)] },
      ]),
      'threads',
    );
    expect(startTimes(t)).toEqual([0.053, 0.106]);
  });
});
