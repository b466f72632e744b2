/**
 * A prerendered widget whose code is fetched only when the reader scrolls near it. On the server the
 * widget renders at once (`serverImpl`), so the page's HTML holds it whole; in the browser its Suspense
 * boundary stays as that HTML (readable, not yet interactive) until the element nears the viewport, then
 * the chunk loads and hydrates it.
 *
 * The props of such a widget come from the article and never change, so the wrapper never re-renders:
 * an update reaching a boundary still waiting to hydrate would make React drop its HTML.
 */
import { lazy, memo, Suspense, useRef, useState, type ComponentType } from 'react';
import { whenNear } from './whenNear';

function waitForElement(ref: { current: HTMLElement | null }): Promise<HTMLElement> {
  return new Promise((resolve) => {
    const check = () => (ref.current ? resolve(ref.current) : requestAnimationFrame(check));
    check();
  });
}

export function hydrateWhenNear<P extends object>(
  serverImpl: ComponentType<P> | null,
  load: () => Promise<ComponentType<P>>,
  className: string,
): ComponentType<P> {
  function Near(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [Impl] = useState(() =>
      serverImpl
        ? serverImpl
        : lazy(async () => {
            await whenNear(await waitForElement(ref));
            return { default: await load() };
          }),
    );
    return (
      <div ref={ref} className={className}>
        <Suspense fallback={null}>
          <Impl {...props} />
        </Suspense>
      </div>
    );
  }
  return memo(Near, () => true);
}
