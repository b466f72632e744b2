/**
 * Builds the site: a client bundle, a server bundle, then every page rendered to static HTML
 * (dist/index.html, dist/<slug>/index.html, dist/404.html), plus sitemap.xml and robots.txt.
 * Ends by checking the size budgets and printing the measured figures.
 */
import { build } from 'vite';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkBudgets, checkHtml, pageChunkKeys } from './budgets.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const ssrOut = join(root, 'node_modules/.interleave-ssr');
const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4173').replace(/\/+$/, '');
const started = performance.now();

const quiet = { logLevel: 'warn' };
await build({ ...quiet, root, build: { outDir: dist, emptyOutDir: true, manifest: true } });
await build({
  ...quiet,
  root,
  build: { ssr: 'src/entry-server.tsx', outDir: ssrOut, emptyOutDir: true, copyPublicDir: false },
});

const { renderAll, PAGE_PATTERNS_HTML } = await import(pathToFileURL(join(ssrOut, 'entry-server.js')).href);
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const template = readFileSync(join(dist, 'index.html'), 'utf8');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function contentSecurityPolicy(html) {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const scriptSrc = ["'self'", ...new Set(inline.map(sha256))].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const pages = await renderAll();
const written = [];
for (const page of pages) {
  const head = [
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
    `<link rel="canonical" href="${siteUrl}${page.path === '/404.html' ? '/' : page.path}" />`,
  ];
  // The entry script loads itself; preload the chunks it would otherwise discover one after another.
  const entryFile = Object.values(manifest).find((chunk) => chunk.isEntry).file;
  for (const key of pageChunkKeys(manifest, page)) {
    const file = manifest[key].file;
    if (file !== entryFile) head.push(`<link rel="modulepreload" crossorigin href="/${file}" />`);
  }
  let html = template
    .replace(/<title>.*?<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace('<!--head-->', head.join('\n    '))
    .replace('<!--app-html-->', page.html)
    // The span patterns, once per page for all its figures, outside the hydrated tree (patternsOnPage.ts).
    .replace('<div id="root">', `${PAGE_PATTERNS_HTML}<div id="root">`)
    .replace('<body>', `<body data-route="${page.kind}">`);
  html = html.replace(
    '<!--csp-->',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}" />`,
  );
  const file =
    page.path === '/'
      ? join(dist, 'index.html')
      : page.path.endsWith('.html')
        ? join(dist, page.path)
        : join(dist, page.path, 'index.html');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  written.push({ page, file });
}

const indexable = pages.filter((p) => p.kind !== 'not-found');
writeFileSync(
  join(dist, 'sitemap.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${indexable
    .map((p) => `  <url><loc>${siteUrl}${p.path}</loc></url>`)
    .join('\n')}\n</urlset>\n`,
);
writeFileSync(join(dist, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`);
rmSync(ssrOut, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${written.length} pages in ${seconds} s:`);
for (const { page, file } of written) console.log(`  ${page.path.padEnd(24)} ${file.slice(root.length + 1)}`);
const ok = checkBudgets({ dist, manifest, pages });
const htmlOk = checkHtml(written);
if (!ok || !htmlOk) process.exit(1);
