import { describe, expect, it, vi } from 'vitest';
import { createGestures } from './gestures';

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

  it('pressing the mouse starts a scrub and seeks (d3-drag)', () => {
    const el = plot();
    const onSeek = vi.fn();
    const onStart = vi.fn();
    createGestures(el, { timeAt: (x, w) => (x / w) * 1000, onSeek, onStart });
    el.dispatchEvent(
      new MouseEvent('mousedown', { clientX: 200, clientY: 10, bubbles: true, button: 0, view: window }),
    );
    expect(onStart).toHaveBeenCalled();
    expect(onSeek).toHaveBeenLastCalledWith(500);
    window.dispatchEvent(new MouseEvent('mouseup', { clientX: 200, bubbles: true, view: window }));
    el.remove();
  });
});
