/**
 * `virtual:articles`: the list of articles (slug, title, summary, order, reading time) and of standalone
 * pages, built from content/articles and content/pages at build time, so that every page can list them
 * without loading any article's code; and `details`, one small module per article or page (its headings and
 * the scenarios its widgets name), loaded only with that page's content.
 */
import { resolve } from 'node:path';
import { readArticles, readPages } from './articles.mjs';

const ID = 'virtual:articles';
const RESOLVED = '\0' + ID;
const DETAILS = 'virtual:article-details/';

/** What only an article's own page needs, loaded with its content (see src/site/loadContent.tsx). */
function details({ headings, tags }) {
  return {
    headings,
    // The scenarios its widgets name, loaded with the page before it renders.
    scenarios: [...new Set(tags.map((t) => t.props.scenario).filter((id) => typeof id === 'string'))],
    // Its Timeline tags that have an id, so that numbers in the prose can bind to them wherever they are.
    timelines: tags.filter((t) => t.name === 'Timeline' && typeof t.props.id === 'string').map((t) => t.props),
    // The tags it uses, so that widgets few pages need are loaded only with those pages.
    widgets: [...new Set(tags.map((t) => t.name).filter(Boolean))],
  };
}

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
      if (id === ID) return RESOLVED;
      return id.startsWith(DETAILS) ? '\0' + id : undefined;
    },
    load(id) {
      if (id.startsWith('\0' + DETAILS)) {
        const slug = id.slice(1 + DETAILS.length);
        const found = [...readArticles(dir), ...readPages(pagesDir)].find((a) => a.slug === slug);
        if (!found) return undefined;
        return `export default ${JSON.stringify(details(found))};`;
      }
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(dir);
      this.addWatchFile(pagesDir);
      const meta = ({ slug, title, summary, order, readingTime }) => ({
        slug,
        title,
        summary,
        order,
        readingTime,
        headings: [],
        scenarios: [],
      });
      const all = [...readArticles(dir), ...readPages(pagesDir)];
      const loaders = all.map((a) => `  ${JSON.stringify(a.slug)}: () => import(${JSON.stringify(DETAILS + a.slug)}),`);
      return [
        `export const articles = ${JSON.stringify(readArticles(dir).map(meta))};`,
        `export const pages = ${JSON.stringify(readPages(pagesDir).map(meta))};`,
        `export const details = {\n${loaders.join('\n')}\n};`,
      ].join('\n');
    },
    handleHotUpdate(ctx) {
      if (ctx.file.startsWith(dir) || ctx.file.startsWith(pagesDir)) {
        for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
          if (mod.id === RESOLVED || mod.id?.startsWith('\0' + DETAILS)) ctx.server.moduleGraph.invalidateModule(mod);
        }
      }
    },
  };
}
