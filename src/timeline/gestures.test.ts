import { describe, expect, it, vi } from 'vitest';
import { createGestures, startsScrub } from './gestures';

function plot() {
  const el = document.createElement('div');
  document.body.appendChild(el);
  el.getBoundingClientRect = () =>
    ({
      left: 100,
      top: 0,
      width: 200,
      height: 50,
      right: 300,
      bottom: 50,
      x: 100,
      y: 0,
      toJSON: () => ({}),
    }) as DOMRect;
  return el;
}

describe('createGestures', () => {
  it('a click anywhere on the chart seeks to the time under the pointer', () => {
    const el = plot();
    const onSeek = vi.fn();
    const g = createGestures(el, { timeAt: (x, w) => (x / w) * 1000, onSeek });
    el.dispatchEvent(new MouseEvent('click', { clientX: 150, bubbles: true }));
    expect(onSeek).toHaveBeenLastCalledWith(250);
    g.destroy();
    el.dispatchEvent(new MouseEvent('click', { clientX: 250, bubbles: true }));
    expect(onSeek).toHaveBeenCalledTimes(1);
    el.remove();
  });

  it('clicks on buttons inside the chart are left alone', () => {
    const el = plot();
    const button = document.createElement('button');
    el.appendChild(button);
    const onSeek = vi.fn();
    createGestures(el, { timeAt: (x) => x, onSeek });
    button.dispatchEvent(new MouseEvent('click', { clientX: 150, bubbles: true }));
    expect(onSeek).not.toHaveBeenCalled();
    el.remove();
  });

  it('pressing the mouse starts a scrub that follows the pointer until release', () => {
    const el = plot();
    const onSeek = vi.fn();
    const onStart = vi.fn();
    const onEnd = vi.fn();
    createGestures(el, { timeAt: (x, w) => (x / w) * 1000, onSeek, onStart, onEnd });
    const at = (type: string, clientX: number, extra: PointerEventInit = {}) =>
      el.dispatchEvent(
        new PointerEvent(type, { clientX, pointerId: 1, pointerType: 'mouse', button: 0, bubbles: true, ...extra }),
      );
    at('pointerdown', 200);
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onSeek).toHaveBeenLastCalledWith(500);
    expect(el.classList.contains('tl-scrubbing')).toBe(true);
    at('pointermove', 150);
    expect(onSeek).toHaveBeenLastCalledWith(250);
    at('pointermove', 500);
    expect(onSeek).toHaveBeenLastCalledWith(1000);
    at('pointerup', 500);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(el.classList.contains('tl-scrubbing')).toBe(false);
    at('pointermove', 120);
    expect(onSeek).toHaveBeenCalledTimes(3);
    el.remove();
  });

  it('ignores other pointers, right clicks and presses on controls while idle', () => {
    const el = plot();
    const onSeek = vi.fn();
    createGestures(el, { timeAt: (x) => x, onSeek });
    el.dispatchEvent(new PointerEvent('pointerdown', { clientX: 150, pointerId: 1, button: 2, bubbles: true }));
    el.dispatchEvent(new PointerEvent('pointermove', { clientX: 160, pointerId: 1, bubbles: true }));
    expect(onSeek).not.toHaveBeenCalled();
    el.remove();
  });
});

describe('startsScrub', () => {
  it('a mouse press with the main button on the chart scrubs; on a control it does not', () => {
    const el = plot();
    const button = document.createElement('button');
    el.appendChild(button);
    expect(startsScrub(el, 'mouse', 0)).toBe(true);
    expect(startsScrub(el, 'mouse', 2)).toBe(false);
    expect(startsScrub(button, 'mouse', 0)).toBe(false);
    el.remove();
  });

  it('touch scrubs only from the handle or the axis, so a swipe over the chart scrolls the page', () => {
    const el = plot();
    const axis = document.createElement('div');
    axis.setAttribute('data-scrub-touch', '');
    el.appendChild(axis);
    expect(startsScrub(el, 'touch', 0)).toBe(false);
    expect(startsScrub(axis, 'touch', 0)).toBe(true);
    el.remove();
  });
});
