/**
 * The home page's live figure as an island: prerendered whole into the page's HTML, and made interactive
 * (its code fetched, the scenario simulated again) only when the reader reaches for it: a pointer over it,
 * a touch, focus, or a key (see widgets/near/intent.ts, which holds the input and replays it once the
 * island is ready). The home page therefore loads no timeline code before the reader acts.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { replayQueued, whenWoken } from '../../widgets/near/intent';

let serverFigure: ComponentType | null = null;

/** Before the home page renders on the server: the live figure, ready to render whole into the HTML. */
export async function prepareHome(): Promise<void> {
  if (!import.meta.env.SSR) return;
  const live = await import('./HomeFigureLive');
  await live.prepareHomeFigure();
  serverFigure = live.HomeFigureLive;
}

interface Gate {
  element: Promise<HTMLElement>;
  open(el: HTMLElement): void;
}

function createGate(): Gate {
  let open: (el: HTMLElement) => void = () => {};
  const element = new Promise<HTMLElement>((resolve) => (open = resolve));
  return { element, open };
}

/** Once the figure has hydrated: marks the island ready and replays the input that woke it. */
function Ready({ gate }: { gate: Gate }) {
  useEffect(
    () =>
      void gate.element.then((el) => {
        el.setAttribute('data-ready', '');
        replayQueued(el);
      }),
    [gate],
  );
  return null;
}

function Island() {
  const [gate] = useState(createGate);
  const attach = useCallback((el: HTMLDivElement | null) => void (el && gate.open(el)), [gate]);
  const [Figure] = useState(
    () =>
      serverFigure ??
      lazy(async () => {
        const element = await gate.element;
        // Prerendered HTML stays until the reader reaches for it; with none (the dev server), load at once.
        if (element.childElementCount > 0) await whenWoken(element);
        const live = await import('./HomeFigureLive');
        await live.prepareHomeFigure();
        return { default: live.HomeFigureLive };
      }),
  );
  return (
    <div ref={attach} className="home-island" data-island="">
      <Suspense fallback={null}>
        <Figure />
        <Ready gate={gate} />
      </Suspense>
    </div>
  );
}

/** Never re-rendered: an update reaching a boundary still waiting to hydrate would drop its HTML. */
export const HomeFigure = memo(Island, () => true);
