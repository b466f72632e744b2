/**
 * Property tests: whatever arrives in a link, in local storage or in a file, nothing throws, every failure
 * comes with a message for the reader, and whatever is accepted is a valid scenario within the limits.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../sim/scenario/parse';
import { simulate } from '../sim';
import type { ModelId, Scenario, Step, Trace } from '../sim/types';
import { createTimelineStore } from '../store/timelineStore';
import { sessionOf } from '../store/session';
import { toBase64url } from './base64url';
import { decodeView, encodeView } from './codec';
import { checkUntrusted } from './fit';
import { LIMITS, totalTasks } from './limits';
import { restoreWidget } from './restore';
import { readScenarioText } from './scenarioFile';

const RUNS = 2000;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('cpu' as const), durationMs: fc.integer({ min: 0, max: 60_000 }) }),
  fc.record({
    kind: fc.constant('cpu' as const),
    durationMs: fc.double({ min: 0, max: 100, noNaN: true }),
    offload: fc.constantFrom('thread' as const, 'process' as const),
  }),
  fc.record({
    kind: fc.constant('io' as const),
    durationMs: fc.integer({ min: 0, max: 60_000 }),
    blocking: fc.boolean(),
  }),
  fc.record(
    { kind: fc.constant('native' as const), durationMs: fc.integer({ min: 0, max: 500 }), label: fc.string() },
    { requiredKeys: ['kind', 'durationMs'] },
  ),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/),
    title: fc.string({ minLength: 1, maxLength: 30 }),
    cores: fc.integer({ min: 1, max: 128 }),
    switchIntervalMs: fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
    poolSize: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
    tasks: fc.array(
      fc.record({
        steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }),
        count: fc.integer({ min: 1, max: 20 }),
        resultBytes: fc.integer({ min: 0, max: 1 << 20 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ id, title, cores, switchIntervalMs, poolSize, tasks }) =>
    parseScenario(
      {
        id,
        title,
        machine: { cores },
        settings: switchIntervalMs === undefined ? {} : { switchIntervalMs },
        ...(poolSize === undefined ? {} : { modelSettings: { processes: { poolSize } } }),
        tasks: tasks.map((t, i) => ({ name: `t${i}`, ...t })),
      },
      'arbitrary',
    ),
  );

const modelsArb = fc.subarray(
  ['sequential', 'asyncio', 'threads', 'free-threading', 'processes', 'subinterpreters'] as ModelId[],
  {
    minLength: 1,
  },
);

/** A string with a few characters changed, inserted, deleted, or cut short. */
function mutate(text: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.nat(), fc.string({ minLength: 1, maxLength: 1 })),
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.string({ minLength: 1, maxLength: 1 })),
    fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
    fc.tuple(fc.constant('cut' as const), fc.nat(), fc.constant('')),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let s = text;
    for (const [kind, at, c] of edits) {
      const i = s.length ? at % s.length : 0;
      if (kind === 'set') s = s.slice(0, i) + c + s.slice(i + 1);
      else if (kind === 'insert') s = s.slice(0, i) + c + s.slice(i);
      else if (kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i);
    }
    return s;
  });
}

function withinLimits(s: Scenario): boolean {
  return (
    totalTasks(s) <= LIMITS.tasks &&
    s.machine.cores >= 1 &&
    s.machine.cores <= LIMITS.cores.max &&
    s.tasks.every((t) => t.steps.every((st) => st.durationMs >= 0 && st.durationMs <= LIMITS.durationMs.max))
  );
}

describe('links: decodeView', () => {
  it('round-trips any valid view', () => {
    fc.assert(
      fc.property(scenarioArb, modelsArb, fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })), (sc, models, t) => {
        const back = decodeView(encodeView({ scenario: sc, models, timeMs: t, view: 'task' }));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.value.models).toEqual(models);
        expect(parseScenario(back.value.scenario, 'link')).toEqual({ ...sc, description: '' });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any string, and explains every refusal', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string().map((s) => `1.${s}`),
        ),
        (code) => {
          const r = decodeView(code);
          if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws on mutated links; what still decodes is checked by the schema with a message', async () => {
    const base = encodeView({
      scenario: parseScenario(
        {
          id: 'm',
          title: 'M',
          machine: { cores: 2 },
          tasks: [
            {
              name: 'a',
              count: 3,
              steps: [
                { kind: 'io', durationMs: 500 },
                { kind: 'cpu', durationMs: 20 },
              ],
            },
          ],
        },
        'm',
      ),
      models: ['sequential', 'threads'],
      timeMs: 12.5,
      view: 'worker',
    });
    await fc.assert(
      fc.asyncProperty(mutate(base), async (code) => {
        const r = decodeView(code);
        if (!r.ok) return void expect(r.message).toBeTruthy();
        if (r.value.scenario === null) return;
        const checked = await checkUntrusted(r.value.scenario, 'the link');
        if (checked.ok) expect(withinLimits(checked.scenario)).toBe(true);
        else expect(checked.error).toMatch(/^the link: /);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary JSON behind a valid prefix is refused or checked, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        const r = decodeView(`1.${toBase64url(JSON.stringify(json) ?? 'null')}`);
        if (!r.ok) return void expect(r.message).toBeTruthy();
        if (r.value.scenario === null) return;
        const checked = await checkUntrusted(r.value.scenario, 'the link');
        if (!checked.ok) expect(checked.error).toBeTruthy();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('stored state: restoreWidget', () => {
  const scenario = parseScenario(
    {
      id: 'three',
      title: 'Three',
      machine: { cores: 2 },
      tasks: [{ name: 'A', count: 3, steps: [{ kind: 'io', durationMs: 100 }] }],
    },
    'three',
  );
  // A cheap stand-in for the simulator: the properties are about restoring, not simulating.
  const fake = (s: Scenario, model: ModelId): Trace => ({
    ...simulate(scenario, model, { trace: 'summary' }),
    scenarioId: s.id,
  });
  const stored = encodeView({
    scenario: { ...scenario, tasks: [{ ...scenario.tasks[0], count: 5 }] },
    models: ['asyncio'],
    timeMs: null,
    view: 'task',
  });

  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/p/');
  });

  it('corrupted or random saved edits never throw: they restore, or are set aside with a notice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(stored), fc.string()), async (value) => {
        localStorage.clear();
        localStorage.setItem('interleave:edits:/p/:three', value);
        const store = createTimelineStore({ scenario, models: ['sequential'], simulate: fake });
        await restoreWidget(store, 'three');
        const notice = sessionOf(store).getState().notice;
        const changed = store.getState().scenario !== scenario || store.getState().models.join() !== 'sequential';
        if (notice?.tone === 'error') {
          expect(notice.text).toMatch(/could not be read/);
          expect(localStorage.getItem('interleave:edits:/p/:three')).toBeNull();
          expect(changed).toBe(false);
        } else {
          expect(changed || decodeView(value).ok).toBe(true);
          if (changed) expect(withinLimits(store.getState().scenario!)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a tampered link falls back to the article’s workload with a notice, and leaves the address clean', async () => {
    await fc.assert(
      fc.asyncProperty(mutate(stored), async (value) => {
        history.replaceState(null, '', `/p/?tl.three=${encodeURIComponent(value)}`);
        const store = createTimelineStore({ scenario, models: ['sequential'], simulate: fake });
        await restoreWidget(store, 'three');
        const notice = sessionOf(store).getState().notice;
        if (notice?.tone === 'error') {
          expect(notice.text).toMatch(
            /This link’s view of the timeline could not be used: .+\. Showing the article’s workload instead\./,
          );
          expect(store.getState().scenario).toBe(scenario);
          expect(location.search).not.toContain('tl.three');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('files: readScenarioText', () => {
  const valid = JSON.stringify({
    id: 'f',
    title: 'F',
    machine: { cores: 4 },
    modelSettings: { processes: { poolSize: 2 } },
    tasks: [
      { name: 'a', count: 2, steps: [{ kind: 'io', durationMs: 5000, label: 'download' }] },
      { name: 'b', steps: [{ kind: 'cpu', durationMs: 100, offload: 'process' }] },
    ],
  });

  it('random text and random JSON: never throws, every refusal names the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((j) => JSON.stringify(j) ?? ''),
        ),
        async (text) => {
          const r = await readScenarioText(text, 'f.json');
          if (!r.ok) expect(r.error).toMatch(/^f\.json/);
          else expect(withinLimits(r.scenario)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('mutated scenario files: accepted ones are valid and within limits, refused ones say why', async () => {
    await fc.assert(
      fc.asyncProperty(mutate(valid), async (text) => {
        const r = await readScenarioText(text, 'f.json');
        if (r.ok) {
          expect(withinLimits(r.scenario)).toBe(true);
          expect(() => parseScenario(r.scenario, 'again')).not.toThrow();
        } else expect(r.error).toMatch(/^f\.json(:| is)/);
      }),
      { numRuns: RUNS },
    );
  });
});
