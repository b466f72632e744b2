/**
 * `virtual:articles`: the list of articles (slug, title, summary, order, reading time, headings), built from
 * content/articles at build time so that every page can show the article list and the table of contents
 * without loading any other article's code.
 */
import { resolve } from 'node:path';
import { readArticles } from './articles.mjs';

const ID = 'virtual:articles';
const RESOLVED = '\0' + ID;

export function articlesPlugin() {
  let dir;
  return {
    name: 'interleave-articles',
    configResolved(config) {
      dir = resolve(config.root, 'content/articles');
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(dir);
      const list = readArticles(dir).map(({ slug, title, summary, order, readingTime, headings }) => ({
        slug,
        title,
        summary,
        order,
        readingTime,
        headings,
      }));
      return `export const articles = ${JSON.stringify(list)};`;
    },
    handleHotUpdate(ctx) {
      if (ctx.file.startsWith(dir)) {
        const mod = ctx.server.moduleGraph.getModuleById(RESOLVED);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}
