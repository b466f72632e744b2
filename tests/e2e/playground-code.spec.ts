import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchConsole } from './pages';

/** The playground's code panel: the generated program for its workload, rewritten as the reader edits it. */

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
};

/** The playground started from three sleeps (A 2 s, B 3 s, C 1 s), its editor open. */
async function threeSleeps(page: Page) {
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  const playground = page.locator('.pg');
  await playground.getByRole('button', { name: 'Open the workload editor' }).click();
  await playground.getByRole('combobox', { name: 'Start from' }).selectOption('three-sleeps');
  await expect(playground.getByRole('status').filter({ hasText: 'Started from three-sleeps' })).toBeVisible();
  const panel = playground.getByRole('tabpanel');
  await expect(panel.locator('pre')).toContainText('await asyncio.sleep(3.0)');
  return { playground, panel };
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test('the code sits beside the chart from 1100 px wide, above it below that', async ({ page }) => {
      const { playground, panel } = await threeSleeps(page);
      const code = await box(panel);
      const chart = await box(playground.locator('.tl-chart'));
      if (viewport.width >= 1100) {
        expect(code.x + code.width).toBeLessThanOrEqual(chart.x);
        expect(code.y).toBeLessThan(chart.y + chart.height);
      } else {
        expect(code.y + code.height).toBeLessThanOrEqual(chart.y);
        expect(code.x + code.width).toBeLessThanOrEqual(viewport.width);
      }
      expect(code.x).toBeGreaterThanOrEqual(0);
    });

    test('editing a duration rewrites the program, under the model picked', async ({ page }) => {
      const problems = watchConsole(page);
      const { playground, panel } = await threeSleeps(page);
      await expect(playground.getByRole('tab', { name: 'asyncio' })).toHaveAttribute('aria-selected', 'true');
      await playground.getByRole('spinbutton', { name: 'Task B, step 1 duration, in seconds' }).fill('6');
      await expect(panel.locator('pre')).toContainText('await asyncio.sleep(6.0)');
      await expect(panel.locator('pre')).not.toContainText('await asyncio.sleep(3.0)');
      // Another model, from the keyboard: the same edited workload, in that model's API.
      await playground.getByRole('tab', { name: 'asyncio' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(playground.getByRole('tab', { name: 'Threads (GIL)' })).toBeFocused();
      await expect(panel.locator('pre')).toContainText('time.sleep(6.0)');
      await expect(panel.locator('pre')).toContainText('threading.Thread(target=b)');
      // The markers follow the playhead: a second in, all three threads are sleeping.
      const slider = playground.getByRole('slider', { name: 'Time' });
      await slider.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('PageUp');
      await expect(panel.locator('.line.tl-line-active').filter({ hasText: 'time.sleep(6.0)' })).toHaveAttribute(
        'data-tasks',
        'B',
      );
      await page.screenshot({ path: `test-results/playground-code-${viewport.width}.png` });
      expect(problems).toEqual([]);
    });
  });
}
