import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { ZoomTo } from './ZoomTo';
import { presetWindow, scrollDelta } from './zoomPreset';
import { listenForWindows, useWindowRequests } from '../timeline/windowRequests';
import { whenWoken } from '../near/intent';
import { createTimelineStore, type TimelineStore } from '../../store/timelineStore';
import { placeFigure } from '../../store/placement';
import { threadsTwo } from '../../timeline/testing/traces';
import type { ViewWindow } from '../../timeline/viewWindow';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A prerendered figure on the page, optionally inside an island still waiting to hydrate. */
function figureOnPage(key: string, island = false): HTMLElement {
  const figure = document.createElement('figure');
  figure.dataset.figure = key;
  figure.innerHTML = '<p class="tl-window-line">Showing all</p><div class="tl-plot"></div>';
  if (!island) return document.body.appendChild(figure);
  const wrap = document.createElement('div');
  wrap.setAttribute('data-island', '');
  wrap.appendChild(figure);
  document.body.appendChild(wrap);
  return wrap;
}

describe('presetWindow', () => {
  it('reads numbers or numeric strings', () => {
    expect(presetWindow({ figure: 'f', startMs: 0, endMs: 30 })).toEqual({
      ok: true,
      window: { startMs: 0, endMs: 30 },
    });
    expect(presetWindow({ figure: 'f', startMs: '940.47', endMs: '940.5' })).toEqual({
      ok: true,
      window: { startMs: 940.47, endMs: 940.5 },
    });
  });

  it('refuses a window that ends before it starts, times that are not numbers, and no figure', () => {
    expect(presetWindow({ figure: 'f', startMs: 30, endMs: 30 }).ok).toBe(false);
    expect(presetWindow({ figure: 'f', startMs: 'soon', endMs: 30 }).ok).toBe(false);
    expect(presetWindow({ figure: 'f', startMs: -5, endMs: 30 }).ok).toBe(false);
    expect(presetWindow({ figure: '', startMs: 0, endMs: 30 }).ok).toBe(false);
  });
});

describe('scrollDelta', () => {
  it('does not scroll when the chart is in view below the header', () => {
    expect(scrollDelta({ top: 100, bottom: 500 }, 900, 60)).toBe(0);
  });

  it('centres a chart below the viewport in the space under the header', () => {
    // 400 px tall, space from 72 to 888 (816 px): its top goes to 72 + 208 = 280.
    expect(scrollDelta({ top: 1500, bottom: 1900 }, 900, 60)).toBe(1500 - 280);
  });

  it('centres one above, scrolling up', () => {
    expect(scrollDelta({ top: -700, bottom: -300 }, 900, 60)).toBe(-700 - 280);
  });

  it('shows the top of a chart taller than the space', () => {
    expect(scrollDelta({ top: 1200, bottom: 2400 }, 900, 60)).toBe(1200 - 72);
  });
});

describe('<ZoomTo>', () => {
  it('is plain text on the server (and without JavaScript)', () => {
    const html = renderToString(
      <ZoomTo figure="counters" startMs={0} endMs={30}>
        look at the first 30 ms
      </ZoomTo>,
    );
    expect(html).not.toContain('<button');
    expect(html).toContain('look at the first 30 ms');
  });

  it('becomes a button named by its words once the page is live', () => {
    render(
      <ZoomTo figure="counters" startMs={0} endMs={30}>
        look at the first 30 ms
      </ZoomTo>,
    );
    expect(screen.getByRole('button', { name: 'look at the first 30 ms' })).toBeInTheDocument();
  });

  it('asks the named figure for the window', async () => {
    figureOnPage('counters');
    const got: ViewWindow[] = [];
    const stop = listenForWindows('counters', (w) => got.push(w));
    render(
      <ZoomTo figure="counters" startMs={20} endMs={50}>
        zoom in
      </ZoomTo>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'zoom in' }));
    stop();
    expect(got).toEqual([{ startMs: 20, endMs: 50 }]);
    // Said to a screen reader, since the figure may be far from the words.
    expect(screen.getByText('The figure now shows 20.0 ms – 50.0 ms.')).toHaveAttribute('aria-live', 'polite');
  });

  it('wakes a figure that has not hydrated, which takes up the request once it listens', async () => {
    const island = figureOnPage('aio-busy-main', true);
    let woken = false;
    void whenWoken(island).then(() => (woken = true));
    render(
      <ZoomTo figure="aio-busy-main" startMs={940.47} endMs={940.5}>
        the moment main awaits
      </ZoomTo>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'the moment main awaits' }));
    await Promise.resolve();
    expect(woken).toBe(true);
    // Hydrated later: the request is still there.
    const got: ViewWindow[] = [];
    const stop = listenForWindows('aio-busy-main', (w) => got.push(w));
    stop();
    expect(got).toEqual([{ startMs: 940.47, endMs: 940.5 }]);
  });
});

describe('useWindowRequests', () => {
  function Figure({ store }: { store: TimelineStore }) {
    useWindowRequests(store);
    return null;
  }

  it('a figure mounting with a request waiting shows that window (at once with reduced motion)', async () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    placeFigure(store, 'uid-zoom-test', { id: 'zoom-test' });
    store.getState().setReducedMotion(true);
    figureOnPage('zoom-test');
    render(
      <ZoomTo figure="zoom-test" startMs={6} endMs={16}>
        two slices
      </ZoomTo>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'two slices' }));
    expect(store.getState().viewStartMs).toBe(0);
    render(<Figure store={store} />);
    expect(store.getState().viewStartMs).toBe(6);
    expect(store.getState().viewEndMs).toBe(16);
    // Asked again while mounted: follows at once too.
    await act(async () => screen.getByRole('button', { name: 'two slices' }).click());
    expect(store.getState().viewEndMs).toBe(16);
  });

  it('animates over frames without reduced motion, ending exactly on the window', async () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    placeFigure(store, 'uid-zoom-anim', { id: 'zoom-anim' });
    figureOnPage('zoom-anim');
    render(<Figure store={store} />);
    render(
      <ZoomTo figure="zoom-anim" startMs={6} endMs={16}>
        animate
      </ZoomTo>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'animate' }));
    // Not there at once…
    expect(store.getState().viewEndMs).not.toBe(16);
    // …but after the 400 ms move.
    await act(() => new Promise((r) => setTimeout(r, 600)));
    expect(store.getState().viewStartMs).toBe(6);
    expect(store.getState().viewEndMs).toBe(16);
  });

  it('moves a playhead that has not reached the window to its end, so the window is drawn, and pauses', async () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    placeFigure(store, 'uid-zoom-seek', { id: 'zoom-seek' });
    store.getState().setReducedMotion(true);
    store.getState().seek(0);
    store.getState().play();
    figureOnPage('zoom-seek');
    render(<Figure store={store} />);
    render(
      <ZoomTo figure="zoom-seek" startMs={6} endMs={16}>
        reveal
      </ZoomTo>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'reveal' }));
    await act(() => Promise.resolve());
    expect(store.getState().playing).toBe(false);
    expect(store.getState().timeMs).toBe(16);
    expect([store.getState().viewStartMs, store.getState().viewEndMs]).toEqual([6, 16]);
  });
});
