import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/parse';
import type { Scenario } from '../sim/types';
import { base64urlToBytes, bytesToBase64url, toBase64url } from './base64url';
import { inflateRaw } from './deflate';
import { decodeView, encodeView, SHARE_VERSION, type SharedView } from './codec';

const scenario: Scenario = parseScenario(
  {
    id: 'mixed',
    title: 'Mixed — “quotes”, ünïcødé & <tags>',
    machine: { cores: 3 },
    settings: { switchIntervalMs: 0.5 },
    modelSettings: { processes: { poolSize: 2, startMethod: 'spawn' } },
    tasks: [
      { name: 'calc', steps: [{ kind: 'cpu', durationMs: 1100.25, offload: 'thread' }] },
      {
        name: 'd',
        count: 4,
        resultBytes: 1024,
        steps: [
          { kind: 'io', durationMs: 500, label: 'download' },
          { kind: 'io', durationMs: 3, blocking: true },
          { kind: 'native', durationMs: 0 },
          { kind: 'cpu', durationMs: 20, offload: 'process' },
        ],
      },
    ],
  },
  'test',
);

const view: SharedView = { scenario, models: ['asyncio', 'threads', 'processes'], timeMs: 1234.5678, view: 'worker' };

describe('share codec', () => {
  it('round-trips a view, and the scenario passes the schema as it was', () => {
    const code = encodeView(view);
    expect(code).toMatch(/^2\.[A-Za-z0-9_-]+$/);
    const back = decodeView(code);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.models).toEqual(view.models);
    expect(back.value.timeMs).toBe(1234.568);
    expect(back.value.view).toBe('worker');
    const again = parseScenario(back.value.scenario, 'link');
    expect(again).toEqual({ ...scenario, description: '' });
  });

  it('round-trips "the article’s own workload" (no scenario) and "at the end" (no playhead)', () => {
    const code = encodeView({ scenario: null, models: ['sequential'], timeMs: null, view: 'task' });
    expect(code.length).toBeLessThan(30);
    expect(decodeView(code)).toEqual({
      ok: true,
      value: { scenario: null, models: ['sequential'], timeMs: null, view: 'task' },
    });
  });

  it('is compact: a hundred tasks of three steps fit in a few kilobytes', () => {
    const big: Scenario = {
      ...scenario,
      tasks: Array.from({ length: 100 }, (_, i) => ({
        name: `t${i}`,
        steps: [
          { kind: 'io', durationMs: 500 + i },
          { kind: 'cpu', durationMs: 20 },
          { kind: 'io', durationMs: 100 },
        ],
      })),
    };
    expect(encodeView({ ...view, scenario: big }).length).toBeLessThan(4500);
  });

  it('keeps models in the canonical order whatever the link says', () => {
    const code = `1.${toBase64url(JSON.stringify(['pts', null, 't', 0]))}`;
    const back = decodeView(code);
    expect(back.ok && back.value.models).toEqual(['sequential', 'threads', 'processes']);
  });

  it('carries subinterpreters as "i", and links made before it existed read as they did', () => {
    const code = encodeView({
      scenario: null,
      models: ['threads', 'processes', 'subinterpreters'],
      timeMs: null,
      view: 'task',
    });
    const back = decodeView(code);
    expect(back.ok && back.value.models).toEqual(['threads', 'processes', 'subinterpreters']);
    // every model letter of the earlier format, in a link of each format
    const old = JSON.stringify(['satfp', 3, 'w', 0]);
    const want = {
      scenario: null,
      models: ['sequential', 'asyncio', 'threads', 'free-threading', 'processes'],
      timeMs: 3,
      view: 'worker',
    };
    expect(decodeView(`1.${toBase64url(old)}`)).toEqual({ ok: true, value: want });
    expect(decodeView(`2.${bytesToBase64url(deflateRawSync(Buffer.from(old)))}`)).toEqual({ ok: true, value: want });
  });

  it('names older and newer versions', () => {
    const older = decodeView('0.W10');
    expect(older).toMatchObject({ ok: false, reason: 'version' });
    if (!older.ok) expect(older.message).toContain('older version');
    const newer = decodeView(`${SHARE_VERSION + 1}.abc`);
    expect(newer).toMatchObject({ ok: false, reason: 'version' });
    if (!newer.ok) expect(newer.message).toContain('newer version');
  });

  it.each([
    ['', 'not in a format'],
    ['hello', 'not in a format'],
    ['1.', 'not valid JSON'],
    ['1.!!!', 'base64url'],
    ['1.a', 'base64url'],
    [`1.${toBase64url('{"a":1}')}`, 'not a timeline view'],
    [`1.${toBase64url('[1,2,3]')}`, 'not a timeline view'],
    [`1.${toBase64url('["", null, "t", 0]')}`, 'models'],
    [`1.${toBase64url('["sx", null, "t", 0]')}`, 'models'],
    [`1.${toBase64url('["ss", null, "t", 0]')}`, 'models'],
    [`1.${toBase64url('["s", -1, "t", 0]')}`, 'playhead'],
    [`1.${toBase64url('["s", "5", "t", 0]')}`, 'playhead'],
    [`1.${toBase64url('["s", null, "x", 0]')}`, 'lane view'],
    [`1.${toBase64url('["s", null, "t", [1, 2]]')}`, 'workload'],
    [`1.${btoa('\xff\xfe').replace(/=+$/, '')}`, 'base64url'],
  ])('refuses %j with a message (%s)', (code, words) => {
    const r = decodeView(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });

  it('leaves the detail of a tampered workload to the schema, which names the field', () => {
    const code = encodeView(view);
    const json = JSON.parse(new TextDecoder().decode(inflateRaw(base64urlToBytes(code.slice(2))!, 1e6)!));
    json[3][5][0][1][0] = 'c-5';
    const r = decodeView(`1.${toBase64url(JSON.stringify(json))}`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => parseScenario(r.value.scenario, 'the link')).toThrow(/tasks\[0\]\.steps\[0\]\.durationMs/);
  });

  it('still reads links of format 1 (not compressed)', () => {
    const payload = JSON.stringify(['at', 12.5, 't', 0]);
    expect(decodeView(`1.${toBase64url(payload)}`)).toEqual({
      ok: true,
      value: { scenario: null, models: ['asyncio', 'threads'], timeMs: 12.5, view: 'task' },
    });
  });

  it('compresses: a hundred tasks take a fraction of their uncompressed length', () => {
    const big: Scenario = {
      ...scenario,
      tasks: Array.from({ length: 100 }, (_, i) => ({
        name: `t${i}`,
        steps: [
          { kind: 'io', durationMs: 500 + i },
          { kind: 'cpu', durationMs: 20 },
        ],
      })),
    };
    const v = { ...view, scenario: big };
    const code = encodeView(v);
    const plain = toBase64url(
      JSON.stringify(JSON.parse(new TextDecoder().decode(inflateRaw(base64urlToBytes(code.slice(2))!, 1e6)!))),
    );
    expect(code.length).toBeLessThan(plain.length / 3);
    const back = decodeView(code);
    expect(back.ok && parseScenario(back.value.scenario, 'link').tasks).toHaveLength(100);
  });

  it('refuses damaged compressed data and data that would inflate past its bound', () => {
    const damaged = decodeView(`2.${bytesToBase64url(new Uint8Array([0xff, 0xff, 0xff, 0x01]))}`);
    expect(damaged).toMatchObject({ ok: false, reason: 'malformed' });
    const bomb = decodeView(
      `2.${bytesToBase64url(new Uint8Array(deflateRawSync(new Uint8Array(9 * 1024 * 1024).fill(32))))}`,
    );
    expect(bomb).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('share codec: coordination, step groups and arrivals', () => {
  const coordinated: Scenario = parseScenario(
    {
      id: 'coord',
      title: 'Coordinated',
      machine: { cores: 2 },
      sync: {
        L: { type: 'lock' },
        q: { type: 'queue', maxsize: 2, itemBytes: 64 },
        b: { type: 'barrier', parties: 2 },
      },
      shared: { x: 0, y: 5 },
      tasks: [
        {
          name: 'T',
          count: 3,
          startAtMs: 10,
          everyMs: 20,
          steps: [
            {
              repeat: 4,
              label: 'rounds',
              steps: [
                { kind: 'acquire', sync: 'L', timeoutMs: 500 },
                { kind: 'read', var: 'x', label: 'v = x' },
                { repeat: 2, steps: [{ kind: 'cpu', durationMs: 2 }] },
                { kind: 'write', var: 'x', durationMs: 0.5 },
                { kind: 'release', sync: 'L' },
              ],
            },
            { kind: 'put', sync: 'q' },
            { kind: 'wait', sync: 'b' },
          ],
        },
        {
          name: 'C',
          startAtMs: 5,
          steps: [
            { kind: 'get', sync: 'q' },
            { kind: 'join', task: 'T' },
            { kind: 'io', durationMs: 3 },
          ],
        },
      ],
    },
    'test',
  );

  it('carries sync, shared, groups (nested, as written), coordination fields, startAtMs and everyMs', () => {
    const back = decodeView(encodeView({ ...view, scenario: coordinated }));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const again = parseScenario(back.value.scenario, 'link');
    expect(again).toEqual({ ...coordinated, description: '' });
    expect(again.tasks[0].written).toBeDefined();
    expect(again.tasks[0].startAtMs).toBe(10);
    expect(again.tasks[0].everyMs).toBe(20);
    expect(again.sync).toEqual(coordinated.sync);
    expect(again.shared).toEqual({ x: 0, y: 5 });
  });

  it('leaves a workload without coordination in the format older pages wrote (six fields)', () => {
    const code = encodeView(view);
    const payload = JSON.parse(new TextDecoder().decode(inflateRaw(base64urlToBytes(code.slice(2))!, 1e6)!));
    expect(payload[3]).toHaveLength(6);
    const withSync = encodeView({ ...view, scenario: coordinated });
    const p2 = JSON.parse(new TextDecoder().decode(inflateRaw(base64urlToBytes(withSync.slice(2))!, 1e6)!));
    expect(p2[3]).toHaveLength(8);
  });

  it('still reads a link written before coordination existed', () => {
    const old = [
      'st',
      null,
      't',
      [
        'old',
        'Old link',
        2,
        0,
        0,
        [
          ['A', ['i1000', ['c50', 'parse']]],
          ['B', ['n20'], 3],
        ],
      ],
    ];
    const code = `2.${bytesToBase64url(new Uint8Array(deflateRawSync(new TextEncoder().encode(JSON.stringify(old)))))}`;
    const back = decodeView(code);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const sc = parseScenario(back.value.scenario, 'link');
    expect(sc.tasks.map((t) => t.steps.map((s) => s.kind))).toEqual([['io', 'cpu'], ['native']]);
    expect(sc.tasks[1].count).toBe(3);
    expect(sc.sync).toBeUndefined();
  });
});
