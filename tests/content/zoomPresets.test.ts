// @vitest-environment node
/**
 * Every <ZoomTo> in the content names a figure on its own page and a window inside that figure's run in
 * which something happens; every `zoom` prop on a <Timeline> parses and lies inside the run.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseScenario, simulate } from '../../src/sim';
import type { ModelId } from '../../src/sim/types';
import { parseWindow } from '../../src/timeline/viewWindow';
import { presetWindow } from '../../src/widgets/prose/zoomPreset';

const root = resolve(import.meta.dirname, '../..');
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter);

interface Tag {
  name: string;
  props: Record<string, string>;
  line: number;
}

interface MdxNode {
  type: string;
  name?: string;
  attributes?: { type: string; name: string; value: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

/** The tags of a page, with expression values ({20}) read as their source text. */
function tagsOf(file: string): Tag[] {
  const tags: Tag[] = [];
  const walk = (node: MdxNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const props: Record<string, string> = {};
      for (const a of node.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute') continue;
        const v = a.value;
        props[a.name] = typeof v === 'string' ? v : String((v as { value?: string } | null)?.value ?? '');
      }
      tags.push({ name: node.name, props, line: node.position?.start.line ?? 0 });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(parser.parse(readFileSync(file, 'utf8')) as unknown as MdxNode);
  return tags;
}

const pages = ['content/articles', 'content/pages'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ slug: f.replace(/\.mdx$/, ''), tags: tagsOf(join(root, dir, f)) })),
);

function runOf(timeline: Tag) {
  const file = `content/scenarios/${timeline.props.scenario}.json`;
  const scenario = parseScenario(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
  const models = (timeline.props.models ?? 'sequential asyncio threads processes').split(/[\s,]+/) as ModelId[];
  const traces = models.map((m) => simulate(scenario, m));
  return { traces, domainMs: Math.max(...traces.map((t) => t.makespanMs)) };
}

/** The figure a key names on a page: the Timeline with that id, else the first without an id of that scenario. */
function figureNamed(tags: Tag[], key: string): Tag | undefined {
  const timelines = tags.filter((t) => t.name === 'Timeline');
  return (
    timelines.find((t) => t.props.id === key) ?? timelines.find((t) => !t.props.id && t.props.scenario === key)
  );
}

const presets = pages.flatMap((p) =>
  p.tags.filter((t) => t.name === 'ZoomTo').map((t) => [`${p.slug}:${t.line} → ${t.props.figure}`, t, p.tags] as const),
);
const zoomed = pages.flatMap((p) =>
  p.tags.filter((t) => t.name === 'Timeline' && t.props.zoom).map((t) => [`${p.slug}:${t.line}`, t] as const),
);

describe('<ZoomTo> presets', () => {
  it('the threads and asyncio articles use them', () => {
    for (const slug of ['threads', 'asyncio'])
      expect(presets.filter(([where]) => where.startsWith(`${slug}:`)).length).toBeGreaterThanOrEqual(2);
  });

  it.each(presets)('%s names a figure on its page and a small window of its run where something happens', (_w, tag, tags) => {
    const figure = figureNamed(tags, tag.props.figure);
    expect(figure, `a <Timeline> with id or scenario "${tag.props.figure}"`).toBeDefined();
    const preset = presetWindow({ figure: tag.props.figure, startMs: tag.props.startMs, endMs: tag.props.endMs });
    expect(preset.ok).toBe(true);
    if (!preset.ok || !figure) return;
    const { startMs, endMs } = preset.window;
    const { traces, domainMs } = runOf(figure);
    expect(endMs).toBeLessThanOrEqual(domainMs);
    expect(endMs - startMs).toBeLessThan(domainMs / 2);
    const events = traces.flatMap((t) => t.events).filter((e) => e.timeMs >= startMs && e.timeMs <= endMs);
    expect(events.length).toBeGreaterThanOrEqual(2);
  });
});

describe('<Timeline zoom>', () => {
  it.each(zoomed)('%s opens on a window inside its run', (_w, tag) => {
    const parsed = parseWindow(tag.props.zoom);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { domainMs } = runOf(tag);
    expect(parsed.window.endMs).toBeLessThanOrEqual(domainMs);
    expect(parsed.window.endMs - parsed.window.startMs).toBeLessThan(domainMs);
  });
});
