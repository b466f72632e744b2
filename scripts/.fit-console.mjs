import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
page.on('console', (m) => console.log(m.type(), m.text().slice(0, 300)));
page.on('requestfailed', (r) => console.log('failed', r.url()));
await page.goto('http://localhost:4192/threads/');
await page.waitForLoadState('networkidle');
console.log(await page.evaluate(() => [...document.styleSheets].map((s) => { try { return s.href + ' ' + s.cssRules.length; } catch (e) { return s.href + ' ' + e; } })));
await browser.close();
