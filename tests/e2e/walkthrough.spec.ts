import { expect, test, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fullToolbar, hydrated, watchConsole } from './pages';

/**
 * A reader's pass through every article: answer its first prediction, see the verdict, play a timeline to
 * its end, and meet no console error and no axe violation on the way.
 */
const articlePaths = readdirSync(resolve(import.meta.dirname, '../../content/articles'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/${f.slice(0, -'.mdx'.length)}/`);

const valueOf = async (slider: Locator, name: string) => Number(await slider.getAttribute(name));

for (const path of articlePaths) {
  test(`${path}: predict, reveal, play a timeline to the end`, async ({ page }) => {
    test.setTimeout(60_000);
    const problems = watchConsole(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');

    // Predict: pick the first answer, commit, and get a verdict with the explanation.
    const predict = page.locator('section.predict').first();
    await predict.scrollIntoViewIfNeeded();
    await predict.getByRole('radio').first().check();
    await predict.getByRole('button', { name: 'Check my guess' }).click();
    await expect(predict.getByRole('status')).toContainText(/^(Right|Not quite)/);
    await expect(predict.getByRole('button', { name: 'Check my guess' })).toHaveCount(0);

    // Play the article's first timeline from the start to its end, at the fastest speed.
    const figure = await hydrated(page.locator('figure.tl').first());
    const slider = figure.getByRole('slider', { name: /Time/ }).first();
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await valueOf(slider, 'aria-valuenow')).toBe(0);
    await (await fullToolbar(figure)).getByLabel('Speed').selectOption('4');
    await figure.getByRole('button', { name: 'Play' }).click();
    const end = await valueOf(slider, 'aria-valuemax');
    await expect.poll(() => valueOf(slider, 'aria-valuenow'), { timeout: 40_000 }).toBe(end);
    await expect(figure.getByRole('button', { name: 'Play' })).toBeVisible();

    // With the prediction answered and the timeline at its end, what changed is still accessible (the whole
    // page, as loaded, is checked in site.spec.ts).
    const axe = await new AxeBuilder({ page }).include('section.predict').include('figure.tl').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(problems).toEqual([]);
  });
}
