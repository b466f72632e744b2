import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { SimulationError } from '../../sim';
import { Timeline, parseModels, prepareTimeline, sequentialMakespan } from './Timeline';
import { loadScenario, preloadScenarios, scenarioIds } from '../../content/scenarios';
import { simulate } from '../../sim';
import { TimelineErrorBoundary } from './ErrorBoundary';

beforeAll(() => preloadScenarios(scenarioIds()));

describe('Timeline errors', () => {
  it('an unknown scenario id shows an alert in place and the rest of the article keeps working', () => {
    render(
      <article>
        <p>Before</p>
        <Timeline scenario="no-such-scenario" />
        <p>After</p>
      </article>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('no-such-scenario');
    expect(alert).toHaveTextContent('No scenario named');
    expect(screen.getByText('After')).toBeInTheDocument();
  });

  it('an unknown model shows an alert naming it', () => {
    render(<Timeline scenario="three-sleeps" models="sequential greenlets" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown model "greenlets"');
  });

  it('a SimulationError becomes a message, not a crash', () => {
    const p = prepareTimeline({ scenario: 'three-sleeps' }, () => {
      throw new SimulationError('cores must be an integer ≥ 1 (got 0)');
    });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain('cores must be an integer');
  });

  it('the error boundary turns a render error into an alert', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Boom = () => {
      throw new Error('kaput');
    };
    render(
      <TimelineErrorBoundary scenario="x">
        <Boom />
      </TimelineErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('kaput');
    spy.mockRestore();
  });

  it('parseModels accepts the default list and rejects unknown ids', () => {
    expect(parseModels(undefined)).toEqual({ ok: true, models: ['sequential', 'asyncio', 'threads', 'processes'] });
    expect(parseModels('threads  free-threading').ok).toBe(true);
    expect(parseModels('fibers').ok).toBe(false);
  });
});

describe('sequentialMakespan', () => {
  it('equals the simulated sequential makespan for every small scenario of independent tasks', () => {
    let checked = 0;
    for (const id of scenarioIds()) {
      const l = loadScenario(id);
      if (!l.ok) throw new Error(l.error);
      if (id.includes('10k')) continue;
      const shortcut = sequentialMakespan(l.scenario);
      if (shortcut === null) continue;
      checked++;
      expect(shortcut).toBeCloseTo(simulate(l.scenario, 'sequential').makespanMs, 6);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('declines scenarios with coordination or late arrivals, so the sequential run is simulated', () => {
    for (const id of ['coord-lost-update-lock', 'coord-bounded-queue', 'serve-every-20ms']) {
      const l = loadScenario(id);
      if (!l.ok) throw new Error(l.error);
      expect(sequentialMakespan(l.scenario)).toBeNull();
    }
  });
});

describe('Timeline with real scenarios', () => {
  it('renderToString of three-sleeps: figure, figcaption, spans, slider at the end', () => {
    const html = renderToString(
      <Timeline scenario="three-sleeps" models="sequential asyncio" caption="Three sleeps" />,
    );
    expect(html).toMatch(/^<figure/);
    expect(html).toContain('<figcaption class="tl-caption">Three sleeps</figcaption>');
    expect(html).toContain('tl-s tl-s--io');
    expect(html).toContain('role="slider"');
    expect(html).toContain('aria-valuemax="6000"');
    expect(html).toContain('aria-valuenow="6000"');
    expect(html).toContain('aria-valuetext="6.00 s"');
    expect(html).toMatch(/2\.0× faster than sequential/);
  });

  it('view="worker" starts with worker lanes (the event loop under asyncio)', () => {
    const { container } = render(<Timeline scenario="three-sleeps" models="asyncio" view="worker" />);
    expect(screen.getByRole('radio', { name: 'By worker' })).toBeChecked();
    const labels = Array.from(container.querySelectorAll('.tl-lane-label')).map((n) => n.textContent);
    expect(labels[0]).toMatch(/event loop/);
  });

  it('gil-two-counters under threads has a GIL lane with hand-offs', () => {
    render(<Timeline scenario="gil-two-counters" models="threads" />);
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent('GIL hand-off');
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent('waiting for the GIL');
  });

  it('hydrates the server HTML without a mismatch', async () => {
    const el = document.createElement('div');
    el.innerHTML = renderToString(<Timeline scenario="mixed-cpu-io" />);
    document.body.appendChild(el);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(el, <Timeline scenario="mixed-cpu-io" />, { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    expect(el.querySelector('[role="slider"]')).toHaveAttribute(
      'aria-valuenow',
      el.querySelector('[role="slider"]')!.getAttribute('aria-valuemax')!,
    );
    el.remove();
  });

  it('the ten-thousand-download scenario prerenders under 300 KB, labelled "10 000 tasks"', () => {
    const html = renderToString(<Timeline scenario="asyncio-10k-downloads" models="asyncio threads" />);
    expect(html.length).toBeLessThan(300_000);
    expect(html).toContain('10\u00a0000 tasks');
    expect(html).toContain('Summary of');
  }, 20_000);
});
