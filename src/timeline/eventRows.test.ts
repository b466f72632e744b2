import { describe, expect, it } from 'vitest';
import { eventRows, rowAtTime, scrollToRow, spanOfEvent, tasksMatching, visibleRows } from './eventRows';
import { manyDownloads, threadsTwo } from './testing/traces';
import { indexTrace } from './traceIndex';

describe('tasksMatching', () => {
  const trace = manyDownloads(120);

  it('an exact name (any case) names that task alone, even when others contain it', () => {
    const hit = tasksMatching(trace, ' Download-12 ')!;
    expect([...hit.keys()].filter((i) => hit[i])).toEqual([11]);
  });

  it('otherwise every task whose name contains the text', () => {
    const hit = tasksMatching(trace, 'load-11')!;
    // download-11 and download-110 … download-119
    expect([...hit.keys()].filter((i) => hit[i])).toHaveLength(11);
  });

  it('an empty filter names every task', () => {
    expect(tasksMatching(trace, '   ')).toBeNull();
  });
});

describe('eventRows', () => {
  it('without a filter, every event in order', () => {
    const trace = threadsTwo();
    const rows = eventRows(trace);
    expect(rows.count).toBe(trace.events.length);
    expect(rows.event(3)).toBe(3);
  });

  it('a task filter keeps the events of that task and hand-offs from it', () => {
    const trace = threadsTwo();
    const rows = eventRows(trace, 'A');
    const kept = Array.from({ length: rows.count }, (_, r) => trace.events[rows.event(r)]);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(trace.events.length);
    for (const e of kept) expect(e.task === 0 || e.fromTask === 0).toBe(true);
    // Every hand-off touches A (it either takes the GIL or gives it), so all seven are kept.
    expect(kept.filter((e) => e.kind === 'gil-handoff')).toHaveLength(7);
  });

  it('filters 100 000 events', () => {
    // 50 000 tasks, each starting and ending once (too many for the drawn test traces).
    const base = manyDownloads(2);
    const n = 50_000;
    const trace = {
      ...base,
      tasks: Array.from({ length: n }, (_, i) => ({ ...base.tasks[0], name: `download-${i + 1}` })),
      events: Array.from({ length: 2 * n }, (_, k) => {
        const task = k >> 1;
        return {
          timeMs: task * 0.01 + (k & 1) * 200,
          kind: k & 1 ? 'task-end' : 'task-start',
          task,
          lane: -1,
        } as const;
      }).sort((a, b) => a.timeMs - b.timeMs),
    };
    expect(trace.events.length).toBe(100_000);
    const rows = eventRows(trace, 'download-49999');
    expect(rows.count).toBe(2);
    expect(trace.events[rows.event(0)].kind).toBe('task-start');
  });
});

describe('rowAtTime', () => {
  const trace = threadsTwo();
  const rows = eventRows(trace);
  const times = trace.events.map((e) => e.timeMs);

  it('is the last event at or before the time', () => {
    expect(rowAtTime(trace, rows, 11.5)).toBe(times.lastIndexOf(11));
    expect(rowAtTime(trace, rows, 11)).toBe(times.lastIndexOf(11));
    expect(rowAtTime(trace, rows, 1000)).toBe(times.length - 1);
  });

  it('is -1 before the first event', () => {
    const filtered = eventRows(trace, 'B');
    const firstB = trace.events[filtered.event(0)].timeMs;
    expect(rowAtTime(trace, filtered, firstB - 0.5)).toBe(-1);
  });
});

describe('spanOfEvent', () => {
  const trace = threadsTwo();
  const ix = indexTrace(trace);

  it('a hand-off selects the running span the taker starts', () => {
    const e = trace.events.find((x) => x.kind === 'gil-handoff' && x.timeMs === 6)!;
    const span = ix.spans[spanOfEvent(ix, e)];
    expect(span.task).toBe(e.task);
    expect(span.state).toBe('running');
    expect(span.startMs).toBe(6);
  });

  it('a task’s end selects its last span, the one that ends there', () => {
    const e = trace.events.find((x) => x.kind === 'task-end' && x.task === 0)!;
    const span = ix.spans[spanOfEvent(ix, e)];
    expect(span.task).toBe(0);
    expect(span.endMs).toBe(e.timeMs);
  });
});

describe('visibleRows', () => {
  it('of 100 000 rows builds only those in view and a few either side', () => {
    const { first, last } = visibleRows(28 * 50_000, 256, 28, 100_000);
    expect(first).toBeLessThanOrEqual(50_000);
    expect(last).toBeGreaterThan(50_000 + 256 / 28);
    expect(last - first).toBeLessThan(30);
  });

  it('stops at both ends', () => {
    expect(visibleRows(0, 256, 28, 100_000).first).toBe(0);
    const end = visibleRows(28 * 100_000, 256, 28, 100_000);
    expect(end.last).toBe(100_000);
    expect(end.first).toBeLessThan(end.last);
    expect(visibleRows(0, 256, 28, 5)).toEqual({ first: 0, last: 5 });
    expect(visibleRows(0, 256, 28, 0)).toEqual({ first: 0, last: 0 });
  });
});

describe('scrollToRow', () => {
  it('leaves the list alone when the row is already in view', () => {
    expect(scrollToRow(5, 0, 280, 28)).toBe(0);
  });

  it('scrolls just enough to show a row below, with a row of context', () => {
    // Row 20 spans 560–588 px; the viewport is 280 px: its bottom plus one row must be visible.
    expect(scrollToRow(20, 0, 280, 28)).toBe(588 + 28 - 280);
  });

  it('and a row above, with a row of context, never past the top', () => {
    expect(scrollToRow(10, 1000, 280, 28)).toBe(280 - 28);
    expect(scrollToRow(0, 1000, 280, 28)).toBe(0);
  });

  it('no row: unchanged', () => {
    expect(scrollToRow(-1, 123, 280, 28)).toBe(123);
  });
});
