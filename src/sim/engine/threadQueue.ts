/**
 * A FIFO (of threads: the run queue, GIL waiters) in a ring buffer of power-of-two capacity: pushing
 * and shifting allocate nothing once it has grown to the longest queue of the run (an array with a
 * moving head would be copied as it is trimmed, and grown again).
 */
export class ThreadQueue<T> {
  private buf: (T | null)[];
  private mask: number;
  private head = 0;
  /** Threads in the queue. */
  size = 0;

  constructor(capacity = 16) {
    this.buf = new Array<T | null>(capacity).fill(null);
    this.mask = capacity - 1;
  }

  push(th: T): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & this.mask] = th;
    this.size++;
  }

  /** Removes and returns the first thread (the queue must not be empty). */
  shift(): T {
    const i = this.head;
    const th = this.buf[i]!;
    this.buf[i] = null;
    this.head = (i + 1) & this.mask;
    this.size--;
    return th;
  }

  private grow(): void {
    const old = this.buf;
    const n = old.length;
    const buf = new Array<T | null>(2 * n).fill(null);
    for (let i = 0; i < n; i++) buf[i] = old[(this.head + i) & this.mask];
    this.buf = buf;
    this.head = 0;
    this.mask = 2 * n - 1;
  }
}
