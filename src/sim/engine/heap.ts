/**
 * The event queue: a 4-ary min-heap keyed by (time, seq), stored in typed arrays so that pushing and
 * popping allocate nothing (four children per node: half the depth of a binary heap, and siblings side
 * by side in memory). `seq` is a counter, so events at the same instant come out in the order they
 * were scheduled: that makes every run deterministic.
 *
 * Entry i's key is keys[2i] (time) and keys[2i + 1] (seq), its payload ints[4i] (kind), ints[4i + 1]
 * (a) and ints[4i + 2] (b): the four children of a node share one 64-byte stretch of each array.
 */
/** A heap kept for reuse (10 000 pending events make it grow to 16 384 entries on every run otherwise). */
let spareHeap: EventHeap | null = null;

export class EventHeap {
  private keys: Float64Array;
  private ints: Int32Array;
  private n = 0;
  private nextSeq = 0;

  /**
   * The time of the event pushAt adds. Times (ns) are beyond the small-integer range, and a number
   * passed to a call that is not inlined is boxed (a heap allocation per call): hot callers set this
   * field and call pushAt instead of passing the time.
   */
  at = 0;

  /** Filled by pop(): the popped event. */
  topTime = 0;
  topKind = 0;
  topA = 0;
  topB = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(2 * capacity);
    this.ints = new Int32Array(4 * capacity);
  }

  /** An empty heap: the one the last finished simulation gave back (see giveBack), or a new one. */
  static take(capacity: number): EventHeap {
    const h = spareHeap;
    if (h === null) return new EventHeap(capacity);
    spareHeap = null;
    h.n = 0;
    h.nextSeq = 0;
    h.at = 0;
    return h;
  }

  /** Keeps a finished simulation's heap for the next take(); it must not be used again. */
  static giveBack(heap: EventHeap): void {
    if (spareHeap === null || spareHeap.keys.length < heap.keys.length) spareHeap = heap;
  }

  get size(): number {
    return this.n;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
  }

  push(time: number, kind: number, a: number, b: number): void {
    this.at = time;
    this.pushAt(kind, a, b);
  }

  /** push at the time in `at`. */
  pushAt(kind: number, a: number, b: number): void {
    if (2 * this.n === this.keys.length) this.grow();
    const time = this.at;
    const seq = this.nextSeq++;
    const K = this.keys;
    const P = this.ints;
    let i = this.n++;
    // sift up
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = K[2 * p];
      if (pt < time || (pt === time && K[2 * p + 1] < seq)) break;
      K[2 * i] = pt;
      K[2 * i + 1] = K[2 * p + 1];
      P[4 * i] = P[4 * p];
      P[4 * i + 1] = P[4 * p + 1];
      P[4 * i + 2] = P[4 * p + 2];
      i = p;
    }
    K[2 * i] = time;
    K[2 * i + 1] = seq;
    P[4 * i] = kind;
    P[4 * i + 1] = a;
    P[4 * i + 2] = b;
  }

  /** Removes the earliest event into topTime/topKind/topA/topB. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const K = this.keys;
    const P = this.ints;
    this.topTime = K[0];
    this.topKind = P[0];
    this.topA = P[1];
    this.topB = P[2];
    const last = --this.n;
    if (last === 0) return true;
    const lt = K[2 * last];
    const ls = K[2 * last + 1];
    const lk = P[4 * last];
    const la = P[4 * last + 1];
    const lb = P[4 * last + 2];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of i's children (those below `last`).
      const end = first + 4 < last ? first + 4 : last;
      let c = first;
      let ct = K[2 * first];
      let cs = K[2 * first + 1];
      for (let j = first + 1; j < end; j++) {
        const tj = K[2 * j];
        if (tj < ct || (tj === ct && K[2 * j + 1] < cs)) {
          c = j;
          ct = tj;
          cs = K[2 * j + 1];
        }
      }
      if (lt < ct || (lt === ct && ls < cs)) break;
      K[2 * i] = ct;
      K[2 * i + 1] = cs;
      P[4 * i] = P[4 * c];
      P[4 * i + 1] = P[4 * c + 1];
      P[4 * i + 2] = P[4 * c + 2];
      i = c;
    }
    K[2 * i] = lt;
    K[2 * i + 1] = ls;
    P[4 * i] = lk;
    P[4 * i + 1] = la;
    P[4 * i + 2] = lb;
    return true;
  }
}
