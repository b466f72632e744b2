import { beforeAll, describe, expect, it } from 'vitest';
import { preloadScenarios } from '../../content/scenarios';
import { renderToString } from 'react-dom/server';
import { Predict } from './Predict';
import { Timeline } from '../timeline/Timeline';
import { beginPage } from '../../store/pageTimelines';

const page = () => (
  <>
    <Predict
      scenario="three-sleeps"
      model="threads"
      ask="makespan"
      question="How long do all three take?"
      choices="1 s, 3 s, 6 s"
    />
    <p>Between the question and its figure.</p>
    <Timeline scenario="three-sleeps" models="sequential threads" />
    <Timeline scenario="three-sleeps" models="sequential threads" />
  </>
);

beforeAll(() => preloadScenarios(['three-sleeps']));

describe('a prediction seals the figure after it', () => {
  it('prerenders that figure at t = 0 with data-sealed, and the next one as usual', () => {
    beginPage([]);
    const html = renderToString(page());
    const predictId = /data-predict="([^"]+)"/.exec(html)?.[1];
    expect(predictId).toBeTruthy();
    const figures = [...html.matchAll(/<figure[^>]*>/g)].map((m) => m[0]);
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain(`data-predicted-by="${predictId}"`);
    expect(figures[0]).toContain('data-sealed');
    expect(figures[0]).toContain('data-figure="three-sleeps"');
    expect(figures[1]).not.toContain('data-sealed');
    expect(figures[1]).toContain('data-figure="three-sleeps-2"');
    // The sealed figure's slider starts at 0; the other at its end.
    const now = [...html.matchAll(/aria-valuenow="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(now[0]).toBe(0);
    expect(now[1]).toBeGreaterThan(0);
  });
});
