/**
 * Input that reaches a prerendered widget before it has hydrated. Such a widget (an island, marked
 * `data-island` until `data-ready`) looks interactive but has no handlers yet, so a key pressed on its
 * slider would fall through to the page (Home scrolls to the top) and a click on Play would do nothing.
 *
 * The guard listens on the document in the capture phase, before anything else sees the event: focus,
 * a pointer or a touch on an island wakes it (it hydrates at once, wherever it is on the page); a key or a
 * click there is held back from the page and queued, then replayed on the same control once the island is
 * ready. Keys that belong to the browser (Tab, Escape, shortcuts with Ctrl, Alt or Meta) pass through.
 */

const ISLAND = '[data-island]:not([data-ready])';

interface Queued {
  /** The control the input was aimed at (hydration keeps the prerendered elements). */
  target: Element;
  key?: KeyboardEventInit;
  /** A file input whose files were chosen (its `change`), or files dropped on the island. */
  change?: true;
  dropped?: File[];
  /** A radio or checkbox the click already toggled: its state before the click. */
  toggledFrom?: boolean;
  focused: boolean;
}

const isToggle = (el: Element | null): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');

const woken = new WeakSet<Element>();
const wakers = new WeakMap<Element, Array<() => void>>();
const queues = new WeakMap<Element, Queued[]>();

/** Resolves once the island is woken by the reader's intent (or by `wake`). */
export function whenWoken(island: Element): Promise<void> {
  if (woken.has(island)) return Promise.resolve();
  return new Promise((resolve) => wakers.set(island, [...(wakers.get(island) ?? []), resolve]));
}

/** Hydrate this island now (a shared link names it, a prediction reveals it, the reader reached for it). */
export function wake(island: Element): void {
  if (woken.has(island)) return;
  woken.add(island);
  for (const resolve of wakers.get(island) ?? []) resolve();
  wakers.delete(island);
}

/** True once React has attached an element (hydrated it): its props are set on the node. */
const attached = (el: Element) => Object.keys(el).some((k) => k.startsWith('__reactProps'));

/**
 * The island around an element, if it is still waiting to hydrate; or, while the page itself has not
 * hydrated yet, the figure around it (figures bound to numbers in the prose hydrate with the page).
 */
export function pendingIsland(el: Element | null): Element | null {
  const island = el?.closest(ISLAND);
  if (island) return island;
  const figure = el?.closest('#root .widget-wide');
  return figure && !attached(figure) ? figure : null;
}

/** For input held on a figure that hydrates with the page: replays it once React has attached the figure. */
function replayWhenAttached(figure: Element): void {
  const check = () => (attached(figure) ? requestAnimationFrame(() => replayQueued(figure)) : setTimeout(check, 16));
  check();
}

/** Keys with which the browser moves the choice through a group of radios. */
const RADIO_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

const BROWSER_KEYS = new Set(['Tab', 'Escape', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'ContextMenu']);

/** Keys a control handles itself; anything with a modifier (a browser shortcut) or a function key does not. */
const heldBack = (e: KeyboardEvent) =>
  !e.ctrlKey && !e.metaKey && !e.altKey && !BROWSER_KEYS.has(e.key) && !/^F\d+$/.test(e.key);

function queue(island: Element, entry: Queued): void {
  const first = !queues.has(island);
  queues.set(island, [...(queues.get(island) ?? []), entry]);
  if (first && !island.matches('[data-island]')) replayWhenAttached(island);
}

const readyWaiters = new WeakMap<Element, Array<() => void>>();
/** Where a pointer came over an island before it was ready. */
const hovered = new WeakMap<Element, { target: Element; pointerType: string }>();

/** Resolves once the island has hydrated (at once for an element that is not a waiting island). */
export function whenReady(island: Element): Promise<void> {
  if (!island.matches(ISLAND)) return Promise.resolve();
  return new Promise((resolve) => readyWaiters.set(island, [...(readyWaiters.get(island) ?? []), resolve]));
}

/** Replays what was queued for an island that has just become ready, and lets waiters go on. */
export function replayQueued(island: Element): void {
  for (const resolve of readyWaiters.get(island) ?? []) resolve();
  readyWaiters.delete(island);
  const over = hovered.get(island);
  hovered.delete(island);
  if (over && over.target.isConnected && over.target.matches(':hover')) {
    const init = { pointerType: over.pointerType };
    over.target.dispatchEvent(new PointerEvent('pointerover', { ...init, bubbles: true }));
    // pointerenter does not bubble: each element from the island down to the target hears its own.
    const entered: Element[] = [];
    for (let el: Element | null = over.target; el && el !== island.parentElement; el = el.parentElement)
      entered.push(el);
    for (const el of entered.reverse()) el.dispatchEvent(new PointerEvent('pointerenter', init));
  }
  const list = queues.get(island);
  queues.delete(island);
  for (const q of list ?? []) {
    const target = q.target;
    if (!(target instanceof HTMLElement) || !target.isConnected) continue;
    // Focus comes back to the control only if it was lost meanwhile, never from where the reader has moved on.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (q.focused && lost) target.focus({ preventScroll: true });
    if (q.key) target.dispatchEvent(new KeyboardEvent('keydown', { ...q.key, bubbles: true, cancelable: true }));
    else if (q.change) target.dispatchEvent(new Event('change', { bubbles: true }));
    else if (q.dropped) target.dispatchEvent(dropOf(q.dropped));
    else {
      if (q.toggledFrom !== undefined && target instanceof HTMLInputElement) target.checked = q.toggledFrom;
      target.click();
    }
  }
}

/** A drop of these files, for replaying one that arrived before the island could take it. */
function dropOf(files: readonly File[]): Event {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
}

let installed = false;

/** Installs the guard once per page (the client entry does, before hydrating). */
export function installIntentGuard(doc: Document = document): void {
  if (installed) return;
  installed = true;
  const wakeFrom = (e: Event) => {
    const island = pendingIsland(e.target instanceof Element ? e.target : null);
    if (island) wake(island);
    return island;
  };
  for (const name of ['focusin', 'pointerdown', 'touchstart'] as const) {
    doc.addEventListener(name, wakeFrom, { capture: true, passive: true });
  }
  // A pointer that came over a waiting island is still over it once it is ready: the island then hears
  // that it did (its pointer-enter handlers fetch what it will need, as they would have).
  doc.addEventListener(
    'pointerover',
    (e) => {
      const island = wakeFrom(e);
      if (island && e.target instanceof Element) hovered.set(island, { target: e.target, pointerType: e.pointerType });
    },
    { capture: true, passive: true },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      const island = wakeFrom(e);
      if (!island || !heldBack(e) || !(e.target instanceof Element)) return;
      const el = e.target;
      // Enter and Space on a button become a click, which is queued below; so do Space on a radio or a
      // checkbox and the arrows that move through a group of radios (the browser checks one and clicks it).
      if ((e.key === 'Enter' || e.key === ' ') && el.closest('button, summary, a[href]')) return;
      if (isToggle(el) && (e.key === ' ' || (el.type === 'radio' && RADIO_KEYS.has(e.key)))) return;
      e.preventDefault();
      e.stopPropagation();
      const key: KeyboardEventInit = { key: e.key, code: e.code, shiftKey: e.shiftKey, repeat: e.repeat };
      queue(island, { target: el, key, focused: document.activeElement === el });
    },
    { capture: true },
  );
  // Files chosen in a file input before its island was ready: the change is replayed (the input keeps them).
  doc.addEventListener(
    'change',
    (e) => {
      const island = wakeFrom(e);
      if (!island || !(e.target instanceof HTMLInputElement) || e.target.type !== 'file') return;
      e.stopPropagation();
      queue(island, { target: e.target, change: true, focused: false });
    },
    { capture: true },
  );
  // A file dragged over a waiting island: the island wakes, and the page must not open the file itself.
  for (const name of ['dragenter', 'dragover'] as const) {
    doc.addEventListener(
      name,
      (e) => {
        if (wakeFrom(e)) e.preventDefault();
      },
      { capture: true },
    );
  }
  doc.addEventListener(
    'drop',
    (e) => {
      const island = wakeFrom(e);
      if (!island || !(e.target instanceof Element)) return;
      e.preventDefault();
      e.stopPropagation();
      queue(island, { target: e.target, dropped: Array.from(e.dataTransfer?.files ?? []), focused: false });
    },
    { capture: true },
  );
  doc.addEventListener(
    'click',
    (e) => {
      const island = wakeFrom(e);
      if (!island || !(e.target instanceof Element)) return;
      const el = e.target.closest('button, input, select, summary, a[href], label, [role]') ?? e.target;
      e.stopPropagation();
      // A radio or checkbox takes the click at once, so the reader sees the choice; once the island is
      // ready the choice is undone and clicked again, so that its own handler hears it.
      if (isToggle(el)) {
        queue(island, { target: el, toggledFrom: el.type === 'checkbox' ? !el.checked : false, focused: true });
        return;
      }
      // A label of one lets the browser pass the click on to it (heard just above).
      if (el instanceof HTMLLabelElement && isToggle(el.control)) return;
      e.preventDefault();
      queue(island, { target: el, focused: document.activeElement === el });
    },
    { capture: true },
  );
}
