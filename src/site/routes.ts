import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import { articles, type ArticleMeta } from 'virtual:articles';

export type ArticleComponent = ComponentType<{ components?: MDXComponents }>;

export type Route =
  | { kind: 'home'; path: '/' }
  | { kind: 'article'; path: string; article: ArticleMeta }
  | { kind: 'not-found'; path: string };

const modules = import.meta.glob<{ default: ArticleComponent }>('../../content/articles/*.mdx');

export const SITE_NAME = 'Interleave';
export const SITE_TAGLINE = 'Watch Python run your tasks: sequentially, with asyncio, threads and processes.';

export function articlePath(slug: string): string {
  return `/${slug}/`;
}

/** Every page the site prerenders, in order: home, the articles, then the 404 page. */
export function allRoutes(): Route[] {
  return [
    { kind: 'home', path: '/' },
    ...articles.map((article) => ({ kind: 'article' as const, path: articlePath(article.slug), article })),
    { kind: 'not-found', path: '/404.html' },
  ];
}

/** The route for a URL path; unknown paths get the 404 route. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/index\.html$/, '');
  if (path === '/' || path === '') return { kind: 'home', path: '/' };
  const slug = path.replace(/^\/+|\/+$/g, '');
  const article = articles.find((a) => a.slug === slug);
  if (article) return { kind: 'article', path: articlePath(slug), article };
  return { kind: 'not-found', path: pathname };
}

/** Loads the compiled MDX of an article. */
export async function loadArticle(slug: string): Promise<ArticleComponent> {
  const load = modules[`../../content/articles/${slug}.mdx`];
  if (!load) throw new Error(`No article named ${slug}`);
  return (await load()).default;
}

export function pageTitle(route: Route): string {
  if (route.kind === 'article') return `${route.article.title} · ${SITE_NAME}`;
  if (route.kind === 'not-found') return `Page not found · ${SITE_NAME}`;
  return `${SITE_NAME}: a field guide to Python concurrency`;
}

export function pageDescription(route: Route): string {
  if (route.kind === 'article') return route.article.summary;
  if (route.kind === 'not-found') return 'This page does not exist. The guide’s articles are listed on the home page.';
  return 'An interactive field guide to Python concurrency: watch the same workload run sequentially, with asyncio, with threads and the GIL, and with processes, on timelines you can scrub and change.';
}

export { articles };
