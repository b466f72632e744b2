/**
 * <ZoomTo figure="counters" startMs={20} endMs={50}>zoom into 30 ms of the run</ZoomTo>
 *
 * A phrase in the prose that shows a named figure at a window: activating it brings the figure into view
 * and animates its window there (at once with reduced motion). The prerendered page (and a page without
 * JavaScript) shows the phrase as plain text; it becomes a button once the page is interactive.
 */
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { formatTime } from '../../timeline/scale';
import { presetWindow, zoomFigureTo, type ZoomToProps } from './zoomPreset';

const subscribeNever = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

export function ZoomTo({ children, ...props }: ZoomToProps & { children?: ReactNode }) {
  // false on the server and while hydrating, true after: the phrase becomes a button once it can work.
  const live = useSyncExternalStore(subscribeNever, clientSnapshot, serverSnapshot);
  // What a screen reader hears once the figure has moved (the figure may be far from the phrase).
  const [said, setSaid] = useState('');
  const preset = presetWindow(props);
  if (!preset.ok) {
    if (import.meta.env.DEV) console.warn(`<ZoomTo figure="${props.figure}"> ${preset.error}`);
    return <span>{children}</span>;
  }
  if (!live) return <span className="zoom-to-text">{children}</span>;
  const { startMs, endMs } = preset.window;
  const range = `${formatTime(startMs)} – ${formatTime(endMs)}`;
  return (
    <>
      <button
        type="button"
        className="zoom-to"
        data-zoom-figure={props.figure}
        title={`Show ${range} in the figure`}
        onClick={() => {
          if (zoomFigureTo(props.figure, preset.window)) setSaid(`The figure now shows ${range}.`);
          else if (import.meta.env.DEV) console.warn(`<ZoomTo>: no figure "${props.figure}" on this page`);
        }}
      >
        {children}
        <svg className="zoom-to-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M10 10l4 4M4.5 6.5h4M6.5 4.5v4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </>
  );
}
