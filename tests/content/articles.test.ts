// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArticle, readArticles, readPages, REQUIRED_FIELDS } from '../../scripts/articles.mjs';
import { parseScenario } from '../../src/sim';
import { RECORDER_URL } from '../../scripts/vite-plugin-recorder.mjs';

const root = resolve(import.meta.dirname, '../..');
const articlesDir = join(root, 'content/articles');
const scenariosDir = join(root, 'content/scenarios');
const articles = readArticles(articlesDir);
const standalone = readPages(join(root, 'content/pages'));
const everything = [...articles, ...standalone];
const scenarioFiles = readdirSync(scenariosDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const scenarioIds = new Set(scenarioFiles.map((f) => f.slice(0, -'.json'.length)));

describe('content/articles', () => {
  it('has at least one article', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it.each(articles.map((a) => [a.slug, a]))('%s has complete frontmatter', (_slug, article) => {
    for (const [field, type] of Object.entries(REQUIRED_FIELDS)) {
      expect(typeof article[field as keyof typeof article], field).toBe(type);
    }
    expect(article.summary.length).toBeLessThanOrEqual(170);
    expect(Number.isInteger(article.order)).toBe(true);
  });

  it.each(articles.map((a) => [a.slug, a]))('%s states a reading time that fits its length', (_slug, article) => {
    const estimate = article.words / 220;
    expect(article.readingTime).toBeGreaterThanOrEqual(Math.max(1, Math.floor(estimate * 0.7)));
    expect(article.readingTime).toBeLessThanOrEqual(Math.ceil(estimate * 1.3) + 1);
  });

  it('gives every article and page a distinct address', () => {
    const slugs = everything.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('gives every article a distinct order', () => {
    const orders = articles.map((a) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each(everything.map((a) => [a.slug, a]))('%s names only scenarios that exist', (_slug, article) => {
    for (const tag of article.tags) {
      const id = tag.props.scenario;
      if (typeof id === 'string') expect(scenarioIds, `<${tag.name}> on line ${tag.line}`).toContain(id);
    }
  });

  it.each(everything.map((a) => [a.slug, a]))('%s links only to pages and headings that exist', (_slug, article) => {
    const pages = new Set(['/', ...everything.map((a) => `/${a.slug}/`)]);
    const anchors = new Set(article.headings.map((h) => h.id));
    for (const link of article.links) {
      if (/^(https?:|mailto:)/.test(link)) continue;
      const [path, hash] = link.split('#');
      // A file the site serves as it is: from public/, or the recorder (scripts/vite-plugin-recorder.mjs).
      if (path === RECORDER_URL && existsSync(join(root, 'recorder', path.slice(1)))) continue;
      if (/^\/[^/]+\.[a-z0-9]+$/.test(path) && existsSync(join(root, 'public', path.slice(1)))) continue;
      if (path === '') {
        expect(anchors, `link ${link}`).toContain(hash);
      } else {
        expect(pages, `link ${link}`).toContain(path);
        if (hash) {
          const target = everything.find((a) => `/${a.slug}/` === path);
          expect(target?.headings.map((h) => h.id) ?? [], `link ${link}`).toContain(hash);
        }
      }
    }
  });
});

describe('readArticle', () => {
  it('readArticle names the file and the missing field', () => {
    expect(() => readArticle('---\ntitle: T\nsummary: S\norder: 1\n---\n\nText', 'content/articles/x.mdx')).toThrow(
      'content/articles/x.mdx: readingTime is missing from the frontmatter',
    );
  });

  it('readArticle rejects an article without frontmatter', () => {
    expect(() => readArticle('# Hello', 'content/articles/y.mdx')).toThrow('content/articles/y.mdx: has no frontmatter');
  });

  it('readArticle collects h2 and h3 headings with unique ids', () => {
    const article = readArticle(
      '---\ntitle: T\nsummary: S\norder: 1\nreadingTime: 1\n---\n\n## Why `await`?\n\n### Notes\n\n## Notes\n',
      'content/articles/z.mdx',
    );
    expect(article.headings).toEqual([
      { depth: 2, text: 'Why await?', id: 'why-await' },
      { depth: 3, text: 'Notes', id: 'notes' },
      { depth: 2, text: 'Notes', id: 'notes-2' },
    ]);
  });
});

describe('content/scenarios', () => {
  it.each(scenarioFiles)('%s is a valid scenario whose id matches its file name', (file) => {
    const json: unknown = JSON.parse(readFileSync(join(scenariosDir, file), 'utf8'));
    const scenario = parseScenario(json, `content/scenarios/${file}`);
    expect(scenario.id).toBe(file.slice(0, -'.json'.length));
  });
});

describe('Python programs in the articles', () => {
  const STARTS_PROCESSES = /\b(Process|Pool|ProcessPoolExecutor)\(/;
  const blocks = [
    ...readdirSync(articlesDir).map((f) => `content/articles/${f}`),
    ...readdirSync(join(root, 'content/pages')).map((f) => `content/pages/${f}`),
  ]
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/```python\n([\s\S]*?)```/g)].map(
        (m, i) => [`${file} block ${i + 1}`, m[1]] as const,
      ),
    );

  it.each(blocks.filter(([, code]) => STARTS_PROCESSES.test(code)))(
    '%s starts processes only under if __name__ == "__main__":',
    (_where, code) => {
      expect(code).toMatch(/^if __name__ == "__main__":/m);
      // The call that starts workers is inside the guard or a function, never at the top level.
      for (const line of code.split('\n').filter((l) => STARTS_PROCESSES.test(l))) {
        expect(line, line).toMatch(/^\s+/);
      }
    },
  );

  it('finds the programs that start processes', () => {
    expect(blocks.filter(([, code]) => STARTS_PROCESSES.test(code)).length).toBeGreaterThanOrEqual(6);
  });
});
