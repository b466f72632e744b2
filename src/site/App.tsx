import { PatternsOnPage, pageHasPatterns } from '../timeline/patternsOnPage';
import { Layout } from './Layout';
import { ArticlePage } from './pages/ArticlePage';
import { StandalonePage } from './pages/StandalonePage';
import type { ArticleComponent, Route } from './routes';

/**
 * The whole page for a route. Its content (an article's body, or the home or 404 page) is loaded before
 * rendering, on the server and the client (see loadContent), so each page downloads only its own. The
 * span patterns are defined once for a built page, for all its figures (timeline/patternsOnPage.ts).
 */
export function App({ route, Content }: { route: Route; Content?: ArticleComponent }) {
  return (
    <PatternsOnPage.Provider value={pageHasPatterns()}>
      <Layout>
        {route.kind === 'home' && Content ? <Content /> : null}
        {route.kind === 'article' && Content ? <ArticlePage article={route.article} Content={Content} /> : null}
        {route.kind === 'page' && Content ? <StandalonePage page={route.article} Content={Content} /> : null}
        {route.kind === 'not-found' && Content ? <Content /> : null}
      </Layout>
    </PatternsOnPage.Provider>
  );
}
