// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArticles, readPages } from '../../scripts/articles.mjs';
import { expandTasks, MODEL_IDS, parseScenario, type Scenario } from '../../src/sim';
import { lineOf, parseCodeLines } from '../../src/timeline/codeLines';

const root = resolve(import.meta.dirname, '../..');
const articles = readArticles(join(root, 'content/articles'));
const everything = [...articles, ...readPages(join(root, 'content/pages'))];

function scenario(id: string): Scenario {
  const file = `content/scenarios/${id}.json`;
  return parseScenario(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
}

type Tag = (typeof everything)[number]['tags'][number];
const tagsNamed = (name: string) =>
  everything.flatMap((a) => a.tags.filter((t: Tag) => t.name === name).map((t: Tag) => [`${a.slug}:${t.line}`, t]));

describe('every article teaches with timelines and predictions', () => {
  it.each(articles.map((a) => [a.slug, a]))('%s has at least two timelines and one prediction', (_s, article) => {
    const count = (name: string) => article.tags.filter((t: Tag) => t.name === name).length;
    expect(count('Timeline')).toBeGreaterThanOrEqual(2);
    expect(count('Predict')).toBeGreaterThanOrEqual(1);
  });

  it.each(articles.map((a) => [a.slug, a]))('%s syncs at least one timeline with its code', (_s, article) => {
    expect(article.tags.some((t: Tag) => t.name === 'Timeline' && t.props.codeLines && t.code)).toBe(true);
  });
});

describe('<Timeline> tags', () => {
  it.each(tagsNamed('Timeline'))('%s names known models', (_w, tag) => {
    const models = String(tag.props.models ?? 'sequential asyncio threads processes').split(/[\s,]+/);
    for (const m of models.filter(Boolean)) expect(MODEL_IDS).toContain(m);
  });

  it.each(tagsNamed('Timeline').filter(([, t]) => (t as Tag).props.codeLines !== undefined))(
    '%s maps every step of every task to a line of its code block',
    (_w, tag) => {
      const t = tag as Tag;
      expect(t.code, 'a fenced code block inside the tag').toBeDefined();
      expect(t.code!.lang).toBe('python');
      const parsed = parseCodeLines(String(t.props.codeLines));
      if (!parsed.ok) throw new Error(parsed.error);
      const models = String(t.props.models ?? 'sequential').split(/[\s,]+/);
      if (t.props.codeModel) expect(models).toContain(t.props.codeModel);
      // The block's last line is the fence's trailing newline-less line; every mapped line must exist.
      for (const task of expandTasks(scenario(String(t.props.scenario)))) {
        task.steps.forEach((_step, i) => {
          const line = lineOf(parsed.map, task.name, i);
          expect(line, `${task.name} step ${i + 1}`).not.toBeNull();
          expect(line!, `${task.name} step ${i + 1}`).toBeLessThanOrEqual(t.code!.lines);
        });
      }
    },
  );
});

describe('<Predict> tags', () => {
  it.each(tagsNamed('Predict'))('%s asks a known kind of question with at least two choices', (_w, tag) => {
    const t = tag as Tag;
    expect(['makespan', 'first', 'last', 'fastest']).toContain(t.props.ask);
    expect(String(t.props.question ?? '').length).toBeGreaterThan(10);
    expect(String(t.props.choices).split(',').length).toBeGreaterThanOrEqual(2);
    if (t.props.model) expect(MODEL_IDS).toContain(t.props.model);
  });
});
