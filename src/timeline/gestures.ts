/**
 * Scrubbing with the pointer: press anywhere on the chart or the axis to seek, drag the playhead or
 * anywhere else to scrub; on touch screens, tap to seek and drag the handle or the axis (a swipe elsewhere
 * still scrolls the page). Controls inside the element (buttons, inputs, links, [data-no-scrub]) are left
 * alone. Built on Pointer Events with pointer capture, so a scrub keeps following the pointer outside the
 * chart. Shift+drag with a mouse or pen picks a time range instead. A click or tap also reports what was
 * under it (`onClickAt`), so the widget can select the span there. API: `{ update(options), destroy() }`.
 */

export interface GestureOptions {
  /** Maps an x offset (px from the element's left edge) and the element's width to a time. */
  timeAt(x: number, width: number): number;
  onSeek(timeMs: number): void;
  onStart?(): void;
  onEnd?(): void;
  /** Shift+drag: the range from the press to the pointer; `done` on release. */
  onRange?(startMs: number, endMs: number, done: boolean): void;
  /** A click or tap at (x, y) px from the element's top-left corner. */
  onClickAt?(x: number, y: number): void;
}

export interface Gestures {
  update(options: GestureOptions): void;
  destroy(): void;
}

const CONTROLS = 'button, select, input, textarea, a, [data-no-scrub]';

/** Whether a press on `target` starts a scrub. */
export function startsScrub(target: Element | null, pointerType: string, button: number): boolean {
  if (target?.closest?.(CONTROLS)) return false;
  if (pointerType === 'touch') return !!target?.closest?.('[data-scrub-touch]');
  return button === 0;
}

export function createGestures(el: HTMLElement, options: GestureOptions): Gestures {
  let opts = options;
  let active: number | null = null;
  let rangeFrom: number | null = null;
  let lastRangeTo = 0;
  const timeAtClient = (clientX: number) => {
    const box = el.getBoundingClientRect();
    const width = box.width || el.clientWidth || 1;
    return opts.timeAt(Math.min(width, Math.max(0, clientX - box.left)), width);
  };
  const seekAt = (clientX: number) => opts.onSeek(timeAtClient(clientX));
  const end = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    active = null;
    if (el.hasPointerCapture?.(event.pointerId)) el.releasePointerCapture(event.pointerId);
    el.classList.remove('tl-scrubbing');
    if (rangeFrom !== null) {
      opts.onRange?.(rangeFrom, lastRangeTo, true);
      rangeFrom = null;
      return;
    }
    opts.onEnd?.();
  };
  const onDown = (event: PointerEvent) => {
    if (active !== null || !startsScrub(event.target as Element | null, event.pointerType, event.button)) return;
    active = event.pointerId;
    // Keep the browser from selecting text or starting a native drag while scrubbing.
    event.preventDefault();
    el.setPointerCapture?.(event.pointerId);
    if (event.shiftKey && event.pointerType !== 'touch' && opts.onRange) {
      rangeFrom = timeAtClient(event.clientX);
      lastRangeTo = rangeFrom;
      opts.onRange(rangeFrom, rangeFrom, false);
      return;
    }
    el.classList.add('tl-scrubbing');
    opts.onStart?.();
    seekAt(event.clientX);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    if (rangeFrom !== null) {
      lastRangeTo = timeAtClient(event.clientX);
      opts.onRange?.(rangeFrom, lastRangeTo, false);
      return;
    }
    seekAt(event.clientX);
  };
  // A tap or a click (including from assistive technology, which sends no pointer events) seeks.
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    if (event.defaultPrevented || target?.closest?.(`${CONTROLS}, [role="slider"]`)) return;
    if (event.shiftKey) return;
    seekAt(event.clientX);
    const box = el.getBoundingClientRect();
    opts.onClickAt?.(event.clientX - box.left, event.clientY - box.top);
  };
  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
  el.addEventListener('click', onClick);
  return {
    update(next) {
      opts = next;
    },
    destroy() {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', end);
      el.removeEventListener('pointercancel', end);
      el.removeEventListener('click', onClick);
    },
  };
}
