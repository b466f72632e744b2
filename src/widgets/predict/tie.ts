/**
 * From a prediction to the figure that answers it. The figure may still be prerendered HTML far below
 * (it hydrates when scrolled near): committing to a guess wakes it, and the reveal waits for it.
 */
import { figureOf, type Answer } from '../../store/reveal';
import { resealTied, revealTied } from '../../store/revealActions';
import { wake, whenReady } from '../near/intent';

function figureElement(predictId: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>('[data-predicted-by]')) {
    if (el.dataset.predictedBy === predictId) return el;
  }
  return null;
}

export function revealFigure(predictId: string, answer: Answer): void {
  const el = figureElement(predictId);
  if (!el) return; // a question with no figure after it
  const island = el.closest('[data-island]');
  if (island) wake(island);
  // Changed only once drawn in the browser, so the hydrating render still matches the page's HTML.
  void Promise.all([figureOf(predictId), island ? whenReady(island) : null]).then(([figure]) =>
    revealTied(figure, answer),
  );
}

export function resealFigure(predictId: string): void {
  const el = figureElement(predictId);
  if (!el) return;
  const island = el.closest('[data-island]');
  void Promise.all([figureOf(predictId), island ? whenReady(island) : null]).then(([figure]) => resealTied(figure));
}
