import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/parse';
import { simulate } from '../sim';
import { layoutTimeline } from '../timeline/layout';
import { hasPatternOverlay, statesPresent } from '../timeline/palette';
import { pageColours, svgText, timelineSvg } from './exportImage';

const scenario = parseScenario(
  {
    id: 'img',
    title: 'Tasks & <things>',
    machine: { cores: 2 },
    tasks: [
      { name: '<b>x</b>', steps: [{ kind: 'cpu', durationMs: 30 }] },
      { name: 'y', steps: [{ kind: 'io', durationMs: 20 }] },
    ],
  },
  'img',
);

describe('timeline image', () => {
  const traces = [simulate(scenario, 'sequential'), simulate(scenario, 'threads')];
  const svg = timelineSvg({
    layout: layoutTimeline(traces, 'task'),
    headers: ['Sequential · 50.0 ms', 'Threads (GIL) · 30.1 ms'],
    title: scenario.title,
    colours: pageColours(),
  });
  const text = svgText(svg);

  it('is a standalone SVG with a size, a title and one band header per model', () => {
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(1000);
    expect(text).toContain('Threads (GIL) · 30.1 ms');
    expect(svg.querySelectorAll('rect').length).toBeGreaterThan(traces[0].spans.length);
  });

  it('fills patterned states with the same patterns as the page, so the image does not rely on colour', () => {
    const patterned = statesPresent(traces.flatMap((t) => t.spans)).filter(hasPatternOverlay);
    expect(patterned.length).toBeGreaterThan(0);
    for (const state of patterned) {
      expect(svg.querySelector(`pattern#p-${state}`), state).not.toBeNull();
      expect(svg.querySelectorAll(`rect[fill="url(#p-${state})"]`).length, state).toBeGreaterThan(0);
    }
  });

  it('escapes every text taken from the scenario', () => {
    expect(text).toContain('Tasks &amp; &lt;things&gt;');
    expect(text).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(text).not.toContain('<b>');
  });

  it('has a legend naming the states drawn', () => {
    expect(text).toContain('running Python');
    expect(text).toContain('waiting on I/O');
  });
});
