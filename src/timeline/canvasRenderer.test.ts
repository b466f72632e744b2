import { describe, expect, it } from 'vitest';
import { createCanvasRenderer } from './canvasRenderer';
import { layoutTimeline } from './layout';
import { manyDownloads, threadsTwo } from './testing/traces';

function fakeCanvas() {
  const canvas = document.createElement('canvas');
  const calls: { op: string; args: number[] }[] = [];
  const ctx = {
    fillStyle: '' as unknown,
    globalAlpha: 1,
    setTransform: () => {},
    clearRect: () => calls.push({ op: 'clear', args: [] }),
    fillRect: (...args: number[]) => calls.push({ op: 'fill', args }),
    createPattern: () => null,
  };
  canvas.getContext = (() => ctx) as unknown as HTMLCanvasElement['getContext'];
  return { canvas, calls };
}

const read = (_v: string, fallback: string) => fallback;

describe('createCanvasRenderer', () => {
  it('draws at device resolution and keeps the bitmap while only the time changes', () => {
    const { canvas, calls } = fakeCanvas();
    const r = createCanvasRenderer(canvas, { readColor: read });
    const layout = layoutTimeline([manyDownloads(3000)], 'task');
    r.update(layout, null, { width: 500, height: layout.height, dpr: 2 });
    expect(canvas.width).toBe(1000);
    expect(canvas.height).toBe(layout.height * 2);
    expect(r.draws).toBe(1);
    const fills = calls.length;
    for (let t = 0; t < 100; t++) r.update(layout, null, { width: 500, height: layout.height, dpr: 2 });
    expect(r.draws).toBe(1);
    expect(calls.length).toBe(fills);
    r.update(layout, null, { width: 400, height: layout.height, dpr: 2 });
    expect(r.draws).toBe(2);
    r.invalidate();
    expect(r.draws).toBe(3);
    r.destroy();
  });

  it('draws no more than two shapes per lane per pixel column', () => {
    const { canvas, calls } = fakeCanvas();
    const r = createCanvasRenderer(canvas, { readColor: read });
    const layout = layoutTimeline([threadsTwo()], 'task');
    r.update(layout, null, { width: 60, height: layout.height, dpr: 1 });
    const perColumn = new Map<string, number>();
    for (const c of calls) {
      if (c.op !== 'fill') continue;
      const [x, y, w] = c.args;
      for (let col = x; col < x + w; col++) perColumn.set(`${y}:${col}`, (perColumn.get(`${y}:${col}`) ?? 0) + 1);
    }
    // Shapes plus their pattern overlay or outline edges are drawn per shape: allow 2 shapes × 3 fills.
    expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(6);
    r.destroy();
  });
});
