import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
for (const spec of process.argv.slice(2)) {
  const [path, idx] = spec.split('#');
  await page.goto('http://localhost:4192' + path);
  await page.waitForLoadState('networkidle');
  const f = page.locator('figure.tl').nth(Number(idx));
  await f.scrollIntoViewIfNeeded(); await page.waitForTimeout(500);
  console.log(spec, await f.evaluate((fig) => Math.round(fig.getBoundingClientRect().height) + ' | code ' + Math.round(fig.querySelector('.tl-body > .tl-code')?.getBoundingClientRect().height ?? 0) + ' | ' + [...fig.querySelectorAll('.tl-main > *')].map((e) => `${e.className.split(' ')[0]} ${Math.round(e.getBoundingClientRect().height)}`).join(', ')));
}
await browser.close();
