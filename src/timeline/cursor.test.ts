import { describe, expect, it } from 'vitest';
import { cursorTarget, moveCursor, nearestInRow } from './cursor';
import { layoutTimeline } from './layout';
import { sequentialTwo, threadsTwo } from './testing/traces';

describe('nearestInRow', () => {
  it('finds the span covering t, or the nearest one', () => {
    const l = layoutTimeline([sequentialTwo()], 'task');
    const c = nearestInRow(l, 0, 1, 25)!;
    expect(l.bands[0].ix.spans[c.span]).toMatchObject({ state: 'running', startMs: 20 });
    const after = nearestInRow(l, 0, 0, 39)!;
    expect(l.bands[0].ix.spans[after.span]).toMatchObject({ startMs: 0, endMs: 20 });
  });
});

describe('moveCursor', () => {
  it('ArrowRight / ArrowLeft move along the lane; ArrowDown goes to the span at the same time below', () => {
    const l = layoutTimeline([threadsTwo()], 'task');
    const start = nearestInRow(l, 0, 1, 0)!; // lane A, "starting"
    const spans = l.bands[0].ix.spans;
    const right = moveCursor(l, start, 'ArrowRight')!;
    expect(spans[right.span]).toMatchObject({ state: 'running', startMs: 1 });
    expect(moveCursor(l, right, 'ArrowLeft')).toEqual(start);
    const down = moveCursor(l, right, 'ArrowDown')!;
    expect(spans[down.span]).toMatchObject({ state: 'wait-gil', startMs: 1 });
    const up = moveCursor(l, start, 'ArrowUp')!;
    expect(l.bands[0].rows[up.row].kind).toBe('gil');
    expect(moveCursor(l, start, 'x')).toBeNull();
  });
  it('cursorTarget places the tooltip at the span middle', () => {
    const l = layoutTimeline([sequentialTwo()], 'task');
    const c = nearestInRow(l, 0, 0, 5)!;
    expect(cursorTarget(l, c)).toMatchObject({ band: 0, xPct: 25 });
  });
});
