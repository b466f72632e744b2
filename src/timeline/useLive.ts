/**
 * Whether the component is live in the browser: false in the server's HTML and while that HTML hydrates,
 * true from the render after (and at once for a component mounted afresh in the browser). What only a live
 * figure needs (its tooltips: the buttons do nothing before it is live) is rendered on that second render,
 * so that the prerendered page does not carry it a dozen times over, and hydration still matches.
 */
import { useSyncExternalStore } from 'react';

const never = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

export function useLive(): boolean {
  return useSyncExternalStore(never, inBrowser, onServer);
}
