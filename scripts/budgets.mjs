/**
 * Size budgets, checked on every build: the JavaScript any one page loads and the site's CSS, gzipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const JS_BUDGET_KB = 110;
export const CSS_BUDGET_KB = 20;

const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function closure(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const k of chunk.imports ?? []) closure(manifest, k, seen);
  return seen;
}

/** Prints one line per page and returns false when a budget is exceeded. */
export function checkBudgets({ dist, manifest, pages }) {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  let ok = true;
  console.log(`Budgets (gzip): JavaScript per page ≤ ${JS_BUDGET_KB} KB, CSS ≤ ${CSS_BUDGET_KB} KB`);
  for (const page of pages) {
    const keys = closure(manifest, entry);
    if (page.file) closure(manifest, page.file, keys);
    const kb = [...keys].reduce((sum, k) => sum + gzipKb(join(dist, manifest[k].file)), 0);
    const over = kb > JS_BUDGET_KB;
    ok &&= !over;
    console.log(`  JS  ${page.path.padEnd(24)} ${kb.toFixed(1).padStart(6)} KB${over ? '  OVER BUDGET' : ''}`);
  }
  const cssFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css'));
  const cssKb = cssFiles.reduce((sum, f) => sum + gzipKb(join(dist, 'assets', f)), 0);
  const cssOver = cssKb > CSS_BUDGET_KB;
  ok &&= !cssOver;
  console.log(`  CSS (all pages)              ${cssKb.toFixed(1).padStart(6)} KB${cssOver ? '  OVER BUDGET' : ''}`);
  return ok;
}
