/**
 * Resolves once an element comes within one screen height of the viewport, so code that only makes a
 * prerendered widget interactive can wait until the reader scrolls towards it. Where IntersectionObserver is
 * missing it resolves at once.
 *
 * While a page opened from a shared link restores its linked figure, the figures near it wait (`holdNear`):
 * the linked one is hydrated, simulated and drawn first, without sharing the main thread with its
 * neighbours. A figure the reader reaches for (intent.ts) never waits.
 */
let hold: Promise<void> | null = null;

let scrolled: Promise<void> | null = null;

/**
 * Resolves once the page has scrolled since it loaded (the reader scrolled, or the page moved to a linked
 * place), so that widgets waiting for it load no code before the reader does something. Where there is no
 * window (the server, some tests) it resolves at once.
 */
export function whenScrolled(): Promise<void> {
  if (scrolled) return scrolled;
  if (typeof window === 'undefined') return Promise.resolve();
  scrolled = new Promise((resolve) => {
    if (window.scrollY > 0) return resolve();
    window.addEventListener('scroll', () => resolve(), { once: true, passive: true });
  });
  return scrolled;
}

export function holdNear(until: Promise<unknown>, maxMs = 1500): void {
  const held: Promise<void> = Promise.race([
    until.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, maxMs)),
  ]).then(() => {
    if (hold === held) hold = null;
  });
  hold = held;
}

export function whenNear(el: Element, margin = '100% 0px'): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          if (hold) void hold.then(resolve);
          else resolve();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(el);
  });
}
