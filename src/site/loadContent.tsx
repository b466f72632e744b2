import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import { articles, details, pages, summaries } from 'virtual:articles';
import { contentFile, type ArticleComponent, type Route } from './routes';

const modules = import.meta.glob<{ default: ComponentType<{ components?: MDXComponents }> }>([
  '../../content/articles/*.mdx',
  '../../content/pages/*.mdx',
]);

/**
 * Loads what an article or standalone page needs before it renders (on the server and before hydration):
 * its compiled MDX, its details (headings for the table of contents, the scenarios it names with their
 * contents, the tags it uses), the widget registry and the few widgets only some pages use (preparePage). The
 * home page loads itself, the summaries it lists and the one scenario its figure draws, and the 404 page only
 * itself, so they stay light.
 */
export async function loadContent(route: Route): Promise<ArticleComponent | undefined> {
  if (route.kind === 'home') {
    const [{ default: bySlug }, { Home, prepareHome }] = await Promise.all([summaries(), import('./pages/Home')]);
    for (const item of [...articles, ...pages]) item.summary = bySlug[item.slug] ?? '';
    await prepareHome();
    return Home;
  }
  if (route.kind === 'not-found') return (await import('./pages/NotFound')).NotFound;
  const file = contentFile(route);
  if (!file || (route.kind !== 'article' && route.kind !== 'page')) return undefined;
  const load = modules[`../../${file}`];
  const loadDetails = details[route.article.slug];
  if (!load || !loadDetails) throw new Error(`No content at ${file}`);
  const [{ default: Mdx }, widgets, { default: own }] = await Promise.all([
    load(),
    import('../widgets/registry'),
    loadDetails(),
  ]);
  const { mdxComponents, primeScenarios, preparePage } = widgets;
  const { scenarioEntries, ...rest } = own;
  primeScenarios(scenarioEntries);
  // The list entry is shared by every page; its details are filled in once, when its own page loads.
  Object.assign(route.article, rest);
  await preparePage(route.article);
  return function Content() {
    return <Mdx components={mdxComponents} />;
  };
}
