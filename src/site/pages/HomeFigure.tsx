/**
 * The home page's live figure as an island: prerendered whole into the page's HTML, and made interactive
 * (its code fetched, the scenario simulated again) only when the reader reaches for it: a pointer over it,
 * a touch, focus, or a key (see widgets/near/intent.ts, which holds the input and replays it once the
 * island is ready). The home page therefore loads no timeline code before the reader acts.
 */
import type { ComponentType } from 'react';
import { island } from '../../widgets/near/hydrateWhenNear';

let serverFigure: ComponentType | null = null;

/** Before the home page renders on the server: the live figure, ready to render whole into the HTML. */
export async function prepareHome(): Promise<void> {
  if (!import.meta.env.SSR) return;
  const live = await import('./HomeFigureLive');
  await live.prepareHomeFigure();
  serverFigure = live.HomeFigureLive;
}

export const HomeFigure = island<object>({
  server: () => serverFigure,
  load: async () => {
    const live = await import('./HomeFigureLive');
    await live.prepareHomeFigure();
    return live.HomeFigureLive;
  },
  className: 'home-island',
  wake: 'intent',
});
