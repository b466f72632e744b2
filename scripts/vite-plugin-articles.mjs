/**
 * `virtual:articles`: the list of articles (slug, title, summary, order, reading time) and of standalone
 * pages, built from content/articles and content/pages at build time, so that every page can list them
 * without loading any article's code; and `details`, one small module per article or page (its headings and
 * the scenarios its widgets name), loaded only with that page's content.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArticles, readPages } from './articles.mjs';
import { scenarioEntry } from './vite-plugin-scenarios.ts';

const ID = 'virtual:articles';
const RESOLVED = '\0' + ID;
const DETAILS = 'virtual:article-details/';
const SUMMARIES = 'virtual:article-summaries';

/** What only an article's own page needs, loaded with its content (see src/site/loadContent.tsx). */
function details({ summary, headings, tags }, scenarioDir) {
  const scenarios = [...new Set(tags.map((t) => t.props.scenario).filter((id) => typeof id === 'string'))];
  const known = scenarios.filter((id) => existsSync(join(scenarioDir, `${id}.json`)));
  return {
    // Shown as the page's lede; the home page loads every summary on its own (virtual:article-summaries).
    summary,
    headings,
    // The scenarios its widgets name, shipped in this one module (one small file per page, not one per
    // scenario); an id with no file is left for the widget to report.
    scenarios,
    scenarioEntries: Object.fromEntries(known.map((id) => [id, scenarioEntry(scenarioDir, id)])),
    // Its Timeline tags that have an id, so that numbers in the prose can bind to them wherever they are.
    timelines: tags.filter((t) => t.name === 'Timeline' && typeof t.props.id === 'string').map((t) => t.props),
    // The tags it uses, so that widgets few pages need are loaded only with those pages.
    widgets: [...new Set(tags.map((t) => t.name).filter(Boolean))],
  };
}

export function articlesPlugin() {
  let dir;
  let pagesDir;
  let scenarioDir;
  return {
    name: 'interleave-articles',
    configResolved(config) {
      dir = resolve(config.root, 'content/articles');
      pagesDir = resolve(config.root, 'content/pages');
      scenarioDir = resolve(config.root, 'content/scenarios');
    },
    resolveId(id) {
      if (id === ID) return RESOLVED;
      if (id === SUMMARIES) return '\0' + SUMMARIES;
      return id.startsWith(DETAILS) ? '\0' + id : undefined;
    },
    load(id) {
      if (id.startsWith('\0' + DETAILS)) {
        const slug = id.slice(1 + DETAILS.length);
        const found = [...readArticles(dir), ...readPages(pagesDir)].find((a) => a.slug === slug);
        if (!found) return undefined;
        const own = details(found, scenarioDir);
        for (const id of Object.keys(own.scenarioEntries)) this.addWatchFile(join(scenarioDir, `${id}.json`));
        return `export default ${JSON.stringify(own)};`;
      }
      if (id === '\0' + SUMMARIES) {
        const all = [...readArticles(dir), ...readPages(pagesDir)];
        return `export default ${JSON.stringify(Object.fromEntries(all.map((a) => [a.slug, a.summary])))};`;
      }
      if (id !== RESOLVED) return undefined;
      // No addWatchFile for the folders: the dev server watches the project already, and handleHotUpdate
      // below invalidates these modules when an article or page changes.
      // Every page lists the articles (navigation, previous and next); only the home page shows their
      // summaries, so those stay out of this list.
      const meta = ({ slug, title, order, readingTime }) => ({
        slug,
        title,
        summary: '',
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
        `export const summaries = () => import(${JSON.stringify(SUMMARIES)});`,
      ].join('\n');
    },
    handleHotUpdate(ctx) {
      if (ctx.file.startsWith(dir) || ctx.file.startsWith(pagesDir) || ctx.file.startsWith(scenarioDir)) {
        for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
          if (mod.id === RESOLVED || mod.id === '\0' + SUMMARIES || mod.id?.startsWith('\0' + DETAILS)) {
            ctx.server.moduleGraph.invalidateModule(mod);
          }
        }
      }
    },
  };
}
