import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/parse';
import { simulate } from '../sim';
import { layoutTimeline } from '../timeline/layout';
import { hasPatternOverlay, statesPresent } from '../timeline/palette';
import { pageColours, svgText, timelineSvg } from './exportImage';
import { imageText } from './imageText';

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

  describe('with control characters in the names', () => {
    const nasty = parseScenario(
      {
        id: 'ctl',
        title: 'Title\u0000 with\u001b[2J escapes\u0007',
        machine: { cores: 2 },
        tasks: [
          { name: 'a\u001b[31mred\u0008\u000b\u000c', steps: [{ kind: 'cpu', durationMs: 30, label: 'x\u0001' }] },
          { name: 'line\nbreak\ttab\r\u007f', steps: [{ kind: 'io', durationMs: 20 }] },
          { name: 'half \ud800 pair \udc00 \ud83d\ude00', steps: [{ kind: 'io', durationMs: 10 }] },
        ],
      },
      'ctl',
    );
    const ctlTraces = [simulate(nasty, 'threads')];
    const ctlText = svgText(
      timelineSvg({
        layout: layoutTimeline(ctlTraces, 'task'),
        headers: ['Threads\u001b (GIL)'],
        title: nasty.title,
        colours: pageColours(),
      }),
    );

    it('writes only characters XML 1.0 allows, so the SVG (and the PNG drawn from it) still parses', () => {
      // XML 1.0 Char: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, and paired surrogates.
      const notXml = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
      expect(ctlText.replace(/\n/g, '')).not.toMatch(notXml);
      expect(ctlText).toContain('<svg');
    });

    it('shows each control character as its visible sign, keeping the rest of the name', () => {
      expect(ctlText).toContain('Title\u2400 with\u241b[2J escapes\u2407');
      expect(ctlText).toContain('a\u241b[31mred');
      expect(ctlText).toContain('Threads\u241b (GIL)');
    });
  });
});

describe('imageText', () => {
  it('replaces every C0 control, DEL and unpaired surrogate, and nothing else', () => {
    expect(imageText('a\u0000b\u001fc\u007fd')).toBe('a\u2400b\u241fc\u2421d');
    expect(imageText('\t\n\r')).toBe('\u2409\u240a\u240d');
    expect(imageText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(imageText('emoji \ud83d\ude00, <b>&amp;</b>, é, \u00a0')).toBe(
      'emoji \ud83d\ude00, <b>&amp;</b>, é, \u00a0',
    );
  });
});
