/**
 * A multiset of GIL waiters keyed by the phase of their timed waits (arm time modulo the wait
 * length), kept sorted (equal phases in the order they were added) so that "whose timer fires next
 * after time t" is a binary search.
 *
 * Thousands of threads can wait for one GIL at once (10 000 tasks on threads), so the entries are kept
 * in sorted blocks of at most BLOCK entries: adding or removing one moves at most a block's entries,
 * not the whole set's.
 */
const BLOCK = 256;
/** Entries moved one by one up to this many (copyWithin costs more for a few). */
const SHORT_MOVE = 16;

export class PhaseSet {
  /** Blocks in order; each block's phases are sorted and every block is non-empty. */
  private phase: Float64Array[] = [];
  private thread: Int32Array[] = [];
  private count: number[] = [];
  /** Blocks that emptied, kept for reuse (the set often goes from empty to one waiter and back). */
  private sparePhase: Float64Array[] = [];
  private spareThread: Int32Array[] = [];
  size = 0;
  /**
   * The phase addKey / removeKey / nextDeltaKey work on. Phases are beyond the small-integer range, and
   * a number passed to or returned from a call that is not inlined is boxed (a heap allocation per
   * call): the GIL sets this field instead of passing it.
   */
  key = 0;
  /** Set by nextDelta: the thread whose timer fires next, and how long until it fires. */
  who = -1;
  delta = 0;

  private newBlock(at: number): void {
    const ph = this.sparePhase.pop() ?? new Float64Array(BLOCK);
    const th = this.spareThread.pop() ?? new Int32Array(BLOCK);
    if (at === this.count.length) {
      this.phase.push(ph);
      this.thread.push(th);
      this.count.push(0);
    } else {
      this.phase.splice(at, 0, ph);
      this.thread.splice(at, 0, th);
      this.count.splice(at, 0, 0);
    }
  }

  /** First block whose last phase is > key (the block holding the first entry > key), or the block count. */
  private blockAfter(): number {
    const p = this.key;
    let lo = 0;
    let hi = this.count.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.phase[mid][this.count[mid] - 1] <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index in block b whose phase is > key. */
  private upperIn(b: number): number {
    const p = this.key;
    const ph = this.phase[b];
    let lo = 0;
    let hi = this.count[b];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ph[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(p: number, thread: number): void {
    this.key = p;
    this.addKey(thread);
  }

  /** add with the phase in `key`. */
  addKey(thread: number): void {
    const p = this.key;
    this.size++;
    const nb = this.count.length;
    if (nb === 0) {
      this.newBlock(0);
      this.phase[0][0] = p;
      this.thread[0][0] = thread;
      this.count[0] = 1;
      return;
    }
    // After every entry ≤ p: at the end of the last block when p is the largest.
    let b = this.blockAfter();
    let i: number;
    if (b === nb) {
      b = nb - 1;
      i = this.count[b];
    } else i = this.upperIn(b);
    if (this.count[b] === BLOCK) {
      // Split the full block in two halves, then insert into the one the position falls in.
      const half = BLOCK >> 1;
      this.newBlock(b + 1);
      this.phase[b + 1].set(this.phase[b].subarray(half, BLOCK));
      this.thread[b + 1].set(this.thread[b].subarray(half, BLOCK));
      this.count[b + 1] = BLOCK - half;
      this.count[b] = half;
      if (i > half) {
        b++;
        i -= half;
      }
    }
    const ph = this.phase[b];
    const th = this.thread[b];
    const n = this.count[b];
    if (n - i > SHORT_MOVE) {
      ph.copyWithin(i + 1, i, n);
      th.copyWithin(i + 1, i, n);
    } else {
      for (let j = n; j > i; j--) {
        ph[j] = ph[j - 1];
        th[j] = th[j - 1];
      }
    }
    ph[i] = p;
    th[i] = thread;
    this.count[b] = n + 1;
  }

  remove(p: number, thread: number): void {
    this.key = p;
    this.removeKey(thread);
  }

  /** remove with the phase in `key`. */
  removeKey(thread: number): void {
    const p = this.key;
    // Entries with phase p end before the first entry > p: search backwards from there.
    let b = this.blockAfter();
    let i: number;
    if (b === this.count.length) {
      b--;
      if (b < 0) return;
      i = this.count[b] - 1;
    } else i = this.upperIn(b) - 1;
    for (;;) {
      if (i < 0) {
        b--;
        if (b < 0) return;
        i = this.count[b] - 1;
        continue;
      }
      const ph = this.phase[b][i];
      if (ph !== p) return;
      if (this.thread[b][i] === thread) break;
      i--;
    }
    const n = this.count[b];
    const phs = this.phase[b];
    const ths = this.thread[b];
    if (n - i > SHORT_MOVE) {
      phs.copyWithin(i, i + 1, n);
      ths.copyWithin(i, i + 1, n);
    } else {
      for (let j = i + 1; j < n; j++) {
        phs[j - 1] = phs[j];
        ths[j - 1] = ths[j];
      }
    }
    this.size--;
    if (n === 1) {
      this.sparePhase.push(this.phase[b]);
      this.spareThread.push(this.thread[b]);
      if (b === this.count.length - 1) {
        this.phase.pop();
        this.thread.pop();
        this.count.pop();
      } else {
        this.phase.splice(b, 1);
        this.thread.splice(b, 1);
        this.count.splice(b, 1);
      }
    } else this.count[b] = n - 1;
  }

  /**
   * For a waiter with phase φ, its next timer fire strictly after time t (t mod period = p) comes
   * δ = (φ − p) mod period later, in (0, period]. Returns the smallest δ, and the thread with it in `who`
   * (of equal phases, the one added first). The set must not be empty.
   */
  nextDelta(p: number, period: number): number {
    this.key = p;
    this.nextDeltaKey(period);
    return this.delta;
  }

  /** nextDelta for the phase in `key`: the result in `delta` (and `who`). */
  nextDeltaKey(period: number): void {
    const p = this.key;
    const b = this.blockAfter();
    if (b < this.count.length) {
      const i = this.upperIn(b);
      this.who = this.thread[b][i];
      this.delta = this.phase[b][i] - p;
      return;
    }
    this.who = this.thread[0][0];
    this.delta = this.phase[0][0] - p + period;
  }
}
