/**
 * The event queue: a 4-ary min-heap keyed by (time, seq), stored in parallel typed arrays so that
 * pushing and popping allocate nothing (four children per node: half the depth of a binary heap, and
 * siblings side by side in memory). `seq` is a counter, so events at the same instant come out
 * in the order they were scheduled: that makes every run deterministic.
 */
export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private a: Int32Array;
  private b: Int32Array;
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
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const s = new Float64Array(cap);
    s.set(this.seq);
    this.seq = s;
    const k = new Uint8Array(cap);
    k.set(this.kind);
    this.kind = k;
    const a = new Int32Array(cap);
    a.set(this.a);
    this.a = a;
    const b = new Int32Array(cap);
    b.set(this.b);
    this.b = b;
  }

  push(time: number, kind: number, a: number, b: number): void {
    this.at = time;
    this.pushAt(kind, a, b);
  }

  /** push at the time in `at`. */
  pushAt(kind: number, a: number, b: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.at;
    const seq = this.nextSeq++;
    const T = this.time;
    const S = this.seq;
    let i = this.n++;
    // sift up
    while (i > 0) {
      const p = (i - 1) >> 2;
      if (T[p] < time || (T[p] === time && S[p] < seq)) break;
      T[i] = T[p];
      S[i] = S[p];
      this.kind[i] = this.kind[p];
      this.a[i] = this.a[p];
      this.b[i] = this.b[p];
      i = p;
    }
    T[i] = time;
    S[i] = seq;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Removes the earliest event into topTime/topKind/topA/topB. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const T = this.time;
    const S = this.seq;
    const K = this.kind;
    const A = this.a;
    const B = this.b;
    this.topTime = T[0];
    this.topKind = K[0];
    this.topA = A[0];
    this.topB = B[0];
    const last = --this.n;
    if (last === 0) return true;
    const lt = T[last];
    const ls = S[last];
    const lk = K[last];
    const la = A[last];
    const lb = B[last];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of i's children (those below `last`).
      const end = first + 4 < last ? first + 4 : last;
      let c = first;
      let ct = T[first];
      let cs = S[first];
      for (let j = first + 1; j < end; j++) {
        const tj = T[j];
        if (tj < ct || (tj === ct && S[j] < cs)) {
          c = j;
          ct = tj;
          cs = S[j];
        }
      }
      if (lt < ct || (lt === ct && ls < cs)) break;
      T[i] = ct;
      S[i] = cs;
      K[i] = K[c];
      A[i] = A[c];
      B[i] = B[c];
      i = c;
    }
    T[i] = lt;
    S[i] = ls;
    K[i] = lk;
    A[i] = la;
    B[i] = lb;
    return true;
  }
}
