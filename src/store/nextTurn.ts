/** Scheduling work in a later task of the event loop (the simulation worker, and the page's side of it). */
export type Schedule = (fn: () => void) => void;

/**
 * The next turn of the event loop, without a timer's delay (nested zero timeouts are held back 4 ms each):
 * a message posted to itself, queued behind any message from the page already waiting.
 */
export function nextTurn(): Schedule {
  if (typeof MessageChannel !== 'function') return (fn) => setTimeout(fn, 0);
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
}
