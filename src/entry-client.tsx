import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './site/App';
import { matchRoute } from './site/routes';
import { loadContent } from './site/loadContent';
import { installIntentGuard, wake } from './widgets/near/intent';
import { loadWorkbench } from './widgets/editor/loadWorkbench';
import { loadValidator } from './share/loadValidator';
import { startSimWorkerEarly } from './store/workerStart';
import { whenPlaced } from './store/placement';
import { holdNear } from './widgets/near/whenNear';
import type { TimelineStore } from './store/timelineStore';

/** Once the store has no simulation pending (its view is drawn). */
function simulated(store: TimelineStore): Promise<void> {
  return new Promise((resolve) => {
    if (!store.getState().pending) return resolve();
    const stop = store.subscribe((s) => {
      if (s.pending) return;
      stop();
      resolve();
    });
  });
}
import './site/styles/index.css';

async function start() {
  const root = document.getElementById('root');
  if (!root) return;
  // Before anything hydrates: input on a prerendered figure is held for it, not lost or given to the page
  // (intent.ts); and a link naming a figure lands on it, which hydrates at once, wherever it is.
  installIntentGuard();
  // Another tab saved edits of this page: the code that keeps views follows them here too (sync.ts).
  window.addEventListener('storage', (e: StorageEvent) => {
    if (e.key?.startsWith(`interleave:edits:${location.pathname}:`)) void loadWorkbench();
  });
  if (location.hash.includes('tl.')) {
    // What shows the linked view is fetched now, beside the page's hydration, rather than one piece after
    // another once its figure has hydrated: the figure's code, the workload features, the schema validator,
    // and the simulation worker, started so that it is ready when the view is simulated.
    startSimWorkerEarly();
    const workbench = loadWorkbench();
    // The linked figure hydrates as soon as the page does: its code (and the simulator) is fetched now.
    void import('./widgets/timeline/ArticleTimeline').then((m) => m.loadBound());
    void loadValidator();
    const landing = import('./share/landing').then((m) => {
      const figure = m.landOnLink();
      const island = figure?.closest('[data-island]');
      if (island) wake(island);
      const key = figure?.dataset.figure;
      if (!key) return;
      // The figure restores its view once it has hydrated (Keeper.tsx); until it is drawn, others wait.
      return new Promise<TimelineStore>((resolve) => whenPlaced(key, resolve)).then((store) =>
        workbench.then((wb) => wb.whenRestored(store)).then(() => simulated(store)),
      );
    });
    // Until the linked figure is drawn, the figures near it wait to hydrate (a reader's input still wakes them).
    holdNear(landing);
  }
  // The 404 page is served for any unknown address: hydrate it as what it was rendered as.
  const route = document.body.dataset.route === 'not-found' ? matchRoute('/404.html') : matchRoute(location.pathname);
  const Content = await loadContent(route);
  const app = (
    <StrictMode>
      <App route={route} Content={Content} />
    </StrictMode>
  );
  // Built pages arrive prerendered and hydrate; the dev server (npm run dev) sends an empty root to render.
  if (root.firstElementChild) hydrateRoot(root, app);
  else createRoot(root).render(app);
}

void start();
