/**
 * Size budgets, checked on every build: the JavaScript any one page loads and the site's CSS, gzipped, and
 * each page's prerendered HTML as served before compression.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * At most 110 KB per page before the reader acts (what the page loads while it hydrates), and a budget of its
 * own for the code a content page fetches later, on the reader's action (a figure waking with the simulator,
 * the editor, the Canvas renderer of large traces…: all of it, the most a page can ever fetch).
 */
export const JS_BUDGET_KB = 110;
export const ON_DEMAND_BUDGET_KB = 140;
export const CSS_BUDGET_KB = 20;
export const HTML_BUDGET_KB = 250;
/**
 * Pages whose HTML is still over HTML_BUDGET_KB, each with the ceiling it may not pass meanwhile (a little
 * above its size today), so that they can only shrink. Remove a page once it is under the budget.
 */
export const HTML_CEILINGS_KB = {};

const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function closure(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const k of chunk.imports ?? []) closure(manifest, k, seen);
  return seen;
}

/**
 * Tags whose code is a chunk of its own, fetched while the page hydrates when the page uses the tag. None
 * is today: the timelines, the numbers bound to them (Knob, Result), the Playground, the predictions
 * (src/widgets/tagIslands.tsx), <DecisionGuide> and <ModelTable> each stay as their prerendered HTML until
 * the reader acts (scrolls, or reaches for them: src/widgets/near), and their code counts with what loads
 * on demand. tests/e2e/budget.spec.ts checks in Chromium that a page loads no more than this count before
 * the reader scrolls.
 */
const TAG_CHUNKS = {};

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
    `Budgets (gzip): JavaScript per page ≤ ${JS_BUDGET_KB} KB before the reader acts, ≤ ${ON_DEMAND_BUDGET_KB} KB on demand; CSS ≤ ${CSS_BUDGET_KB} KB`,
  );
  for (const page of pages) {
    const keys = pageChunkKeys(manifest, page);
    const size = (set) => [...set].reduce((sum, k) => sum + gzipKb(join(dist, manifest[k].file)), 0);
    const kb = size(keys);
    const later = page.file ? size(onDemandKeys(manifest, keys)) : 0;
    const over = kb > JS_BUDGET_KB;
    const laterOver = later > ON_DEMAND_BUDGET_KB;
    ok &&= !over && !laterOver;
    const note = later > 0 ? `  (+${later.toFixed(1)} KB on demand${laterOver ? ': OVER BUDGET' : ''})` : '';
    console.log(`  JS  ${page.path.padEnd(24)} ${kb.toFixed(1).padStart(6)} KB${over ? '  OVER BUDGET' : ''}${note}`);
  }
  const cssFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css'));
  const cssKb = cssFiles.reduce((sum, f) => sum + gzipKb(join(dist, 'assets', f)), 0);
  const cssOver = cssKb > CSS_BUDGET_KB;
  ok &&= !cssOver;
  console.log(`  CSS (all pages)              ${cssKb.toFixed(1).padStart(6)} KB${cssOver ? '  OVER BUDGET' : ''}`);
  return ok;
}

/** Prints every page's HTML size and returns false when one is over its budget (or its ceiling). */
export function checkHtml(written) {
  let ok = true;
  console.log(`Budgets (uncompressed, 1 KB = 1000 bytes): prerendered HTML per page ≤ ${HTML_BUDGET_KB} KB`);
  for (const { page, file } of written) {
    const kb = statSync(file).size / 1000;
    const ceiling = HTML_CEILINGS_KB[page.path];
    const over = kb > (ceiling ?? HTML_BUDGET_KB);
    ok &&= !over;
    const note = over
      ? `  OVER BUDGET${ceiling ? ` (ceiling ${ceiling} KB)` : ''}`
      : ceiling
        ? kb > HTML_BUDGET_KB
          ? `  over the ${HTML_BUDGET_KB} KB budget (ceiling ${ceiling} KB)`
          : `  under the budget: remove it from HTML_CEILINGS_KB`
        : '';
    console.log(`  HTML ${page.path.padEnd(23)} ${kb.toFixed(1).padStart(6)} KB${note}`);
  }
  return ok;
}
