/**
 * `npm run lighthouse`: builds nothing; serves dist/ and reports Lighthouse scores (performance,
 * accessibility, best practices, SEO) for every page in the sitemap. Uses the system Chromium when present.
 * Reports go to reports/lighthouse/. A script, not a test: it prints figures and never fails the build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = 4175;
const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const lighthouse = join(root, 'node_modules/.bin/lighthouse');
if (!existsSync(lighthouse)) {
  console.error('Lighthouse is not installed. Run `npm install` first.');
  process.exit(1);
}
if (!existsSync(join(root, 'dist/sitemap.xml'))) {
  console.error('dist/ has no built site. Run `npm run build` first.');
  process.exit(1);
}

const sitemap = readFileSync(join(root, 'dist/sitemap.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((m) => new URL(m[1], 'http://x').pathname);
const out = join(root, 'reports/lighthouse');
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, ['scripts/serve.mjs'], {
  cwd: root,
  env: { ...process.env, PORT: String(port) },
});
await new Promise((r) => setTimeout(r, 800));

const rows = [];
try {
  for (const path of paths) {
    const name = path === '/' ? 'home' : path.replace(/\//g, '');
    const file = join(out, `${name}.json`);
    const result = spawnSync(
      lighthouse,
      [
        `http://localhost:${port}${path}`,
        '--quiet',
        '--output=json',
        `--output-path=${file}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ],
      { env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, encoding: 'utf8' },
    );
    if (result.status !== 0 || !existsSync(file)) {
      rows.push([path, 'failed: ' + (result.stderr || '').trim().split('\n').pop()]);
      continue;
    }
    const { categories } = JSON.parse(readFileSync(file, 'utf8'));
    const score = (key) => String(Math.round(categories[key].score * 100)).padStart(3);
    rows.push([
      path,
      `${score('performance')}  ${score('accessibility')}  ${score('best-practices')}  ${score('seo')}`,
    ]);
  }
} finally {
  server.kill();
}

console.log(`${'page'.padEnd(26)} perf  a11y  best   seo`);
for (const [path, scores] of rows) console.log(`${path.padEnd(26)} ${scores.replace(/ {2}/g, '   ')}`);
console.log(`Reports: reports/lighthouse/*.json`);
