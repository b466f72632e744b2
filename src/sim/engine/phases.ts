/**
 * A multiset of GIL waiters keyed by the phase of their timed waits (arm time modulo the wait
 * length), kept sorted so that "whose timer fires next after time t" is a binary search.
 */
export class PhaseSet {
  private phase = new Float64Array(64);
  private thread = new Int32Array(64);
  size = 0;

  /** First index whose phase is > p. */
  private upper(p: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.phase[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(p: number, thread: number): void {
    if (this.size === this.phase.length) {
      const ph = new Float64Array(this.size * 2);
      ph.set(this.phase);
      this.phase = ph;
      const th = new Int32Array(this.size * 2);
      th.set(this.thread);
      this.thread = th;
    }
    const i = this.upper(p);
    this.phase.copyWithin(i + 1, i, this.size);
    this.thread.copyWithin(i + 1, i, this.size);
    this.phase[i] = p;
    this.thread[i] = thread;
    this.size++;
  }

  remove(p: number, thread: number): void {
    let i = this.upper(p) - 1;
    while (i >= 0 && this.phase[i] === p && this.thread[i] !== thread) i--;
    if (i < 0 || this.phase[i] !== p) return;
    this.phase.copyWithin(i, i + 1, this.size);
    this.thread.copyWithin(i, i + 1, this.size);
    this.size--;
  }

  /**
   * For a waiter with phase φ, its next timer fire strictly after time t (t mod period = p) comes
   * δ = (φ − p) mod period later, in (0, period]. Returns the smallest δ, and the thread with it in `who`.
   */
  nextDelta(p: number, period: number): number {
    const i = this.upper(p);
    if (i < this.size) {
      this.who = this.thread[i];
      return this.phase[i] - p;
    }
    this.who = this.thread[0];
    return this.phase[0] - p + period;
  }

  who = -1;
}
