import { beforeAll, describe, expect, it, vi } from 'vitest';
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
    // Sealed, the slider speaks in percent of the run: its range would give the total away.
    const max = [...html.matchAll(/aria-valuemax="([\d.]+)"/g)].map((m) => Number(m[1]));
    const text = [...html.matchAll(/aria-valuetext="([^"]+)"/g)].map((m) => m[1]);
    expect(max[0]).toBe(100);
    expect(text[0]).toBe('0% of the run');
    expect(max[1]).toBeGreaterThan(100);
    expect(text[1]).not.toContain('%');
  });
});

describe('a prediction seals the table after it', () => {
  it('prerenders the next table of its scenario sealed, and one before the question open', async () => {
    const { ModelTable } = await import('../table/ModelTable');
    const { tableKit } = await import('../table/kit');
    await preloadScenarios(['fib35-x4']);
    beginPage([]);
    const html = renderToString(
      <>
        <ModelTable scenario="three-sleeps" models="sequential threads" kit={tableKit} />
        <Predict
          scenario="fib35-x4"
          model="threads"
          ask="makespan"
          question="How long do the four threads take?"
          choices="2.5 s, 5 s, 10 s"
        />
        <ModelTable scenario="fib35-x4" models="sequential threads processes" kit={tableKit} />
      </>,
    );
    const predictId = /data-predict="([^"]+)"/.exec(html)?.[1];
    const tables = [...html.matchAll(/<div class="mt"[^>]*>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    expect(tables[0]).not.toContain('data-sealed');
    expect(tables[0]).not.toContain('data-predicted-by');
    expect(tables[1]).toContain(`data-predicted-by="${predictId}"`);
    expect(tables[1]).toContain('data-sealed');
    expect(html).toContain('Totals are hidden until you answer the question above.');
  });

  it('reveals the table on the reader’s answer and marks the row that answers', async () => {
    const { ModelTable } = await import('../table/ModelTable');
    const { tableKit } = await import('../table/kit');
    const { fireEvent, render, screen } = await import('@testing-library/react');
    await preloadScenarios(['fib35-x4']);
    beginPage([]);
    const { container } = render(
      <>
        <Predict
          scenario="fib35-x4"
          model="threads"
          ask="makespan"
          question="How long do the four threads take?"
          choices="2.5 s, 5 s, 10 s"
        />
        <ModelTable scenario="fib35-x4" models="sequential threads processes" kit={tableKit} />
      </>,
    );
    const table = container.querySelector('.mt')!;
    expect(table.hasAttribute('data-sealed')).toBe(true);
    fireEvent.click(screen.getByLabelText('10 s'));
    fireEvent.click(screen.getByRole('button', { name: 'Check my guess' }));
    await screen.findByText(/^Right: 10 s\.$/);
    await vi.waitFor(() => expect(table.hasAttribute('data-sealed')).toBe(false));
    const marked = [...table.querySelectorAll('tr[data-answer]')].map((r) => r.querySelector('th')?.textContent);
    expect(marked).toEqual(['Threads (GIL)']);
    expect(document.activeElement?.className).toBe('predict-verdict');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(table.hasAttribute('data-sealed')).toBe(true));
    expect(table.querySelector('tr[data-answer]')).toBeNull();
  });
});
