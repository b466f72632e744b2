import { StrictMode } from 'react';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { App } from './site/App';
import { allRoutes, contentFile, pageDescription, pageTitle, type Route } from './site/routes';
import { loadContent } from './site/loadContent';
import { PatternSet } from './timeline/patterns';
import { PAGE_PATTERNS_ID } from './timeline/patternsOnPage';
import { SwatchSymbols } from './timeline/Legend';
import { ArrowMarker, PAGE_ARROW_ID } from './timeline/SvgMarks';
import { IconSymbols } from './widgets/timeline/icons';

export { THEME_BOOT_SCRIPT } from './site/theme';

/**
 * The span patterns, legend swatches, button icons and the flows' arrow head every figure of a page
 * references, written once per page beside the app (outside #root).
 */
export const PAGE_PATTERNS_HTML = renderToStaticMarkup(
  <PatternSet id={PAGE_PATTERNS_ID}>
    <SwatchSymbols />
    <IconSymbols />
    <ArrowMarker id={PAGE_ARROW_ID} />
  </PatternSet>,
);

export interface RenderedPage {
  path: string;
  kind: Route['kind'];
  /** The article's or page's source file, for finding its chunk in the client manifest. */
  file?: string;
  /** The MDX tags it uses: the chunks of those loaded on their own are preloaded and counted in the budget. */
  widgets: string[];
  title: string;
  description: string;
  html: string;
}

export async function renderAll(): Promise<RenderedPage[]> {
  const pages: RenderedPage[] = [];
  for (const route of allRoutes()) {
    const Content = await loadContent(route);
    const html = renderToString(
      <StrictMode>
        <App route={route} Content={Content} />
      </StrictMode>,
    );
    pages.push({
      path: route.path,
      kind: route.kind,
      file: contentFile(route),
      widgets: route.kind === 'article' || route.kind === 'page' ? (route.article.widgets ?? []) : [],
      title: pageTitle(route),
      description: pageDescription(route),
      html,
    });
  }
  return pages;
}
