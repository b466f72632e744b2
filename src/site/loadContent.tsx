import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import { contentFile, type ArticleComponent, type Route } from './routes';

const modules = import.meta.glob<{ default: ComponentType<{ components?: MDXComponents }> }>([
  '../../content/articles/*.mdx',
  '../../content/pages/*.mdx',
]);

/**
 * Loads what an article or standalone page needs before it renders (on the server and before hydration):
 * its compiled MDX, the widget registry and the scenarios its widgets name. The home and 404 pages load
 * none of it, so they stay light.
 */
export async function loadContent(route: Route): Promise<ArticleComponent | undefined> {
  const file = contentFile(route);
  if (!file || (route.kind !== 'article' && route.kind !== 'page')) return undefined;
  const load = modules[`../../${file}`];
  if (!load) throw new Error(`No content at ${file}`);
  const [{ default: Mdx }, { mdxComponents, preloadScenarios }] = await Promise.all([
    load(),
    import('../widgets/registry'),
  ]);
  await preloadScenarios(route.article.scenarios);
  return function Content() {
    return <Mdx components={mdxComponents} />;
  };
}
