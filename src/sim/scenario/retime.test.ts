import { describe, expect, it } from 'vitest';
import { durationToken, labelAfterKindChange, retimedLabel, withDuration } from './retime';

describe('labels that quote their duration', () => {
  it('rewrites a duration written in seconds', () => {
    expect(retimedLabel('sleep(3)', 3000, 6000)).toBe('sleep(6)');
    expect(retimedLabel('await asyncio.sleep(0.15)', 150, 300)).toBe('await asyncio.sleep(0.3)');
    expect(retimedLabel('await job("B", 3)', 3000, 1250)).toBe('await job("B", 1.25)');
  });

  it('rewrites a duration written in milliseconds', () => {
    expect(retimedLabel('wait 20 ms', 20, 35)).toBe('wait 35 ms');
  });

  it('keeps labels whose numbers say something else', () => {
    expect(retimedLabel('fib(35) before the first await', 940, 2000)).toBe('fib(35) before the first await');
    expect(retimedLabel('sha256 of 64 MiB', 38, 80)).toBe('sha256 of 64 MiB');
    expect(retimedLabel('download', 500, 900)).toBe('download');
    expect(retimedLabel(undefined, 500, 900)).toBeUndefined();
  });

  it('does not read numbers inside names', () => {
    expect(durationToken('d1 parses', 1000)).toBeNull();
    expect(durationToken('step2(2)', 2000)).toEqual({ index: 6, length: 1, unit: 's' });
  });

  it('leaves an ambiguous label alone', () => {
    expect(retimedLabel('sleep(2) then sleep(2)', 2000, 4000)).toBe('sleep(2) then sleep(2)');
  });

  it('drops a quoted duration when the kind of work changes', () => {
    expect(labelAfterKindChange('sleep(3)', 3000)).toBeUndefined();
    expect(labelAfterKindChange('download', 3000)).toBe('download');
  });

  it('gives the step its new duration and label together', () => {
    expect(withDuration({ kind: 'io', durationMs: 3000, label: 'sleep(3)' }, 500)).toEqual({
      kind: 'io',
      durationMs: 500,
      label: 'sleep(0.5)',
    });
    expect(withDuration({ kind: 'cpu', durationMs: 10 }, 20)).toEqual({ kind: 'cpu', durationMs: 20 });
  });
});
