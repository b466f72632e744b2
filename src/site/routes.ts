import type { ComponentType } from 'react';
import { articles, pages, type ArticleMeta } from 'virtual:articles';

/** An article's or page's body, with its widgets and scenarios loaded. */
export type ArticleComponent = ComponentType;

export type Route =
  | { kind: 'home'; path: '/' }
  | { kind: 'article'; path: string; article: ArticleMeta }
  | { kind: 'page'; path: string; article: ArticleMeta }
  | { kind: 'not-found'; path: string };

export const SITE_NAME = 'Interleave';
export const SITE_TAGLINE = 'Watch Python run your tasks: sequentially, with asyncio, threads and processes.';

export function articlePath(slug: string): string {
  return `/${slug}/`;
}

/** Every page the site prerenders, in order: home, the articles, standalone pages, then the 404 page. */
export function allRoutes(): Route[] {
  return [
    { kind: 'home', path: '/' },
    ...articles.map((article) => ({ kind: 'article' as const, path: articlePath(article.slug), article })),
    ...pages.map((article) => ({ kind: 'page' as const, path: articlePath(article.slug), article })),
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
  const page = pages.find((a) => a.slug === slug);
  if (page) return { kind: 'page', path: articlePath(slug), article: page };
  return { kind: 'not-found', path: pathname };
}

/** The source file of an article or standalone page, relative to the project root. */
export function contentFile(route: Route): string | undefined {
  if (route.kind === 'article') return `content/articles/${route.article.slug}.mdx`;
  if (route.kind === 'page') return `content/pages/${route.article.slug}.mdx`;
  return undefined;
}

export function pageTitle(route: Route): string {
  if (route.kind === 'article' || route.kind === 'page') return `${route.article.title} · ${SITE_NAME}`;
  if (route.kind === 'not-found') return `Page not found · ${SITE_NAME}`;
  return `${SITE_NAME}: a field guide to Python concurrency`;
}

export function pageDescription(route: Route): string {
  if (route.kind === 'article' || route.kind === 'page') return route.article.summary;
  if (route.kind === 'not-found') return 'This page does not exist. The guide’s articles are listed on the home page.';
  return 'An interactive field guide to Python concurrency: watch the same workload run sequentially, with asyncio, with threads and the GIL, and with processes, on timelines you can scrub and change.';
}

export { articles, pages };
