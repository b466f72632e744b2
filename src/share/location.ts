/**
 * Reading and writing a widget's view in the page's address and in local storage (see saved.ts for the
 * names). The address carries one figure, in its fragment: `#tl.<key>=<view>`, so that opening a link lands
 * on that figure (and the fragment never reaches a server). Links of the older form, a query parameter per
 * widget (`?tl.<key>=…`), are still read, and dropped from the address once the widget writes its own.
 * Everything tolerates being unavailable: reading gives null, writing reports whether it worked.
 */
import { paramName, storagePrefix } from './saved';

export const storageKey = (key: string) => `${storagePrefix()}${key}`;

/** The figure the address's fragment names, with its view, if it names one. */
export function readLinked(): { key: string; code: string } | null {
  try {
    for (const [name, code] of new URLSearchParams(location.hash.slice(1))) {
      if (name.startsWith('tl.') && name.length > 3) return { key: name.slice(3), code };
    }
  } catch {
    // no address to read (a sandboxed frame)
  }
  return null;
}

/** The view the address holds for one widget: in the fragment, else in the older query parameter. */
export function readParam(key: string): string | null {
  const linked = readLinked();
  if (linked?.key === key) return linked.code;
  try {
    return new URLSearchParams(location.search).get(paramName(key));
  } catch {
    return null;
  }
}

/**
 * Puts the widget's view in the fragment (no new history entry; the figure named there before gives way)
 * or, with null, takes it out (only if the fragment names this widget: another one's view stays).
 */
export function writeParam(key: string, value: string | null): void {
  try {
    const url = new URL(location.href);
    url.searchParams.delete(paramName(key));
    if (value !== null) url.hash = `${paramName(key)}=${value}`;
    else if (readLinked()?.key === key) url.hash = '';
    const href = url.hash ? url.href : url.href.replace(/#$/, '');
    if (href !== location.href) history.replaceState(history.state, '', href);
  } catch {
    // An address that cannot be changed (sandboxed frame): the view is simply not kept in it.
  }
}

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(storageKey(key));
  } catch {
    return null;
  }
}

/** false when the browser would not keep it (storage full, or turned off). */
export function writeStored(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(storageKey(key));
    else localStorage.setItem(storageKey(key), value);
    return true;
  } catch {
    return false;
  }
}
