/**
 * Scrubbing with the pointer (d3-drag): press anywhere on the chart or the axis to seek, drag the
 * playhead or anywhere else to scrub; on touch screens, tap to seek and drag the handle or axis. Controls inside the element (buttons, inputs, [data-no-scrub])
 * are left alone. API: `{ update(options), destroy() }`.
 */
import { drag, type D3DragEvent } from 'd3-drag';
import { select } from 'd3-selection';

export interface GestureOptions {
  /** Maps an x offset (px from the element's left edge) and the element's width to a time. */
  timeAt(x: number, width: number): number;
  onSeek(timeMs: number): void;
  onStart?(): void;
  onEnd?(): void;
}

export interface Gestures {
  update(options: GestureOptions): void;
  destroy(): void;
}

export function createGestures(el: HTMLElement, options: GestureOptions): Gestures {
  let opts = options;
  const seek = (x: number) => {
    const width = el.getBoundingClientRect().width || el.clientWidth || 1;
    opts.onSeek(opts.timeAt(Math.min(width, Math.max(0, x)), width));
  };
  const behaviour = drag<HTMLElement, unknown>()
    .container(el)
    .filter((event: MouseEvent | TouchEvent) => {
      const target = event.target as Element | null;
      if (target?.closest?.('button, select, input, a, [data-no-scrub]')) return false;
      // On touch screens a swipe over the chart must still scroll the page: touch drags only
      // from the playhead handle or the axis (taps anywhere seek through the click handler).
      if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
        return !!target?.closest?.('[data-scrub-touch]');
      }
      return !('button' in event) || event.button === 0;
    })
    .on('start', (event: D3DragEvent<HTMLElement, unknown, unknown>) => {
      el.classList.add('tl-scrubbing');
      opts.onStart?.();
      seek(event.x);
    })
    .on('drag', (event: D3DragEvent<HTMLElement, unknown, unknown>) => seek(event.x))
    .on('end', () => {
      el.classList.remove('tl-scrubbing');
      opts.onEnd?.();
    });
  const selection = select(el).call(behaviour);
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    if (event.defaultPrevented || target?.closest?.('button, select, input, a, [data-no-scrub], [role="slider"]'))
      return;
    seek(event.clientX - el.getBoundingClientRect().left);
  };
  el.addEventListener('click', onClick);
  return {
    update(next) {
      opts = next;
    },
    destroy() {
      selection.on('.drag', null);
      el.removeEventListener('click', onClick);
    },
  };
}
