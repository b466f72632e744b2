import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const SOURCE = resolve(import.meta.dirname, '../../recorder/interleave_record.py');

test('the recorder the own-program page links to downloads as the one source file', async ({ page, request }) => {
  await page.goto('/own-program/');
  const link = page.getByRole('link', { name: 'interleave_record.py' }).first();
  const href = await link.getAttribute('href');
  expect(href).toBe('/interleave_record.py');
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/x-python');
  expect(await response.text()).toBe(readFileSync(SOURCE, 'utf8'));
});
