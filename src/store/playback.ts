/**
 * Playback: a requestAnimationFrame loop that advances `timeMs` while `playing`.
 * At 1× the whole timeline plays in about its own duration, clamped to 4–15 s of wall time,
 * so a 20 ms trace is still watchable and a minute-long one does not drag.
 */
import type { TimelineStore } from './timelineStore';

export interface PlaybackDeps {
  raf?: (cb: (now: number) => void) => number;
  caf?: (id: number) => void;
}

/** Wall-clock seconds a full pass takes at 1×. */
export function passSeconds(domainMs: number): number {
  return Math.min(15, Math.max(4, domainMs / 1000));
}

/** Starts watching the store; returns a function that stops playback handling. */
export function startPlayback(store: TimelineStore, deps: PlaybackDeps = {}): () => void {
  const raf = deps.raf ?? ((cb) => requestAnimationFrame(cb));
  const caf = deps.caf ?? ((id) => cancelAnimationFrame(id));
  let frame = 0;
  let last = -1;

  const tick = (now: number) => {
    frame = 0;
    const s = store.getState();
    if (!s.playing) return;
    if (last >= 0) {
      const dt = Math.min(100, Math.max(0, now - last)); // a background tab must not jump far
      const rate = s.domainMs / (passSeconds(s.domainMs) * 1000);
      let t = s.timeMs + dt * rate * s.speed;
      if (t >= s.domainMs) {
        if (s.loop) t = t % s.domainMs;
        else {
          store.setState({ timeMs: s.domainMs, playing: false });
          last = -1;
          return;
        }
      }
      store.setState({ timeMs: t });
    }
    last = now;
    frame = raf(tick);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing && !frame) {
      last = -1;
      frame = raf(tick);
    } else if (!s.playing && frame) {
      caf(frame);
      frame = 0;
      last = -1;
    }
  });
  if (store.getState().playing) frame = raf(tick);

  return () => {
    unsubscribe();
    if (frame) caf(frame);
    frame = 0;
  };
}
