import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { createTimelineStore } from '../../store/timelineStore';
import { TimelineView } from './TimelineView';
import { manyDownloads, sequentialTwo, threadsTwo, threeSleeps } from '../../timeline/testing/traces';
import type { Trace } from '../../sim/types';

function setup(traces: Trace[] = [sequentialTwo(), threadsTwo()]) {
  const store = createTimelineStore({ models: traces.map((t) => t.model), traces });
  const utils = render(<TimelineView store={store} caption="Two counters" />);
  return { store, ...utils };
}

describe('TimelineView slider', () => {
  it('has the contract attributes: name "Time", min 0, max = longest makespan, now at the end, readable text', () => {
    setup();
    const slider = screen.getByRole('slider', { name: /Time/ });
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', '42');
    expect(slider).toHaveAttribute('aria-valuenow', '42');
    expect(slider).toHaveAttribute('aria-valuetext', '42.0 ms');
    expect(slider).toHaveAttribute('tabindex', '0');
  });

  it('ArrowRight moves 1 %, PageUp 10 %, Home and End go to the ends', async () => {
    const user = userEvent.setup();
    setup();
    const slider = screen.getByRole('slider', { name: /Time/ });
    slider.focus();
    await user.keyboard('{Home}');
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    await user.keyboard('{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuenow', '0.42');
    await user.keyboard('{PageUp}');
    expect(slider).toHaveAttribute('aria-valuenow', '4.62');
    await user.keyboard('{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuenow', '4.2');
    await user.keyboard('{PageDown}');
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    await user.keyboard('{End}');
    expect(slider).toHaveAttribute('aria-valuenow', '42');
    expect(slider).toHaveAttribute('aria-valuetext', '42.0 ms');
  });
});

describe('TimelineView buttons', () => {
  it('Play toggles to Pause and back', async () => {
    const user = userEvent.setup();
    const { store } = setup();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(store.getState().playing).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('Step forward moves to the next event time; Step back to the previous', async () => {
    const user = userEvent.setup();
    setup([threadsTwo()]);
    await user.click(screen.getByRole('button', { name: 'Jump to start' }));
    const slider = screen.getByRole('slider', { name: /Time/ });
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(slider).toHaveAttribute('aria-valuenow', '6');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(slider).toHaveAttribute('aria-valuenow', '11');
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(slider).toHaveAttribute('aria-valuenow', '6');
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(slider).toHaveAttribute('aria-valuenow', '42');
  });

  it('has a labelled speed select and a loop toggle with aria-pressed', async () => {
    const user = userEvent.setup();
    const { store } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '4');
    expect(store.getState().speed).toBe(4);
    const loop = screen.getByRole('button', { name: 'Loop' });
    expect(loop).toHaveAttribute('aria-pressed', 'false');
    await user.click(loop);
    expect(loop).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('TimelineView lanes', () => {
  it('the view toggle switches from task lanes to worker lanes', async () => {
    const user = userEvent.setup();
    const { container } = setup([threadsTwo()]);
    const labels = () => Array.from(container.querySelectorAll('.tl-lane-label')).map((n) => n.textContent);
    expect(labels()).toEqual(['GIL', 'A', 'B']);
    await user.click(screen.getByRole('radio', { name: 'By worker' }));
    expect(labels()).toEqual(['GIL', 'Thread-1', 'Thread-2', 'Core 0', 'Core 1']);
  });

  it('shows each band with its total and speed-up against sequential', () => {
    const { container } = setup();
    const headers = Array.from(container.querySelectorAll('.tl-band-header')).map((n) => n.textContent);
    expect(headers[0]).toContain('40.0 ms');
    expect(headers[1]).toContain('Threads (GIL)');
    expect(headers[1]).toContain('1.1× slower than sequential');
  });

  it('shows a legend with only the states present', () => {
    setup([threeSleeps()]);
    const legend = screen.getByRole('list', { name: 'Legend' });
    const items = within(legend)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['running Python', 'waiting on I/O', 'waiting for the loop']);
  });

  it('shows a tooltip naming task, state, start and end when a span gets keyboard focus', () => {
    const { container } = setup([sequentialTwo()]);
    const first = container.querySelector<SVGRectElement>('rect[data-s][tabindex="0"]')!;
    act(() => first.focus());
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('A');
    expect(tip).toHaveTextContent('running Python');
    expect(tip).toHaveTextContent('0 s → 20.0 ms');
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(screen.getByRole('tooltip')).toHaveTextContent('waiting for a worker');
  });
});

describe('TimelineView motion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('with prefers-reduced-motion: reduce, nothing moves on its own and the playhead stays at the end', () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q.includes('reduce'),
      media: q,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const { store } = setup([threadsTwo()]);
    expect(store.getState()).toMatchObject({ reducedMotion: true, playing: false, timeMs: 42 });
    expect(screen.getByRole('slider', { name: /Time/ })).toHaveAttribute('aria-valuenow', '42');
  });

  it('during playback the live narration changes only when what happens changes', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const { store, container } = setup([threeSleeps()]);
    const live = container.querySelector('[aria-live="polite"]')!;
    act(() => store.getState().seek(100));
    act(() => store.getState().play());
    const seen = new Set<string>();
    let now = 0;
    for (let i = 0; i < 30 && frames.length; i++) {
      act(() => frames.shift()!((now += 16)));
      seen.add(live.textContent ?? '');
    }
    expect(store.getState().timeMs).toBeGreaterThan(100);
    // Thirty frames of "all three wait on I/O": one sentence, not thirty.
    expect(seen.size).toBe(1);
  });
});

describe('TimelineView large traces', () => {
  it('draws 3 000 tasks on a canvas, loaded after mount, that is keyboard-inspectable', async () => {
    const { container } = setup([manyDownloads(3000)]);
    expect(container.querySelector('canvas')).toBeNull();
    const canvas = await waitFor(() => {
      const c = container.querySelector('canvas');
      if (!c) throw new Error('no canvas yet');
      return c;
    });
    await act(async () => {}); // the canvas's mount effects, as a browser runs them before any focus
    expect(canvas).toHaveAttribute('tabindex', '0');
    expect(container.querySelector('.tl-group-label')).toHaveTextContent('3000 tasks');
    act(() => canvas.focus());
    const before = screen.getByRole('tooltip').textContent;
    expect(before).toMatch(/→/);
    fireEvent.keyDown(canvas, { key: 'ArrowLeft' });
    expect(screen.getByRole('tooltip').textContent).not.toBe(before);
  });
});

describe('TimelineView span focus', () => {
  it('keeps exactly one span tab stop after moving focus and switching lanes', async () => {
    const user = userEvent.setup();
    const { container } = setup([threadsTwo()]);
    const first = container.querySelector<SVGRectElement>('rect[data-s][tabindex="0"]')!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(container.querySelectorAll('rect[data-s][tabindex="0"]')).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: 'By worker' }));
    await user.click(screen.getByRole('radio', { name: 'By task' }));
    expect(container.querySelectorAll('rect[data-s][tabindex="0"]')).toHaveLength(1);
  });
});

describe('TimelineView readouts and narration', () => {
  it('readouts and narration follow the playhead', async () => {
    const { store, container } = setup([threadsTwo()]);
    act(() => store.getState().seek(7));
    expect(container.querySelector('.tl-readouts tbody')).toHaveTextContent('0 / 2');
    expect(container.querySelector('.tl-running')).toHaveTextContent('B');
    await act(() => new Promise((r) => setTimeout(r, 300)));
    const live = container.querySelector('[aria-live="polite"]');
    expect(live).toHaveTextContent('7.00 ms — A waits for the GIL; B runs');
  });

  it('the event log lists events with times once opened', async () => {
    const { container } = setup([threadsTwo()]);
    const log = container.querySelector<HTMLDetailsElement>('details.tl-log')!;
    expect(log.querySelector('summary')).toHaveTextContent('Event log');
    act(() => {
      log.open = true;
      fireEvent(log, new Event('toggle'));
    });
    await waitFor(() => expect(log).toHaveTextContent('GIL passes from A to B'));
  });
});

describe('TimelineView server render', () => {
  it('renderToString gives a figure with figcaption, spans and the slider at the end', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    const html = renderToString(<TimelineView store={store} caption="Two counters" />);
    expect(html).toMatch(/^<figure/);
    expect(html).toContain('<figcaption');
    expect(html).toContain('Two counters');
    expect(html).toMatch(/class="tl-s tl-s--running"/);
    expect(html).toContain('role="slider"');
    expect(html).toContain('aria-valuenow="42"');
    expect(html).toContain('aria-valuemax="42"');
  });

  it('hydrates without a mismatch', async () => {
    const make = () =>
      createTimelineStore({ models: ['sequential', 'threads'], traces: [sequentialTwo(), threadsTwo()] });
    const html = renderToString(<TimelineView store={make()} caption="x" />);
    const el = document.createElement('div');
    el.innerHTML = html;
    document.body.appendChild(el);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(el, <TimelineView store={make()} caption="x" />, { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    el.remove();
  });

  it('sends the toolbar without its tooltips, every button named, and adds them once hydrated', async () => {
    const make = () =>
      createTimelineStore({ models: ['sequential', 'threads'], traces: [sequentialTwo(), threadsTwo()] });
    const html = renderToString(<TimelineView store={make()} caption="x" />);
    const el = document.createElement('div');
    el.innerHTML = html;
    const toolbar = () => el.querySelector('.tl-controls')!;
    expect(toolbar().querySelectorAll('[title]')).toHaveLength(0);
    for (const b of toolbar().querySelectorAll('button')) {
      expect(b.getAttribute('aria-label') || b.textContent?.trim()).toBeTruthy();
    }
    expect(toolbar().querySelector('button[aria-label="Jump to start"]')).not.toBeNull();
    document.body.appendChild(el);
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await act(async () => {
      hydrateRoot(el, <TimelineView store={make()} caption="x" />, { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    const title = (name: string) => toolbar().querySelector(`button[aria-label="${name}"]`)?.getAttribute('title');
    expect(title('Jump to start')).toBe('Jump to start');
    expect(title('Step back')).toBe('Step back to the previous event');
    expect(title('Play')).toBe('Play');
    expect(title('Zoom in')).toBe('Zoom in (+ or W)');
    expect(title('Fit')).toBe('Show the whole run (0)');
    expect(toolbar().querySelector('.tl-more')).toHaveAttribute('title', 'Speed, loop, lanes, link and export');
    expect(toolbar().querySelector('.tl-overview')).toHaveAttribute('title', 'The whole run: drag the window to pan');
    el.remove();
  });

  it('a large (canvas) trace hydrates without a mismatch, then switches to the canvas', async () => {
    const make = () => createTimelineStore({ models: ['asyncio'], traces: [manyDownloads(3000)] });
    const el = document.createElement('div');
    el.innerHTML = renderToString(<TimelineView store={make()} caption="x" />);
    expect(el.querySelector('canvas')).toBeNull();
    document.body.appendChild(el);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(el, <TimelineView store={make()} caption="x" />, { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    expect(el.querySelector('canvas')).not.toBeNull();
    el.remove();
  });

  it('a 10 000-task trace renders a compact summary under 300 KB', () => {
    const store = createTimelineStore({ models: ['asyncio'], traces: [manyDownloads(10000)] });
    const html = renderToString(<TimelineView store={store} caption="Ten thousand downloads" />);
    expect(html.length).toBeLessThan(300_000);
    expect(html).toContain('10\u00a0000 tasks');
    expect(html).toContain('role="slider"');
  });
});
