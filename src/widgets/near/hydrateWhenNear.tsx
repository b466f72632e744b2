/**
 * A prerendered widget whose code is fetched only when the reader scrolls near it or reaches for it. On
 * the server the widget renders at once (`serverImpl`), so the page's HTML holds it whole; in the browser
 * its Suspense boundary stays as that HTML (readable, not yet interactive) until the element nears the
 * viewport or is woken (focus, pointer, touch, a key: see intent.ts, or a link or a prediction naming it),
 * then the chunk loads and hydrates it, and the input that woke it is replayed.
 *
 * The props of such a widget come from the article and never change, so the wrapper never re-renders:
 * an update reaching a boundary still waiting to hydrate would make React drop its HTML.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { whenNear, whenScrolled } from './whenNear';
import { replayQueued, whenWoken } from './intent';
import { groupReady, joinGroup, wakeGroup } from './groups';

/** The wrapper element, once React has attached it (see `open`). */
interface Gate {
  element: Promise<HTMLElement>;
  open(el: HTMLElement): void;
}

function createGate(): Gate {
  let open: (el: HTMLElement) => void = () => {};
  const element = new Promise<HTMLElement>((resolve) => (open = resolve));
  return { element, open };
}

/**
 * Renders nothing; once the widget beside it has hydrated (and every island of its group has), marks the
 * wrapper `data-ready` (the intent guard and tests read it) and replays the input that arrived before.
 */
function Ready({ gate, group }: { gate: Gate; group?: string }) {
  useEffect(
    () =>
      void gate.element
        .then((el) => (group === undefined ? el : groupReady(group, el).then(() => el)))
        .then((el) => {
          el.setAttribute('data-ready', '');
          replayQueued(el);
        }),
    [gate, group],
  );
  return null;
}

/**
 * When a prerendered island wakes: as it nears the viewport or is reached for; only when reached for; or
 * as it nears the viewport once the page has scrolled, so that nothing loads before the reader acts.
 */
export type Wake = 'near' | 'intent' | 'scrolled';

const wakeUp = (element: HTMLElement, wake: Wake): Promise<void> => {
  const woken = whenWoken(element);
  if (wake === 'intent') return woken;
  const near = wake === 'near' ? whenNear(element) : whenScrolled().then(() => whenNear(element));
  return Promise.race([near, woken]);
};

export interface IslandOptions<P> {
  /** The widget itself, for rendering on the server; asked at render time, so it may be prepared late. */
  server: () => ComponentType<P> | null;
  /** Fetches the widget's code (given the island's props). */
  load: (props: P) => Promise<ComponentType<P>>;
  className: string;
  wake?: Wake;
  /** The wrapper element: a span for a widget inside a sentence. */
  as?: 'div' | 'span';
  /** Islands with the same group (a timeline's id) wake and become ready together (groups.ts). */
  group?: (props: P) => string | undefined;
}

export function island<P extends object>({
  server,
  load,
  className,
  wake = 'near',
  as: Wrapper = 'div',
  group: groupOf,
}: IslandOptions<P>): ComponentType<P> {
  function Island(props: P) {
    const [gate] = useState(createGate);
    const [group] = useState(() => groupOf?.(props));
    const attach = useCallback((el: HTMLElement | null) => void (el && gate.open(el)), [gate]);
    const [Impl] = useState(
      () =>
        server() ??
        lazy(async () => {
          // Only prerendered HTML is worth keeping until then; rendered afresh (the dev server sends no
          // HTML) the widget has nothing to show in the meantime, so it loads at once.
          const element = await gate.element;
          if (group !== undefined) joinGroup(group, element);
          if (element.childElementCount > 0) {
            await wakeUp(element, wake);
            if (group !== undefined) wakeGroup(group);
          }
          return { default: await load(props) };
        }),
    );
    return (
      <Wrapper ref={attach} className={className} data-island="">
        <Suspense fallback={null}>
          <Impl {...props} />
          <Ready gate={gate} group={group} />
        </Suspense>
      </Wrapper>
    );
  }
  return memo(Island, () => true);
}

/** An island that wakes near the viewport or on intent, rendered on the server by `serverImpl`. */
export function hydrateWhenNear<P extends object>(
  serverImpl: ComponentType<P> | null,
  load: () => Promise<ComponentType<P>>,
  className: string,
): ComponentType<P> {
  return island({ server: () => serverImpl, load, className });
}
