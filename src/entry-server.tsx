import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './site/App';
import { allRoutes, loadArticle, pageDescription, pageTitle, type Route } from './site/routes';

export { THEME_BOOT_SCRIPT } from './site/theme';

export interface RenderedPage {
  path: string;
  kind: Route['kind'];
  /** The article's slug, for finding its chunk in the client manifest. */
  slug?: string;
  title: string;
  description: string;
  html: string;
}

export async function renderAll(): Promise<RenderedPage[]> {
  const pages: RenderedPage[] = [];
  for (const route of allRoutes()) {
    const Content = route.kind === 'article' ? await loadArticle(route.article.slug) : undefined;
    const html = renderToString(
      <StrictMode>
        <App route={route} Content={Content} />
      </StrictMode>,
    );
    pages.push({
      path: route.path,
      kind: route.kind,
      slug: route.kind === 'article' ? route.article.slug : undefined,
      title: pageTitle(route),
      description: pageDescription(route),
      html,
    });
  }
  return pages;
}
