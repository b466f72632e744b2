/**
 * Whether the page holds the span patterns once for all its figures (a hidden SVG the build writes beside
 * the app, outside the hydrated tree: PAGE_PATTERNS_ID). Inside a provider saying so, figures reference
 * those patterns and draw none of their own; elsewhere (the dev server, a test) each draws its own set.
 * Kept apart from patterns.tsx so that the page's entry does not carry the palette.
 */
import { createContext } from 'react';

export const PAGE_PATTERNS_ID = 'tl-patterns';

export const PatternsOnPage = createContext(false);

/**
 * On the server (the prerender writes the patterns beside the app) yes; in the browser, whether the page
 * arrived with them. Both agree on a built page, so its hydration renders what the server did.
 */
export function pageHasPatterns(): boolean {
  return typeof document === 'undefined' || document.getElementById(PAGE_PATTERNS_ID) !== null;
}
