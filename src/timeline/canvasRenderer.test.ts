import { describe, expect, it, vi } from 'vitest';
import { createCanvasRenderer, PAN_SETTLE_MS } from './canvasRenderer';
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
    drawImage: (_src: unknown, ...args: number[]) => calls.push({ op: 'image', args }),
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

  it('pans by copying from a wider strip painted once, and draws the window exactly once the pan stops', () => {
    vi.useFakeTimers();
    try {
      const main = fakeCanvas();
      const strips: ReturnType<typeof fakeCanvas>[] = [];
      const r = createCanvasRenderer(main.canvas, {
        readColor: read,
        createCanvas: () => {
          strips.push(fakeCanvas());
          return strips[strips.length - 1].canvas;
        },
      });
      const layout = layoutTimeline([manyDownloads(3000)], 'task');
      const size = { width: 500, height: layout.height, dpr: 1 };
      const width = layout.domainMs / 4;
      const at = (startMs: number) => ({ startMs, endMs: startMs + width });
      r.update(layout, at(width), size);
      // The first step of a pan is drawn exactly; from the second on, the steps copy from the strip.
      r.update(layout, at(width * 1.05), size);
      expect(r.draws).toBe(2);
      expect(strips).toHaveLength(0);
      r.update(layout, at(width * 1.1), size);
      expect(r.draws).toBe(2);
      expect(strips).toHaveLength(1);
      // The strip is three windows wide, at the window's scale, and holds the spans (the grid stays on the canvas).
      expect(strips[0].canvas.width).toBe(1500);
      const stripFills = strips[0].calls.length;
      expect(stripFills).toBeGreaterThan(1);
      const copies = () => main.calls.filter((c) => c.op === 'image');
      expect(copies()).toHaveLength(1);
      // The strip is centred on the window it was painted for: the window starts one window into it.
      expect(copies()[0].args.slice(0, 4)).toEqual([500, 0, 500, layout.height]);
      r.update(layout, at(width * 1.15), size);
      expect(copies()).toHaveLength(2);
      expect(copies()[1].args[0] - copies()[0].args[0]).toBe(25);
      expect(strips[0].calls.length).toBe(stripFills);
      expect(r.draws).toBe(2);
      // Still: the window is drawn exactly.
      vi.advanceTimersByTime(PAN_SETTLE_MS);
      expect(r.draws).toBe(3);
      // Lanes coming out of their groups (or folding back) change the rows: that step is drawn exactly.
      r.update(layout, at(width * 1.3), size);
      expect(r.draws).toBe(4);
      expect(copies()).toHaveLength(2);
      // A zoom step is drawn at once, exactly.
      r.update(layout, { startMs: width, endMs: width * 1.5 }, size);
      expect(r.draws).toBe(5);
      expect(copies()).toHaveLength(2);
      r.destroy();
    } finally {
      vi.useRealTimers();
    }
  });
});
