/**
 * Reads the articles in content/articles at build time: frontmatter, headings (for the table of contents),
 * the MDX tags they use and the scenarios they name. Shared by the Vite plugin and the content tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { slugify } from './rehype-heading-ids.mjs';

export const REQUIRED_FIELDS = {
  title: 'string',
  summary: 'string',
  order: 'number',
  readingTime: 'number',
};

/** Standalone pages (content/pages) are not part of the reading order: they need only a title and a summary. */
export const PAGE_FIELDS = {
  title: 'string',
  summary: 'string',
};

export class ArticleError extends Error {
  constructor(file, field, message) {
    super(`${file}: ${field ? `${field} ` : ''}${message}`);
    this.file = file;
    this.field = field;
  }
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter);

function attr(node, name) {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** Parses one article's (or page's) source. `file` is only used in messages. */
export function readArticle(source, file, required = REQUIRED_FIELDS) {
  const tree = parser.parse(source);
  const yamlNode = tree.children.find((n) => n.type === 'yaml');
  if (!yamlNode) throw new ArticleError(file, '', 'has no frontmatter (--- title: … ---)');
  let data;
  try {
    data = parseYaml(yamlNode.value) ?? {};
  } catch (error) {
    throw new ArticleError(file, 'frontmatter', `is not valid YAML: ${error.message}`);
  }
  for (const [field, type] of Object.entries(required)) {
    if (data[field] === undefined || data[field] === null || data[field] === '') {
      throw new ArticleError(file, field, 'is missing from the frontmatter');
    }
    if (typeof data[field] !== type) {
      throw new ArticleError(file, field, `must be a ${type}`);
    }
  }
  const headings = [];
  const seen = new Map();
  const tags = [];
  const links = [];
  let words = 0;
  const walk = (node) => {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      const text = toString(node);
      const base = slugify(text) || 'section';
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      headings.push({ depth: node.depth, text, id: n === 1 ? base : `${base}-${n}` });
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const props = {};
      for (const a of node.attributes ?? []) {
        if (a.type === 'mdxJsxAttribute') props[a.name] = typeof a.value === 'string' ? a.value : true;
      }
      // The first fenced code block inside the tag (a timeline's code, for code-line sync).
      const code = (node.children ?? []).find((c) => c.type === 'code');
      tags.push({
        name: node.name,
        props,
        line: node.position?.start.line ?? 0,
        ...(code ? { code: { lang: code.lang ?? '', lines: code.value.split('\n').length } } : {}),
      });
      const href = attr(node, 'href');
      if (href) links.push(href);
    }
    if (node.type === 'link') links.push(node.url);
    if (node.type === 'text') words += node.value.split(/\s+/).filter(Boolean).length;
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return {
    slug: basename(file, '.mdx'),
    title: data.title,
    summary: data.summary,
    order: data.order,
    readingTime: data.readingTime,
    headings,
    tags,
    links,
    words,
  };
}

function readDir(dir, folder, required) {
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  } catch {
    return [];
  }
  return files.sort().map((f) => readArticle(readFileSync(join(dir, f), 'utf8'), `content/${folder}/${f}`, required));
}

export function readArticles(dir) {
  return readDir(dir, 'articles', REQUIRED_FIELDS).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** Standalone pages (demos, the playground), sorted by slug. */
export function readPages(dir) {
  return readDir(dir, 'pages', PAGE_FIELDS);
}
