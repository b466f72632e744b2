/**
 * Where widgets keep their views: the page's fragment names one widget and its view (`#tl.<key>=…`; the
 * older query form `?tl.<key>=…` is still read), and local storage holds an entry per page and widget.
 * `hasSavedViews` is the one check every page makes after hydration: it decides whether the code that
 * restores views is loaded at all. The schema validator that checks a saved workload is a chunk of its own
 * (loadValidator).
 */
export const paramName = (key: string) => `tl.${key}`;

export const storagePrefix = () => `interleave:edits:${location.pathname}:`;

export function hasSavedViews(): boolean {
  try {
    if (/^#(.*&)?tl\./.test(location.hash) || /[?&]tl\./.test(location.search)) return true;
    return Object.keys(localStorage).some((k) => k.startsWith(storagePrefix()));
  } catch {
    return false; // no storage (private mode, a sandbox): nothing saved there
  }
}
