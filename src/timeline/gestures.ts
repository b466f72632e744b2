/**
 * Scrubbing with the pointer: press anywhere on the chart or the axis to seek, drag the playhead or
 * anywhere else to scrub; on touch screens, tap to seek and drag the handle or the axis (a swipe elsewhere
 * still scrolls the page). Controls inside the element (buttons, inputs, links, [data-no-scrub]) are left
 * alone. Built on Pointer Events with pointer capture, so a scrub keeps following the pointer outside the
 * chart. API: `{ update(options), destroy() }`.
 */

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
  const seekAt = (clientX: number) => {
    const box = el.getBoundingClientRect();
    const width = box.width || el.clientWidth || 1;
    opts.onSeek(opts.timeAt(Math.min(width, Math.max(0, clientX - box.left)), width));
  };
  const end = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    active = null;
    if (el.hasPointerCapture?.(event.pointerId)) el.releasePointerCapture(event.pointerId);
    el.classList.remove('tl-scrubbing');
    opts.onEnd?.();
  };
  const onDown = (event: PointerEvent) => {
    if (active !== null || !startsScrub(event.target as Element | null, event.pointerType, event.button)) return;
    active = event.pointerId;
    // Keep the browser from selecting text or starting a native drag while scrubbing.
    event.preventDefault();
    el.setPointerCapture?.(event.pointerId);
    el.classList.add('tl-scrubbing');
    opts.onStart?.();
    seekAt(event.clientX);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerId === active) seekAt(event.clientX);
  };
  // A tap or a click (including from assistive technology, which sends no pointer events) seeks.
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    if (event.defaultPrevented || target?.closest?.(`${CONTROLS}, [role="slider"]`)) return;
    seekAt(event.clientX);
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
