import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const page = await ctx.newPage();
for (const path of ['/threads/', '/asyncio/', '/processes/', '/sequential/']) {
  await page.goto('http://localhost:4192' + path);
  await page.waitForLoadState('networkidle');
  const n = await page.locator('figure.tl').count();
  for (let i = 0; i < n; i++) {
    const f = page.locator('figure.tl').nth(i);
    const r = await f.evaluate((fig) => ({ view: fig.dataset.view, sealed: fig.hasAttribute('data-sealed'), cut: [...fig.querySelectorAll('.tl-lane-label')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.title).slice(0, 4) }));
    console.log(path, i, JSON.stringify(r));
  }
}
await browser.close();
