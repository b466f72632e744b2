import { Layout } from './Layout';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { ArticlePage } from './pages/ArticlePage';
import { StandalonePage } from './pages/StandalonePage';
import type { ArticleComponent, Route } from './routes';

/** The whole page for a route. Article content is loaded before rendering, on the server and the client. */
export function App({ route, Content }: { route: Route; Content?: ArticleComponent }) {
  return (
    <Layout>
      {route.kind === 'home' ? <Home /> : null}
      {route.kind === 'article' && Content ? <ArticlePage article={route.article} Content={Content} /> : null}
      {route.kind === 'page' && Content ? <StandalonePage page={route.article} Content={Content} /> : null}
      {route.kind === 'not-found' ? <NotFound /> : null}
    </Layout>
  );
}
