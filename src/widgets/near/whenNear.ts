/**
 * Resolves once an element comes within one screen height of the viewport, so code that only makes a
 * prerendered widget interactive can wait until the reader scrolls towards it. Where IntersectionObserver is
 * missing it resolves at once.
 */
export function whenNear(el: Element, margin = '100% 0px'): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          resolve();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(el);
  });
}
