/**
 * Size budgets, checked on every build: the JavaScript any one page loads and the site's CSS, gzipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The target: at most 110 KB per page before the reader acts. Pages with timelines whose numbers are bound to
 * the prose (Knob, Result) hydrate those timelines at load and now exceed it; the build fails only past the
 * ceiling, and prints every page over the target so the gap stays in sight.
 */
export const JS_TARGET_KB = 110;
export const JS_BUDGET_KB = 160;
export const CSS_BUDGET_KB = 20;

const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function closure(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const k of chunk.imports ?? []) closure(manifest, k, seen);
  return seen;
}

/**
 * Tags whose code is a chunk of its own, fetched while the page hydrates when the page uses the tag (see
 * src/widgets/guide/index.tsx and src/widgets/knob/lazy.tsx). <ModelTable> is not among them: its chunk
 * loads when the reader scrolls near a table (src/widgets/near/hydrateWhenNear.tsx), like the Canvas
 * renderer of large traces, and counts with what loads on demand; tests/e2e/budget.spec.ts checks in
 * Chromium that a page loads no more than this count before the reader scrolls.
 */
const TAG_CHUNKS = {
  DecisionGuide: ['src/widgets/guide/DecisionGuide.tsx'],
  Knob: ['src/widgets/knob/tags.ts'],
  Result: ['src/widgets/knob/tags.ts'],
  // The Playground's editor (the workbench chunk) loads when the reader reaches for it.
  Playground: ['src/widgets/knob/tags.ts'],
};

/**
 * The manifest keys of every chunk a page loads before it is interactive: the entry and, on pages with
 * content, the page's MDX, the widget registry and the page's details (which carry its scenarios), each
 * with what it imports, and the chunks of the tags it uses that load on their own.
 */
export function pageChunkKeys(manifest, page) {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const keys = closure(manifest, entry);
  if (page.kind === 'home') {
    closure(manifest, 'src/site/pages/Home.tsx', keys);
    closure(manifest, 'virtual:article-summaries', keys);
  }
  if (page.kind === 'not-found') closure(manifest, 'src/site/pages/NotFound.tsx', keys);
  if (page.file) {
    closure(manifest, page.file, keys);
    const registry = Object.keys(manifest).find((k) => k.endsWith('src/widgets/registry.tsx'));
    if (registry) closure(manifest, registry, keys);
    closure(manifest, `virtual:article-details/${page.path.replace(/\//g, '')}`, keys);
    for (const tag of page.widgets ?? []) for (const key of TAG_CHUNKS[tag] ?? []) closure(manifest, key, keys);
  }
  return keys;
}

/**
 * Chunks a content page may load later, on a reader's action or for a large trace (the Canvas renderer,
 * the editor…): dynamic imports reachable from what it loads, other than scenarios.
 */
export function onDemandKeys(manifest, loaded) {
  const later = new Set();
  for (const key of loaded) {
    for (const k of manifest[key].dynamicImports ?? []) {
      const perPage =
        k.startsWith('virtual:scenario/') ||
        k.startsWith('virtual:article-details/') ||
        k === 'virtual:article-summaries' ||
        k.startsWith('src/site/pages/');
      if (!perPage && !loaded.has(k) && !k.endsWith('.mdx') && !k.endsWith('registry.tsx')) {
        closure(manifest, k, later);
      }
    }
  }
  for (const k of loaded) later.delete(k);
  return later;
}

/** Prints one line per page and returns false when a budget is exceeded. */
export function checkBudgets({ dist, manifest, pages }) {
  let ok = true;
  console.log(
    `Budgets (gzip): JavaScript per page ≤ ${JS_BUDGET_KB} KB (target ${JS_TARGET_KB} KB), CSS ≤ ${CSS_BUDGET_KB} KB`,
  );
  for (const page of pages) {
    const keys = pageChunkKeys(manifest, page);
    const size = (set) => [...set].reduce((sum, k) => sum + gzipKb(join(dist, manifest[k].file)), 0);
    const kb = size(keys);
    const later = page.file ? size(onDemandKeys(manifest, keys)) : 0;
    const over = kb > JS_BUDGET_KB;
    ok &&= !over;
    const note = later > 0 ? `  (+${later.toFixed(1)} KB on demand)` : '';
    const flag = over ? '  OVER BUDGET' : kb > JS_TARGET_KB ? `  over the ${JS_TARGET_KB} KB target${note}` : note;
    console.log(`  JS  ${page.path.padEnd(24)} ${kb.toFixed(1).padStart(6)} KB${flag}`);
  }
  const cssFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css'));
  const cssKb = cssFiles.reduce((sum, f) => sum + gzipKb(join(dist, 'assets', f)), 0);
  const cssOver = cssKb > CSS_BUDGET_KB;
  ok &&= !cssOver;
  console.log(`  CSS (all pages)              ${cssKb.toFixed(1).padStart(6)} KB${cssOver ? '  OVER BUDGET' : ''}`);
  return ok;
}
