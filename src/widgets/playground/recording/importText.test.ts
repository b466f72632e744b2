import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText, looksLikeScenario } from './importText';

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
});
