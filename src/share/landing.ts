/**
 * Landing on the figure a link names: the page scrolls to it at once (its prerendered HTML is there before
 * anything hydrates) and again once its view is drawn. A link that names no figure of this page says so in
 * a notice at the top of the window, where the reader is (pageNotice.ts).
 */

/** The key of the figure the fragment names (`#tl.<key>=…`), as location.ts reads it (this file stands alone). */
function linkedKey(): string | null {
  try {
    for (const [name] of new URLSearchParams(location.hash.slice(1))) {
      if (name.startsWith('tl.') && name.length > 3) return name.slice(3);
    }
  } catch {
    // no address to read
  }
  return null;
}

/** The figure with that key on this page (its <figure data-figure>), if any. */
export function linkedFigure(key: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>('[data-figure]')) {
    if (el.dataset.figure === key) return el;
  }
  return null;
}

function scrollTo(el: HTMLElement): void {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'instant' });
}

/** Brings the page to the linked figure (if the address still names it or `key` is given). */
export function showLinkedFigure(key?: string): void {
  const k = key ?? linkedKey();
  const el = k === undefined || k === null ? null : linkedFigure(k);
  if (el) scrollTo(el);
}

/**
 * At page load: the figure the fragment names, scrolled to; null when the fragment names none, or names
 * one this page does not have (the reader is then told, and the fragment is left out of the address).
 */
export function landOnLink(): HTMLElement | null {
  const linked = linkedKey();
  if (linked === null) return null;
  const el = linkedFigure(linked);
  if (el) {
    scrollTo(el);
    return el;
  }
  void import('./pageNotice').then((m) =>
    m.pageNotice(
      `This link names a figure (“${linked.slice(0, 60)}”) that is not on this page, so it could not be shown. The page is as the article has it.`,
    ),
  );
  try {
    history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
  } catch {
    // an address that cannot be changed
  }
  return null;
}
