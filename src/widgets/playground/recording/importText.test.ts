import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCount } from '../../../timeline/scale';
import { importText, looksLikeScenario, MAX_RECORDED_SEGMENTS, segmentCount } from './importText';

const fixture = readFileSync(join(import.meta.dirname, '../../../../tests/recorder/fixtures/downloader.json'), 'utf8');
const scenario = readFileSync(join(import.meta.dirname, '../../../../content/scenarios/three-sleeps.json'), 'utf8');

describe('a file opened as a recording', () => {
  it('that is a scenario file is told apart, so the playground can open it as a workload', () => {
    const r = importText(scenario, 'sleeps.json');
    expect(r).toEqual({ ok: false, error: 'sleeps.json: is a scenario file, not a recording', scenarioFile: true });
  });

  it('that names a recording format is read as a recording, and its errors name the field', () => {
    const r = importText('{"format": "interleave-recording", "version": 7, "tasks": []}', 'run.json');
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.scenarioFile).toBeUndefined();
    expect(r.ok ? '' : r.error).toMatch(/^run\.json: version must be 1/);
  });

  it('tells a scenario by its task list and the absence of a format', () => {
    expect(looksLikeScenario({ tasks: [] })).toBe(true);
    expect(looksLikeScenario({ tasks: [], format: 'interleave-recording' })).toBe(false);
    expect(looksLikeScenario([{ tasks: [] }])).toBe(false);
    expect(looksLikeScenario({ traceEvents: [] })).toBe(false);
    expect(looksLikeScenario(null)).toBe(false);
  });

  it('opens a recording of ordinary size, and refuses one with too many segments, naming the file, before checking it', () => {
    expect(importText(fixture, 'downloader.json').ok).toBe(true);
    const data = JSON.parse(fixture);
    const thread = data.processes[0].threads[0];
    const n = segmentCount(data);
    expect(n).toBeGreaterThan(thread.segments.length);
    // Far too many segments, of which the checks would reject the first (its end before its start): the
    // count answers first.
    const bad = { startMs: 2, endMs: 1, state: 'running', cpuMs: 0 };
    thread.segments = Array.from({ length: MAX_RECORDED_SEGMENTS + 1 - (n - thread.segments.length) }, () => bad);
    expect(segmentCount(data)).toBe(MAX_RECORDED_SEGMENTS + 1);
    const r = importText(JSON.stringify(data), 'huge.json');
    expect(r.ok ? '' : r.error).toBe(
      `huge.json: has ${formatCount(200_001)} segments; at most ${formatCount(200_000)} can be drawn here`,
    );
    thread.segments.length -= 1;
    const atLimit = importText(JSON.stringify(data), 'huge.json');
    expect(atLimit.ok ? '' : atLimit.error).not.toMatch(/segments; at most/);
  });

  it('counts no segments in JSON shaped otherwise', () => {
    expect(segmentCount(null)).toBe(0);
    expect(segmentCount([1, 2])).toBe(0);
    expect(segmentCount({ processes: [{ threads: [{ segments: 'x' }, null] }, null] })).toBe(0);
  });
});
