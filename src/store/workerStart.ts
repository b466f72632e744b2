/**
 * Starting the simulation worker. A page opened from a shared link starts it as the page's script first
 * runs (entry-client.tsx), so that its script has loaded and run by the time the linked view is simulated,
 * beside the page's hydration rather than after it; the page's worker client (simClient.ts) takes that one
 * when it first needs a worker, and starts a new one otherwise, or if the early one failed to load.
 */
let early: { worker: Worker; failed: boolean } | null = null;

const start = (): Worker => new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });

export function startSimWorkerEarly(): void {
  if (early || typeof Worker !== 'function') return;
  const started = { worker: start(), failed: false };
  started.worker.addEventListener('error', () => void (started.failed = true), { once: true });
  early = started;
}

export function takeSimWorker(): Worker {
  const taken = early;
  early = null;
  if (taken && !taken.failed) return taken.worker;
  taken?.worker.terminate();
  return start();
}
