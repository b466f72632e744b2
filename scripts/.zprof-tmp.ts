import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
const root = '/work/main';
const out = '/tmp/zprof/out';
if (!process.argv.includes('--nobuild'))
await build({ root, logLevel: 'warn', base: '/', build: { outDir: out, emptyOutDir: true, minify: false, rollupOptions: { input: join(root, 'tests/bench/ui.html') } } });
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = join(out, path === '/' ? 'tests/bench/ui.html' : path);
  if (!existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, 'localhost', ok));
const port = (server.address() as any).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
await page.goto(`http://localhost:${port}/`);
await page.waitForFunction(() => 'bench' in window);
const cdp = await page.context().newCDPSession(page);
const which = process.argv.includes('--two') ? 'two' : '10k';
if (which === 'two') await page.evaluate(() => (window as any).bench.mountTwoLoops());
else { await page.evaluate(() => (window as any).bench.mount(10000, ['asyncio'])); await page.waitForSelector('figure.tl canvas'); }
await page.waitForTimeout(400);
const plot = (await page.locator('.tl-plot').first().boundingBox())!;
await page.mouse.move(plot.x + plot.width * 0.3, plot.y + 30);
await page.waitForTimeout(300);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.keyboard.down('Control');
for (let i = 0; i < 60; i++) {
  await page.mouse.wheel(0, i < 40 ? -60 : 90);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}
await page.keyboard.up('Control');
const strip = (await page.locator('.tl-overview').first().boundingBox())!;
const win = (await page.locator('.tl-overview-window').first().boundingBox())!;
const y = strip.y + strip.height / 2;
await page.mouse.move(win.x + win.width / 2, y);
await page.mouse.down();
for (let i = 0; i <= 60; i++) {
  await page.mouse.move(win.x + win.width / 2 + (i / 60) * (strip.width * 0.5), y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}
await page.mouse.up();
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map<number, any>();
for (const n of profile.nodes) byId.set(n.id, n);
const self = new Map<number, number>();
const dt = profile.timeDeltas;
profile.samples.forEach((s: number, i: number) => self.set(s, (self.get(s) ?? 0) + (dt[i] ?? 0)));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfBy = new Map<string, number>(); const totalBy = new Map<string, number>();
const key = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
for (const [id, t] of self) {
  const n = byId.get(id); selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + t);
  const seen = new Set<string>(); let cur: number | undefined = id;
  while (cur !== undefined) { const k = key(byId.get(cur)); if (!seen.has(k)) { seen.add(k); totalBy.set(k, (totalBy.get(k) ?? 0) + t); } cur = parent.get(cur); }
}
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
console.log('SELF\n' + top(selfBy) + '\nTOTAL\n' + top(totalBy));
writeFileSync(`/tmp/zprof/${which}.cpuprofile`, JSON.stringify(profile));
await browser.close(); server.close();
