import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { loadScenario } from '../sim/test/load';
import { layoutTimeline } from '../timeline/layout';
import { trackInput } from '../timeline/trackNeeds';
import { pageColours, svgText, timelineSvg } from './exportImage';

function image(id: string, models: ('threads' | 'sequential')[] = ['threads']) {
  const scenario = loadScenario(id);
  const traces = models.map((m) => simulate(scenario, m));
  const args = {
    layout: layoutTimeline(traces, 'task'),
    headers: models.map((m) => `${m} · total`),
    title: scenario.title,
    colours: pageColours(),
  };
  return { plain: timelineSvg(args), tracked: timelineSvg({ ...args, tracks: trackInput(scenario) }) };
}

describe('exported image tracks', () => {
  it('draw the queue depth under the axis, with its label, and grow the image by their height', () => {
    const { plain, tracked } = image('coord-bounded-queue');
    expect(svgText(tracked)).toContain('queue q depth');
    expect(Number(tracked.getAttribute('height'))).toBeGreaterThan(Number(plain.getAttribute('height')));
  });

  it('mark the lost update with a titled cross, and say the final value against the expected', () => {
    const { tracked } = image('thr-lost-update');
    const text = svgText(tracked);
    expect(text).toContain('1, expected 2');
    expect([...tracked.querySelectorAll('title')].some((t) => /update is lost/.test(t.textContent ?? ''))).toBe(true);
  });

  it('write the deadlock sentence', () => {
    const { tracked } = image('coord-deadlock');
    expect(svgText(tracked)).toContain(
      'Deadlock at 1.11 ms: A holds L1 and waits for L2; B holds L2 and waits for L1.',
    );
  });

  it('add nothing for a workload without coordination or arrivals', () => {
    const { plain, tracked } = image('fib35-x4');
    expect(tracked.getAttribute('height')).toBe(plain.getAttribute('height'));
  });
});
