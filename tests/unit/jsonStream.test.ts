// @vitest-environment node
/** scripts/cli/jsonStream.ts: the CLI's JSON writer gives JSON.stringify's text, in pieces, at any size. */
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../scripts/cli/jsonStream';

const text = (v: unknown) => [...jsonChunks(v)].join('');

describe('jsonChunks', () => {
  it.each([
    ['a number', 42],
    ['a string with quotes and controls', 'a "b"\n\u001b[31m\u2028'],
    ['null', null],
    ['an empty array and object', { a: [], b: {} }],
    ['nested arrays and objects', { x: [1, [2, [3, { y: 'z' }]], { w: null }], v: true }],
    ['keys to skip and values to turn into null', { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 }],
    ['non-finite numbers', { a: Number.NaN, b: [Number.POSITIVE_INFINITY] }],
    // eslint-disable-next-line no-sparse-arrays
    ['sparse arrays and mixed elements', { a: [1, , { b: [2] }, 'c', { d: 3 }] }],
    ['toJSON', { when: new Date(0), inner: { toJSON: (k: string) => `key ${k}` } }],
    ['a trace-like object', { model: 'threads', spans: [{ lane: 0, startMs: 0, endMs: 1.5, state: 'running' }] }],
  ])('%s: the same text as JSON.stringify', (_name, value) => {
    expect(text(value)).toBe(JSON.stringify(value));
  });

  it('gives about a megabyte per chunk, joined into the same text', () => {
    const value = { spans: Array.from({ length: 50_000 }, (_, i) => ({ lane: i % 7, startMs: i, endMs: i + 1 })) };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(1 << 20);
    expect(chunks.join('')).toBe(JSON.stringify(value));
  });

  it('writes a document longer than the longest string V8 can hold', () => {
    // 600 000 references to one object with a long label: little memory, about 610 million characters.
    const span = { lane: 1, startMs: 12.5, endMs: 13.75, state: 'wait-gil', label: 'x'.repeat(1000) };
    const value = { spans: new Array(600_000).fill(span) };
    const one = JSON.stringify(span);
    let length = 0;
    let first = '';
    let last = '';
    for (const c of jsonChunks(value)) {
      if (!first) first = c.slice(0, 2 * one.length + 20);
      length += c.length;
      last = c;
    }
    expect(length).toBe('{"spans":[]}'.length + 600_000 * one.length + 599_999);
    expect(length).toBeGreaterThan(2 ** 29);
    expect(first.startsWith(`{"spans":[${one},`)).toBe(true);
    expect(last.endsWith(`${one}]}`)).toBe(true);
  }, 120_000);
});
