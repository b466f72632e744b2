import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { hydrateWhenNear } from './hydrateWhenNear';
import { whenNear } from './whenNear';

/** An IntersectionObserver whose targets come into view when the test says so. */
function fakeObserver() {
  const callbacks: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = [];
  class Fake {
    constructor(cb: (entries: Array<{ isIntersecting: boolean }>) => void) {
      callbacks.push(cb);
    }
    observe() {}
    disconnect() {}
  }
  vi.stubGlobal('IntersectionObserver', Fake);
  return { scrollNear: () => callbacks.forEach((cb) => cb([{ isIntersecting: true }])), count: () => callbacks.length };
}

const Counter = ({ label }: { label: string }) => <button type="button">{label}</button>;

afterEach(() => vi.unstubAllGlobals());

describe('whenNear', () => {
  it('resolves at once without IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    await expect(whenNear(document.body)).resolves.toBeUndefined();
  });

  it('waits for the element to come near the viewport', async () => {
    const io = fakeObserver();
    let done = false;
    void whenNear(document.body).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    io.scrollNear();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});

describe('hydrateWhenNear', () => {
  it('keeps the server HTML until the reader scrolls near, then hydrates it without errors', async () => {
    const io = fakeObserver();
    const load = vi.fn(async () => Counter);
    const Near = hydrateWhenNear(null, load, 'island');
    const html = renderToString(
      <div className="island">
        <Suspense fallback={null}>
          <Counter label="Go" />
        </Suspense>
      </div>,
    );
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.append(root);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(root, <Near label="Go" />, { onRecoverableError: (e) => errors.push(e) });
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(load).not.toHaveBeenCalled();
    expect(root.querySelector('button')?.textContent).toBe('Go');
    expect(io.count()).toBe(1);
    await act(async () => {
      io.scrollNear();
      await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 10 });
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(errors).toEqual([]);
    root.remove();
  });

  it('renders the server implementation at once when given one', () => {
    const Near = hydrateWhenNear(Counter, async () => Counter, 'island');
    expect(renderToString(<Near label="Now" />)).toContain('Now');
  });
});
