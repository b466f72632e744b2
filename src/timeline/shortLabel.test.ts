import { describe, expect, it } from 'vitest';
import { shortLaneLabel, shortModelLabel } from './shortLabel';

describe('shortLaneLabel', () => {
  it('shortens worker lanes to a letter and their number', () => {
    expect(shortLaneLabel('executor thread 12')).toBe('T12');
    expect(shortLaneLabel('worker process 3')).toBe('P3');
    expect(shortLaneLabel('process 10')).toBe('P10');
    expect(shortLaneLabel('interpreter 4')).toBe('I4');
    expect(shortLaneLabel('thread 1')).toBe('T1');
  });

  it('names the GIL, the loop and the main lane by their role', () => {
    expect(shortLaneLabel('GIL (main process)')).toBe('GIL');
    expect(shortLaneLabel('GIL (main interpreter)')).toBe('GIL');
    expect(shortLaneLabel('GIL (interpreter 2)')).toBe('GIL I2');
    expect(shortLaneLabel('event loop (main thread)')).toBe('loop');
    expect(shortLaneLabel('main thread')).toBe('main');
    expect(shortLaneLabel('main process')).toBe('main');
  });

  it('leaves labels that fit, and names it cannot shorten meaningfully', () => {
    expect(shortLaneLabel('core 12')).toBeUndefined();
    expect(shortLaneLabel('GIL')).toBeUndefined();
    expect(shortLaneLabel('download-images')).toBeUndefined();
    expect(shortLaneLabel('thread one')).toBeUndefined();
  });

  it('never returns a form longer than the column holds', () => {
    for (const l of ['executor thread 123', 'GIL (interpreter 16)', 'Pool result handler', 'Pool task handler']) {
      expect(shortLaneLabel(l)!.length).toBeLessThanOrEqual(8);
    }
  });
});

describe('shortModelLabel', () => {
  it('shortens the long model names and leaves the others', () => {
    expect(shortModelLabel('Threads (GIL)')).toBe('Threads');
    expect(shortModelLabel('Subinterpreters')).toBe('Subint.');
    expect(shortModelLabel('asyncio')).toBeUndefined();
    expect(shortModelLabel('my variant')).toBeUndefined();
  });
});
