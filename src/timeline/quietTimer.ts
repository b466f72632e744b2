/**
 * A call made once something has been quiet for a while: `poke()` at every step (of a gesture, of a pan),
 * and `fire` runs `quietMs` after the last one. One timer at a time, which looks at the last poke's time when
 * it fires and waits again if it came since, so that steps (one a frame) do not each clear and set a timer.
 */
export interface QuietTimer {
  poke(): void;
  cancel(): void;
}

export function quietTimer(quietMs: number, fire: () => void): QuietTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPoke = 0;
  const check = () => {
    const left = quietMs - (Date.now() - lastPoke);
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    timer = undefined;
    fire();
  };
  return {
    poke() {
      lastPoke = Date.now();
      if (timer === undefined) timer = setTimeout(check, quietMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
