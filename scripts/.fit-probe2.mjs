import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://localhost:4192/playground/');
await page.waitForLoadState('networkidle');
const f = page.locator('figure.tl').nth(1);
await f.scrollIntoViewIfNeeded(); await page.waitForTimeout(500);
console.log(await f.evaluate((fig) => [...fig.querySelectorAll('.tl-controls > *, .tl-controls .tl-edit > *, .tl-options > *')].map((e) => `${e.className.split(' ').slice(0,2).join('.')} ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}@${Math.round(e.getBoundingClientRect().top)}`).join('\n')));
await browser.close();
