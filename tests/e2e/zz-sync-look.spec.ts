import { test } from '@playwright/test';
test('look', async ({ page }) => {
  for (const path of ['/coordinating/', '/serving/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const figs = page.locator('figure.tl');
    const n = await figs.count();
    for (let i = 0; i < Math.min(n, 4); i++) {
      const f = figs.nth(i);
      await f.scrollIntoViewIfNeeded();
      await page.waitForTimeout(400);
      await f.screenshot({ path: `/tmp/sync-shots/page${path.replace(/\//g, '')}-${i}.png` });
    }
  }
});
