import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://localhost:4191';
const [w, h] = (process.env.VP ?? '1280x900').split('x').map(Number);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: w, height: h } });
const xml = await (await page.request.get(base + '/sitemap.xml')).text();
const paths = [...xml.matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((m) => new URL(m[1], 'http://x').pathname);
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  const n = await page.locator('figure.tl').count();
  for (let i = 0; i < n; i++) {
    const f = page.locator('figure.tl').nth(i);
    await f.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    const box = await f.boundingBox();
    const cap = ((await f.locator('figcaption').first().textContent().catch(() => '')) ?? '').slice(0, 60);
    console.log(`${p}\t#${i}\t${Math.round(box?.height ?? -1)}\t${Math.round(box?.width ?? -1)}\t${cap}`);
  }
}
await browser.close();
