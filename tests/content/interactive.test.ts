// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArticles, readPages } from '../../scripts/articles.mjs';
import { expandTasks, MODEL_IDS, parseScenario, type Scenario } from '../../src/sim';
import type { ModelId } from '../../src/sim/types';
import { lineOf, parseCodeLines } from '../../src/timeline/codeLines';
import { resolveBinding, type KnobField } from '../../src/widgets/knob/binding';

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
    expect(['makespan', 'first', 'last', 'fastest', 'final', 'deadlock', 'p95']).toContain(t.props.ask);
    expect(String(t.props.question ?? '').length).toBeGreaterThan(10);
    expect(String(t.props.choices).split(',').length).toBeGreaterThanOrEqual(2);
    if (t.props.model) expect(MODEL_IDS).toContain(t.props.model);
    if (t.props.ask === 'final') expect(Object.keys(scenario(String(t.props.scenario)).shared ?? {})).toContain(t.props.var);
    if (t.props.ask === 'deadlock' || t.props.ask === 'fastest')
      for (const m of String(t.props.choices).split(',')) expect(MODEL_IDS).toContain(m.trim());
  });
});

describe('<Knob> and <Result> tags', () => {
  const bound = everything.flatMap((a) =>
    a.tags
      .filter((t: Tag) => t.name === 'Knob' || t.name === 'Result')
      .map((t: Tag) => [`${a.slug}:${t.line} <${t.name}>`, t, a.tags] as const),
  );

  it.each(bound)('%s binds to a timeline with that id on its page', (_w, tag, tags) => {
    const target = tags.find((t: Tag) => t.name === 'Timeline' && t.props.id === tag.props.for);
    expect(target, `a <Timeline id="${String(tag.props.for)}">`).toBeDefined();
    const sc = scenario(String(target!.props.scenario));
    if (tag.name === 'Knob') {
      const r = resolveBinding(sc, {
        field: tag.props.field as KnobField,
        task: tag.props.task as string | undefined,
        step: tag.props.step ? Number(tag.props.step) : undefined,
        model: tag.props.model as ModelId | undefined,
      });
      if (!r.ok) throw new Error(r.error);
    } else {
      expect(MODEL_IDS).toContain(tag.props.model);
      if (tag.props.task) expect(sc.tasks.map((t) => t.name)).toContain(tag.props.task);
    }
  });

  it.each(articles.map((a) => [a.slug, a]))(
    '%s lets the reader change a number in its prose',
    (_s, article) => {
      expect(article.tags.some((t: Tag) => t.name === 'Knob')).toBe(true);
      expect(article.tags.some((t: Tag) => t.name === 'Result')).toBe(true);
    },
  );
});

describe('the first figure of every article', () => {
  const FIGURES = new Set(['Timeline', 'DecisionGuide', 'ModelTable', 'Playground']);
  /** Words of prose (not code, not tags) between the frontmatter and the first figure's tag. */
  function wordsBefore(slug: string, line: number): number {
    const source = readFileSync(join(root, `content/articles/${slug}.mdx`), 'utf8').split('\n');
    const body = source.slice(source.indexOf('---', 1) + 1, line - 1).join('\n');
    const prose = body
      .replace(/```[\s\S]*?```/g, ' ')
      .replace(/<Predict[^>]*>[\s\S]*?<\/Predict>/g, ' ')
      .replace(/<[^>]+>/g, ' ');
    return prose.split(/\s+/).filter((w) => /\w/.test(w)).length;
  }

  it.each(articles.map((a) => [a.slug, a]))('%s comes within the first 120 words', (slug, article) => {
    const first = article.tags.find((t: Tag) => FIGURES.has(t.name));
    expect(first).toBeDefined();
    expect(wordsBefore(String(slug), first!.line)).toBeLessThanOrEqual(120);
  });
});
