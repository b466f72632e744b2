import { describe, expect, it } from 'vitest';
import { describeEvent, eventLog, eventTimes, nextEventTime, prevEventTime } from './events';
import { manyDownloads, sequentialTwo, threadsTwo } from './testing/traces';

describe('eventTimes', () => {
  it('merges the events of compared traces, sorted and without duplicates, with 0 and each end', () => {
    const times = Array.from(eventTimes([sequentialTwo(), threadsTwo()]));
    expect(times[0]).toBe(0);
    expect(times).toContain(40);
    expect(times).toContain(42);
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
  });
});

describe('prevEventTime / nextEventTime', () => {
  const times = [0, 1, 6, 11, 42];
  it('nextEventTime(times, 3) is 6', () => expect(nextEventTime(times, 3)).toBe(6));
  it('nextEventTime(times, 6) skips the current event to 11', () => expect(nextEventTime(times, 6)).toBe(11));
  it('nextEventTime at the end stays at the end', () => expect(nextEventTime(times, 42)).toBe(42));
  it('prevEventTime(times, 6) is 1', () => expect(prevEventTime(times, 6)).toBe(1));
  it('prevEventTime(times, 7.5) is 6', () => expect(prevEventTime(times, 7.5)).toBe(6));
  it('prevEventTime at 0 stays at 0', () => expect(prevEventTime(times, 0)).toBe(0));
});

describe('describeEvent', () => {
  it('names a GIL hand-off from one task to the other', () => {
    const t = threadsTwo();
    const e = t.events.find((x) => x.kind === 'gil-handoff')!;
    expect(describeEvent(t, e)).toBe('GIL passes from A to B');
  });
  it('names a task start and end', () => {
    const t = sequentialTwo();
    expect(describeEvent(t, t.events[0])).toMatch(/^A starts$/);
    expect(describeEvent(t, t.events[t.events.length - 1])).toBe('B finishes');
  });
});

describe('eventLog', () => {
  it('lists events with readable times', () => {
    const log = eventLog(sequentialTwo());
    expect(log.entries[0]).toMatchObject({ time: '0 s', text: 'A starts' });
    expect(log.more).toBe('');
  });
  it('cuts a big trace and says how many more', () => {
    const log = eventLog(manyDownloads(1000), 300);
    expect(log.entries).toHaveLength(300);
    expect(log.total).toBe(2000);
    expect(log.more).toBe('and 1700 more events');
  });
});

describe('describeEvent step-start', () => {
  it('says what the new step does, from the span that starts there', () => {
    const t = sequentialTwo();
    const e = { timeMs: 20, kind: 'step-start' as const, task: 1, lane: -1 };
    expect(describeEvent(t, e)).toBe('B starts a step: running Python');
  });
});
