import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw } from './deflate';

const text = (s: string) => new TextEncoder().encode(s);
const samples: [string, Uint8Array][] = [
  ['empty', new Uint8Array(0)],
  ['one byte', text('a')],
  ['repeats', text('tick tock '.repeat(500))],
  ['a view', text(JSON.stringify(Array.from({ length: 2000 }, (_, i) => [`task-${i}`, ['c100', `i${i % 9}`]])))],
  ['noise', Uint8Array.from({ length: 4000 }, (_, i) => (i * 2654435761) >>> 24)],
  ['long run', new Uint8Array(70_000).fill(7)],
];

describe('raw DEFLATE', () => {
  it.each(samples)('what it writes, zlib reads back (%s)', (_, data) => {
    expect(new Uint8Array(inflateRawSync(deflateRaw(data)))).toEqual(data);
  });

  it.each(samples)('reads what zlib writes, stored, fixed and dynamic (%s)', (_, data) => {
    for (const level of [0, 1, 9]) {
      const z = new Uint8Array(deflateRawSync(data, { level }));
      expect(inflateRaw(z, 1 << 20)).toEqual(data);
    }
  });

  it('gives null for damaged input and for output past its bound, never throws', () => {
    expect(inflateRaw(new Uint8Array([0xff, 0x00, 0x13]), 1000)).toBeNull();
    expect(inflateRaw(new Uint8Array(0), 1000)).toBeNull();
    expect(inflateRaw(deflateRaw(new Uint8Array(5000)), 4999)).toBeNull();
    expect(inflateRaw(deflateRaw(new Uint8Array(5000)), 5000)).toHaveLength(5000);
    for (let seed = 1; seed < 200; seed++) {
      const junk = Uint8Array.from({ length: 40 }, (_, i) => (seed * 31 + i * 17) & 0xff);
      expect(() => inflateRaw(junk, 1 << 16)).not.toThrow();
    }
  });
});
