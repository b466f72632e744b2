import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './site/App';
import { matchRoute } from './site/routes';
import { loadContent } from './site/loadContent';
import './site/styles/index.css';

async function start() {
  const root = document.getElementById('root');
  if (!root) return;
  // The 404 page is served for any unknown address: hydrate it as what it was rendered as.
  const route = document.body.dataset.route === 'not-found' ? matchRoute('/404.html') : matchRoute(location.pathname);
  const Content = await loadContent(route);
  hydrateRoot(
    root,
    <StrictMode>
      <App route={route} Content={Content} />
    </StrictMode>,
  );
}

void start();
