import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sitePaths, watchConsole } from './pages';

// The pages are known when the tests are collected: read them from the built sitemap.
const sitemap = readFileSync(resolve(import.meta.dirname, '../../dist/sitemap.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((m) => new URL(m[1], 'http://x').pathname);
const allPaths = [...paths, '/404.html'];
const articlePaths = readdirSync(resolve(import.meta.dirname, '../../content/articles'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/${f.slice(0, -'.mdx'.length)}/`);
/** Standalone pages (demos, the playground): linked from the home page, not numbered articles. */
const standalonePaths = paths.filter((p) => p !== '/' && !articlePaths.includes(p));

test('the sitemap lists the home page and every article', async ({ page }) => {
  expect(await sitePaths(page)).toEqual(allPaths);
  expect(articlePaths.length).toBeGreaterThan(0);
  for (const path of articlePaths) expect(paths).toContain(path);
});

for (const path of allPaths) {
  test(`${path} loads and hydrates with no console error or warning`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1').first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test(`${path} has no axe violations, in light and in dark`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const light = await new AxeBuilder({ page }).analyze();
    // The dark theme changes colours only: the same page, switched in place, is checked for contrast again.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    // Buttons ease their background into the new theme (120 ms) while their text changes at once: check the
    // colours the reader is left with, after every transition has ended.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    const dark = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    const found = (scheme: string, r: typeof light) =>
      r.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
    expect([...found('light', light), ...found('dark', dark)]).toEqual([]);
  });

  test(`${path} does not scroll sideways at 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('an unknown address answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/');
});

test('the home page lists every article with its summary', async ({ page }) => {
  await page.goto('/');
  const links = page.locator('#articles li a');
  await expect(links).toHaveCount(articlePaths.length);
  for (const path of articlePaths) await expect(page.locator(`#articles a[href="${path}"]`)).toBeVisible();
  for (const path of standalonePaths) await expect(page.locator(`#more-heading ~ ul a[href="${path}"]`)).toBeVisible();
});

test('every page has a title, a meta description and a Content-Security-Policy without unsafe-eval', async ({
  page,
}) => {
  const titles = new Set<string>();
  for (const path of allPaths) {
    await page.goto(path);
    titles.add(await page.title());
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'sha256-");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp?.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
  }
  expect(titles.size).toBe(allPaths.length);
});

test('robots.txt and sitemap.xml are served', async ({ page }) => {
  const robots = await page.request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain('Sitemap:');
  const favicon = await page.request.get('/favicon.svg');
  expect(favicon.status()).toBe(200);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  for (const path of articlePaths) {
    test(`${path} shows its text, headings and highlighted code`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      expect(await page.locator('.prose h2').count()).toBeGreaterThan(0);
      expect((await page.locator('.prose p').allTextContents()).join(' ').length).toBeGreaterThan(500);
      const code = page.locator('pre.shiki').first();
      await expect(code).toBeVisible();
      expect(await code.locator('span:not(.line)[class]').count()).toBeGreaterThan(5);
      await expect(page.locator('.theme-toggle')).toBeHidden();
    });
  }

  // Pages written as text and commands, with no timeline in their source (content/pages/*.mdx).
  const textOnlyPaths = ['/own-program/'];
  for (const path of standalonePaths) {
    if (textOnlyPaths.includes(path)) {
      test(`${path} shows its text and its commands, with no timeline`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('h1')).toBeVisible();
        expect((await page.locator('.prose p').allTextContents()).join(' ').length).toBeGreaterThan(300);
        await expect(page.locator('pre.shiki').first()).toBeVisible();
        await expect(page.locator('.prose a[href="/playground/"]').first()).toBeVisible();
        await expect(page.locator('figure.tl')).toHaveCount(0);
      });
      continue;
    }
    test(`${path} shows its text and the finished timeline as a static figure`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      expect((await page.locator('.prose p').allTextContents()).join(' ').length).toBeGreaterThan(300);
      await expect(page.locator('figure.tl figcaption').first()).toBeVisible();
      await expect(page.locator('figure.tl .tl-plot svg').first()).toBeVisible();
    });
  }
});

test.describe('theme', () => {
  test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: /theme/i });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: /theme/i })).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
  });

  test('the theme follows the system setting until the reader chooses', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.getByRole('button', { name: /theme/i })).toHaveAttribute('aria-pressed', 'true');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.getByRole('button', { name: /theme/i })).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the skip link first, then the navigation', async ({ page }) => {
    await page.goto(articlePaths[0]);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.goto(articlePaths[0]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Interleave' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link').first()).toBeFocused();
  });

  test('the table of contents links to the article’s headings', async ({ page }) => {
    await page.goto(articlePaths[0]);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const links = toc.getByRole('link');
    expect(await links.count()).toBeGreaterThan(2);
    for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
      await expect(page.locator(href!)).toHaveCount(1);
    }
  });
});
