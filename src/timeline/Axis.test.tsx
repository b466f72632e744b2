import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Axis } from './Axis';
import { tickCount } from './scene';
import { windowTicks } from './ticks';

const labels = (html: string, hidden: boolean) =>
  [...html.matchAll(/<text( class="tl-tick--odd")?[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => Boolean(m[1]) === hidden)
    .map((m) => m[2]);

describe('the time axis', () => {
  it('labels a 30 ms window every 10 ms on a phone-wide plot, every tick shown', () => {
    const ticks = windowTicks({ startMs: 20, endMs: 50 }, tickCount(272));
    const html = renderToStaticMarkup(<Axis ticks={ticks} />);
    expect(labels(html, false)).toEqual(['20 ms', '30 ms', '40 ms', '50 ms']);
    expect(html).not.toContain('tl-tick--odd');
  });

  it('marks every other tick for narrow screens to hide only when they were chosen for the nominal width', () => {
    const ticks = windowTicks({ startMs: 0, endMs: 2200 }, tickCount(1200));
    const html = renderToStaticMarkup(<Axis ticks={ticks} thinnable />);
    const shown = labels(html, false);
    const odd = labels(html, true);
    expect(shown.length + odd.length).toBe(ticks.length);
    expect(odd.length).toBe(Math.floor(ticks.length / 2));
    expect(shown[0]).toBe(ticks[0].label);
    // The odd ticks' marks are drawn apart too, so that they hide with their labels.
    expect(html).toMatch(/<path class="tl-tick--odd" d="(M\d+ 0v5)+"/);
  });
});
