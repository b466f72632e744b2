/**
 * `virtual:articles`: the list of articles (slug, title, summary, order, reading time, headings) and of
 * standalone pages, built from content/articles and content/pages at build time so that every page can show the article list and the table of contents
 * without loading any other article's code.
 */
import { resolve } from 'node:path';
import { readArticles, readPages } from './articles.mjs';

const ID = 'virtual:articles';
const RESOLVED = '\0' + ID;

export function articlesPlugin() {
  let dir;
  let pagesDir;
  return {
    name: 'interleave-articles',
    configResolved(config) {
      dir = resolve(config.root, 'content/articles');
      pagesDir = resolve(config.root, 'content/pages');
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(dir);
      this.addWatchFile(pagesDir);
      const meta = ({ slug, title, summary, order, readingTime, headings, tags }) => ({
        slug,
        title,
        summary,
        order,
        readingTime,
        headings,
        // The scenarios its widgets name, loaded with the page before it renders.
        scenarios: [...new Set(tags.map((t) => t.props.scenario).filter((id) => typeof id === 'string'))],
      });
      return [
        `export const articles = ${JSON.stringify(readArticles(dir).map(meta))};`,
        `export const pages = ${JSON.stringify(readPages(pagesDir).map(meta))};`,
      ].join('\n');
    },
    handleHotUpdate(ctx) {
      if (ctx.file.startsWith(dir) || ctx.file.startsWith(pagesDir)) {
        const mod = ctx.server.moduleGraph.getModuleById(RESOLVED);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}
