import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { watchConsole } from './pages';

/**
 * No input is lost on a figure that has not hydrated yet: keys pressed on its slider move the slider (not
 * the page), and a click on Play plays, however soon after the figure is reached.
 */
const articlePaths = readdirSync(resolve(import.meta.dirname, '../../content/articles'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/${f.slice(0, -'.mdx'.length)}/`);

for (const path of articlePaths) {
  test(`${path}: Home or End pressed the instant a far slider gets focus moves it, not the page, on every figure`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const problems = watchConsole(page);
    await page.goto(path);
    const count = await page.locator('figure.tl [role="slider"][aria-label="Time"]').count();
    expect(count, `${path} has figures`).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      if (i > 0) await page.goto(path);
      await page.waitForLoadState('domcontentloaded');
      const slider = page.locator('figure.tl [role="slider"][aria-label="Time"]').nth(i);
      const max = Number(await slider.getAttribute('aria-valuemax'));
      const start = Number(await slider.getAttribute('aria-valuenow'));
      const key = start === 0 ? 'End' : 'Home';
      // Focus as Tab does (the browser scrolls it into view), then the key at once.
      await slider.focus();
      await page.keyboard.press(key);
      await expect(slider, `${path} figure ${i + 1}`).toHaveAttribute('aria-valuenow', String(key === 'End' ? max : 0));
      // The key moved the slider only: the page did not jump to its top or bottom.
      await page.waitForTimeout(400);
      await expect(slider, `${path} figure ${i + 1}: page scroll`).toBeInViewport();
    }
    expect(problems).toEqual([]);
  });
}

test('a Tab-focused far figure takes Home at once, before it has hydrated', async ({ page }) => {
  await page.goto('/threads/');
  await page.waitForLoadState('networkidle');
  const key = await page.locator('[data-island]:not([data-ready]) figure.tl').last().getAttribute('data-figure');
  const far = page.locator(`[data-island]:has(figure.tl[data-figure="${key}"])`);
  await expect(far).not.toHaveAttribute('data-ready', '');
  const slider = far.getByRole('slider', { name: 'Time' });
  // Tab onto its slider from the control before it, as a keyboard reader arrives, and press Home at once.
  await far.getByRole('button', { name: 'Edit workload' }).evaluate((el: HTMLElement) => el.focus());
  for (let i = 0; i < 25 && !(await slider.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Home');
  await expect(slider).toBeFocused();
  await expect(slider).toHaveAttribute('aria-valuenow', '0');
  await page.waitForTimeout(400);
  await expect(slider).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  await page.screenshot({ path: 'test-results/hydrate-home.png' });
});

test('a click on Play right after jumping to a far figure plays it', async ({ page }) => {
  await page.goto('/asyncio/');
  await page.waitForLoadState('networkidle');
  const key = await page.locator('[data-island]:not([data-ready]) figure.tl').last().getAttribute('data-figure');
  const far = page.locator(`figure.tl[data-figure="${key}"]`);
  const play = far.getByRole('button', { name: 'Play' });
  await far.evaluate((el) => el.scrollIntoView());
  await play.click({ noWaitAfter: true });
  await expect(far.getByRole('button', { name: 'Pause' })).toBeVisible();
});
