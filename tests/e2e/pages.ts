import { expect, type Locator, type Page } from '@playwright/test';

/** Every page the built site lists in its sitemap, plus the 404 page. */
export async function sitePaths(page: Page): Promise<string[]> {
  const response = await page.request.get('/sitemap.xml');
  const xml = await response.text();
  const paths = [...xml.matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((m) => new URL(m[1], 'http://x').pathname);
  return [...paths, '/404.html'];
}

/** Collects console errors, warnings and uncaught exceptions while a page is used. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * Scrolls to a widget and waits until it is interactive: widgets that hydrate only when the reader scrolls
 * near them or reaches for them (src/widgets/near) mark their wrapper `data-ready` once they have.
 */
export async function hydrated(widget: Locator): Promise<Locator> {
  await widget.scrollIntoViewIfNeeded();
  const waiting = widget.locator('xpath=ancestor::div[@class and contains(concat(" ", @class, " "), "-island ")]');
  if ((await waiting.count()) > 0) {
    // A widget already in view when the page loaded waits for the reader to reach for it: a pointer over it.
    if ((await waiting.first().getAttribute('data-ready')) === null) await waiting.first().dispatchEvent('pointerover');
    await expect(waiting.first()).toHaveAttribute('data-ready', '');
  }
  return widget;
}

/**
 * Unfolds a figure's full toolbar when it shows the compact one (a small figure, e.g. beside its code, folds
 * speed, loop, lanes, link and export behind "More").
 */
export async function fullToolbar(figure: Locator): Promise<Locator> {
  const more = figure.getByRole('button', { name: 'More', exact: true });
  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) === 'false') await more.click();
  return figure;
}
