// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root, RootContent } from 'hast';
import { TOKEN_CLASSES, rehypeShikiClasses, stylePair } from '../../scripts/rehype-shiki-classes.mjs';

/** As vite.config.ts configures it (plain text needs no grammar here). */
const SHIKI: RehypeShikiOptions = {
  themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  defaultColor: 'light',
  langs: ['python', 'json', 'bash'],
};

const SOURCE = [
  '```python',
  'import asyncio',
  '',
  '# three tasks, one loop',
  'async def job(name: str, seconds: float) -> None:',
  '    await asyncio.sleep(seconds * 2)',
  '    print(f"{name} done", 0x1F, True)',
  '',
  'asyncio.run(job("a", 1.5))',
  '```',
  '',
  '```json',
  '{ "tasks": [{ "name": "a", "durationMs": 120 }] }',
  '```',
  '',
  '```bash',
  'npm run simulate -- content/scenarios/three-sleeps.json --model all',
  '```',
].join('\n');

async function render(withClasses: boolean): Promise<Root> {
  const pipeline = unified().use(remarkParse).use(remarkRehype).use(rehypeShiki, SHIKI);
  if (withClasses) pipeline.use(rehypeShikiClasses);
  return (await pipeline.run(pipeline.parse(SOURCE))) as Root;
}

const CLASS_PAIR = new Map(Object.entries(TOKEN_CLASSES as Record<string, string>).map(([p, c]) => [c, p]));

/** Each character of every line with the colour pair it is drawn in (inherited from its ancestors). */
function colouredText(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Root | RootContent, pair: string | null) => {
    if (node.type === 'text') {
      for (const ch of node.value) out.push(`${ch}:${pair}`);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let here = pair;
    if (node.type === 'element') {
      const el = node as Element;
      const style = String(el.properties?.style ?? '');
      const fromStyle =
        el.tagName === 'pre'
          ? (() => {
              const l = /(?:^|;)color:(#\w+)/.exec(style);
              const d = /--shiki-dark:(#\w+)/.exec(style);
              return l && d ? `${l[1].toUpperCase()}|${d[1].toUpperCase()}` : null;
            })()
          : stylePair(style);
      const raw = el.properties?.className ?? el.properties?.class;
      const cls = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/\s+/);
      const fromClass = cls.map((c) => CLASS_PAIR.get(c)).find(Boolean) ?? null;
      here = fromStyle ?? (el.tagName === 'span' && fromClass ? fromClass : here);
    }
    for (const c of node.children) walk(c, here);
  };
  walk(tree, null);
  return out;
}

describe('rehypeShikiClasses', () => {
  it('draws every character in the colours Shiki gave it, light and dark', async () => {
    const before = colouredText(await render(false));
    const after = colouredText(await render(true));
    expect(after).toEqual(before);
    expect(new Set(before.map((c) => c.split(':').slice(1).join(':'))).size).toBeGreaterThan(4);
  });

  it('leaves no inline style on a token and is shorter', async () => {
    const before = toHtml(await render(false));
    const html = toHtml(await render(true));
    expect(html).not.toMatch(/<span style=/);
    expect(html).toMatch(/<span class="k">/);
    expect(html.length).toBeLessThan(before.length * 0.6);
    // Every line is still its own span.line, as the code panel reads them.
    expect(html.match(/class="line"/g)!.length).toBe(before.match(/class="line"/g)!.length);
  });

  it('has a rule in code.css for each class, with the same two colours', () => {
    const css = readFileSync(new URL('../../src/site/styles/code.css', import.meta.url), 'utf8');
    for (const [pair, cls] of Object.entries(TOKEN_CLASSES as Record<string, string>)) {
      const [light, dark] = pair.toLowerCase().split('|');
      const rule = new RegExp(`\\.shiki \\.${cls} \\{\\s*color: ${light};\\s*--shiki-dark: ${dark};\\s*\\}`);
      expect(css, `.shiki .${cls}`).toMatch(rule);
    }
  });

  it('keeps the inline style of a pair it does not know', () => {
    const span = (style: string, text: string): Element => ({
      type: 'element',
      tagName: 'span',
      properties: { style },
      children: [{ type: 'text', value: text }],
    });
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'pre',
          properties: { className: ['shiki'], style: 'color:#0e1116;--shiki-dark:#f0f3f6' },
          children: [
            {
              type: 'element',
              tagName: 'code',
              properties: {},
              children: [
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { className: ['line'] },
                  children: [
                    span('color:#123456;--shiki-dark:#654321', 'odd'),
                    span('color:#0E1116;--shiki-dark:#F0F3F6', ' plain '),
                    span('color:#A0111F;--shiki-dark:#FF9492', 'if'),
                    span('color:#A0111F;--shiki-dark:#FF9492', ' not'),
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    (rehypeShikiClasses() as (t: Root) => void)(tree);
    expect(toHtml(tree)).toBe(
      '<pre class="shiki" style="color:#0e1116;--shiki-dark:#f0f3f6"><code><span class="line">' +
        '<span style="color:#123456;--shiki-dark:#654321">odd</span> plain <span class="k">if not</span></span></code></pre>',
    );
  });
});
