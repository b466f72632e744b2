import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import type { Scenario } from '../sim/types';
import { createWorkerCore } from './simWorkerCore';
import { RunCancelled, SimClient, SPLIT_RECORDS, type WorkerLike } from './simClient';
import type { FromWorker, ToWorker } from './simProtocol';
import { packTrace, unpackTrace } from './traceTransfer';

const scenario: Scenario = {
  id: 'mix',
  title: 'mix',
  machine: { cores: 2 },
  tasks: [
    { name: 'calc', count: 3, steps: [{ kind: 'cpu', durationMs: 40 }] },
    {
      name: 'dl',
      steps: [
        { kind: 'io', durationMs: 30, label: 'download' },
        { kind: 'native', durationMs: 5 },
      ],
    },
  ],
};

/** The worker's code run in this thread, behind the same interface as a Worker; `posted` logs its messages. */
function fakeWorker(posted: FromWorker[] = [], transfers: ArrayBuffer[][] = []): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate() {
      w.onmessage = null;
    },
    postMessage(msg: ToWorker) {
      queueMicrotask(() => core.receive(structuredClone(msg)));
    },
  };
  const core = createWorkerCore((m, transfer) => {
    posted.push(m);
    transfers.push(transfer);
    w.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  });
  return w;
}

describe('trace transfer', () => {
  it('packs a trace into typed arrays and back into an equal trace', () => {
    for (const model of ['asyncio', 'threads', 'processes'] as const) {
      const trace = simulate(scenario, model);
      const packed = packTrace(trace);
      expect(packed.spans.cols.every((c) => c.t !== 'any')).toBe(true);
      expect(unpackTrace(structuredClone(packed))).toEqual(trace);
    }
  });
});

describe('simulation worker protocol', () => {
  it('runs each model, reports progress, and transfers buffers', async () => {
    const posted: FromWorker[] = [];
    const transfers: ArrayBuffer[][] = [];
    const client = new SimClient(() => fakeWorker(posted, transfers));
    const progress: number[] = [];
    const r = await client.run({ scenario, models: ['asyncio', 'threads'], baseline: true }, (p) =>
      progress.push(p.done),
    ).result;
    expect(progress).toEqual([1, 2]);
    expect(r.traces.map((t) => t.model)).toEqual(['asyncio', 'threads']);
    expect(r.traces[1]).toEqual(simulate(scenario, 'threads', { maxEvents: 400_000 }));
    expect(r.baselineMs).toBe(simulate(scenario, 'sequential').makespanMs);
    const done = posted.findIndex((m) => m.type === 'done');
    const msg = posted[done];
    // Where the run's time went, for the benchmark: each stage timed, and the page's unpacking too.
    if (msg.type !== 'done') throw new Error('no result');
    for (const ms of Object.values(msg.stages)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(msg.stages.simulateMs).toBeGreaterThan(0);
    expect(msg.elapsedMs).toBeGreaterThanOrEqual(msg.stages.simulateMs + msg.stages.packMs);
    expect(client.lastStages).toMatchObject({
      ...msg.stages,
      transitMs: expect.any(Number),
      unpackMs: expect.any(Number),
    });
    expect(msg.stages.postedAt).toBeGreaterThan(performance.timeOrigin);
    expect(transfers[done].length).toBeGreaterThan(10);
    expect(transfers[done].every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('skips the rest of a superseded run', async () => {
    const posted: FromWorker[] = [];
    const client = new SimClient(() => fakeWorker(posted));
    const first = client.run({ scenario, models: ['sequential', 'asyncio', 'threads', 'processes'] });
    const second = client.run({ scenario, models: ['asyncio'] });
    first.cancel();
    await expect(first.result).rejects.toBeInstanceOf(RunCancelled);
    expect((await second.result).traces).toHaveLength(1);
    expect(posted.filter((m) => m.type === 'progress' && m.id === 1).length).toBeLessThan(4);
  });

  it('a hard cancel ends the worker and gives the other runs to a new one', async () => {
    let made = 0;
    const client = new SimClient(() => (made++, fakeWorker()));
    const a = client.run({ scenario, models: ['threads'] });
    const b = client.run({ scenario, models: ['asyncio'] });
    a.cancel(true);
    await expect(a.result).rejects.toBeInstanceOf(RunCancelled);
    expect((await b.result).traces[0].model).toBe('asyncio');
    expect(made).toBe(2);
    expect(client.size).toBe(0);
  });

  it('reports a run the simulator refuses (the event cap) as a failure with its message', async () => {
    const client = new SimClient(() => fakeWorker(), 50);
    await expect(client.run({ scenario, models: ['threads'] }).result).rejects.toThrow(/event cap/);
  });

  it('gives a small result in the task its message arrived in, and a large one in a later task', async () => {
    const many: Scenario = {
      ...scenario,
      tasks: [{ name: 'dl', count: 5_000, steps: [{ kind: 'io', durationMs: 30 }] }],
    };
    for (const [sc, later] of [
      [scenario, false],
      [many, true],
    ] as const) {
      let settled = false;
      let settledInTask: boolean | null = null;
      const client = new SimClient(() => {
        const w = fakeWorker();
        let handler: WorkerLike['onmessage'] = null;
        w.onmessage = (e) => {
          handler?.(e);
          if (e.data.type !== 'done') return;
          // The microtasks of the message's task, the result's callbacks among them, run before this check.
          const check = (depth: number): void =>
            depth ? queueMicrotask(() => check(depth - 1)) : void (settledInTask = settled);
          check(8);
        };
        const wrapper: WorkerLike = {
          postMessage: (m) => w.postMessage(m),
          terminate: () => w.terminate(),
          onerror: null,
          get onmessage() {
            return handler;
          },
          set onmessage(f) {
            handler = f;
          },
        };
        return wrapper;
      });
      const run = client.run({ scenario: sc, models: ['asyncio'] });
      void run.result.then(() => (settled = true));
      const r = await run.result;
      await new Promise((ok) => setTimeout(ok, 0));
      const records = r.traces[0].spans.length + r.traces[0].events.length;
      expect(records > SPLIT_RECORDS).toBe(later);
      expect(settledInTask).toBe(!later);
    }
  });
});
