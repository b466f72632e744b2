import { describe, expect, it } from 'vitest';
import { SimThread } from './thread';
import { ThreadQueue } from './threadQueue';

describe('ThreadQueue', () => {
  it('is first in, first out while it wraps around and grows', () => {
    const q = new ThreadQueue<SimThread>(4);
    const model: SimThread[] = [];
    let id = 0;
    for (let round = 0; round < 200; round++) {
      const pushes = (round * 7) % 5;
      for (let i = 0; i < pushes; i++) {
        const th = new SimThread(id++, 0, null);
        q.push(th);
        model.push(th);
      }
      const shifts = Math.min(q.size, (round * 3) % 4);
      for (let i = 0; i < shifts; i++) expect(q.shift()).toBe(model.shift());
      expect(q.size).toBe(model.length);
    }
    while (q.size > 0) expect(q.shift()).toBe(model.shift());
    expect(model).toHaveLength(0);
  });
});
