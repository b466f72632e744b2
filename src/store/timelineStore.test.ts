import { describe, expect, it, vi } from 'vitest';
import type { ModelId, Scenario, Trace } from '../sim/types';
import { createTimelineStore, deriveTraces } from './timelineStore';
import { startPlayback } from './playback';
import { sequentialTwo, threadsTwo } from '../timeline/testing/traces';

const scenario: Scenario = { id: 'gil-two-counters', title: 'Two counters', machine: { cores: 2 }, tasks: [] };
const fakeSimulate = (_s: Scenario, m: ModelId): Trace => (m === 'sequential' ? sequentialTwo() : threadsTwo());

describe('createTimelineStore', () => {
  it('starts at the end of the longest trace, paused', () => {
    const s = createTimelineStore({
      models: ['sequential', 'threads'],
      traces: [sequentialTwo(), threadsTwo()],
    }).getState();
    expect(s).toMatchObject({ timeMs: 42, domainMs: 42, playing: false, view: 'task', baselineMs: 40 });
  });
  it('play() from the end restarts at 0; togglePlay pauses', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    store.getState().play();
    expect(store.getState()).toMatchObject({ playing: true, timeMs: 0 });
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
  });
  it('nudge(0.01) moves 1 % of the domain and clamps', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    store.getState().seek(10);
    store.getState().nudge(0.01);
    expect(store.getState().timeMs).toBeCloseTo(10.42);
    store.getState().nudge(5);
    expect(store.getState().timeMs).toBe(42);
  });
  it('stepForward / stepBack move between event times', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    store.getState().seek(2);
    store.getState().stepForward();
    expect(store.getState().timeMs).toBe(6);
    store.getState().stepBack();
    expect(store.getState().timeMs).toBe(0);
  });
  it('derives traces by simulating each model, and the sequential baseline when it is not shown', () => {
    const sim = vi.fn(fakeSimulate);
    const { traces, baselineMs } = deriveTraces(scenario, ['threads'], sim);
    expect(traces.map((t) => t.model)).toEqual(['threads']);
    expect(baselineMs).toBe(40);
    expect(sim).toHaveBeenCalledTimes(2);
  });
  it('setModels re-simulates', () => {
    const store = createTimelineStore({ scenario, models: ['threads'], simulate: fakeSimulate });
    store.getState().setModels(['sequential', 'threads']);
    expect(store.getState().traces).toHaveLength(2);
    expect(store.getState().revision).toBe(1);
  });
});

describe('startPlayback', () => {
  it('advances time on animation frames and stops at the end', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    const frames: ((now: number) => void)[] = [];
    const stop = startPlayback(store, { raf: (cb) => frames.push(cb), caf: () => {} });
    store.getState().play();
    let now = 0;
    for (let i = 0; i < 400 && frames.length; i++) {
      const cb = frames.shift()!;
      cb((now += 16));
    }
    expect(store.getState()).toMatchObject({ playing: false, timeMs: 42 });
    stop();
  });
  it('wraps around when looping', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()], loop: true, speed: 4 });
    const frames: ((now: number) => void)[] = [];
    startPlayback(store, { raf: (cb) => frames.push(cb), caf: () => {} });
    store.getState().play();
    let now = 0;
    let wrapped = false;
    let prev = 0;
    for (let i = 0; i < 200; i++) {
      frames.shift()!((now += 16));
      const t = store.getState().timeMs;
      if (t < prev) wrapped = true;
      prev = t;
    }
    expect(wrapped).toBe(true);
    expect(store.getState().playing).toBe(true);
  });
});
