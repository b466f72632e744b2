/**
 * Reading and writing a widget's view in the page's address (`?tl.<key>=…`) and in local storage (see
 * saved.ts for the names). Both tolerate being unavailable: reading gives null, writing does nothing.
 */
import { paramName, storagePrefix } from './saved';

const storageKey = (key: string) => `${storagePrefix()}${key}`;

export function readParam(key: string): string | null {
  try {
    return new URLSearchParams(location.search).get(paramName(key));
  } catch {
    return null;
  }
}

/** Replaces the page's address (no new history entry); null removes the widget's parameter. */
export function writeParam(key: string, value: string | null): void {
  try {
    const url = new URL(location.href);
    if (value === null) url.searchParams.delete(paramName(key));
    else url.searchParams.set(paramName(key), value);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
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

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(storageKey(key));
    else localStorage.setItem(storageKey(key), value);
  } catch {
    // Storage full or disabled: edits then last as long as the page.
  }
}
