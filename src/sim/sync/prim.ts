/**
 * The run-time state of one coordination primitive of `Scenario.sync`, with its counters, and a FIFO
 * of waiting tasks. Waiter entries go stale when the task stops waiting (woken, timed out): each entry
 * carries the task's wait sequence number and is skipped when that no longer matches.
 */
import type { SyncMetrics, SyncSpec, SyncType } from '../types';

export class WaitQueue {
  private tasks: number[] = [];
  private seqs: number[] = [];
  private head = 0;

  push(t: number, seq: number): void {
    this.tasks.push(t);
    this.seqs.push(seq);
  }

  /** Puts a waiter back at the front (a woken waiter that lost the race goes back to the head of the queue). */
  unshift(t: number, seq: number): void {
    if (this.head > 0) {
      this.head--;
      this.tasks[this.head] = t;
      this.seqs[this.head] = seq;
    } else {
      this.tasks.unshift(t);
      this.seqs.unshift(seq);
    }
  }

  /** The first waiter for which valid(t, seq) holds, removed from the queue; -1 if none. */
  shift(valid: (t: number, seq: number) => boolean): number {
    while (this.head < this.tasks.length) {
      const t = this.tasks[this.head];
      const seq = this.seqs[this.head++];
      if (this.head > 1024 && this.head * 2 > this.tasks.length) {
        this.tasks = this.tasks.slice(this.head);
        this.seqs = this.seqs.slice(this.head);
        this.head = 0;
      }
      if (valid(t, seq)) return t;
    }
    return -1;
  }

  /** Every valid waiter, in order, and the queue emptied. */
  drain(valid: (t: number, seq: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = this.head; i < this.tasks.length; i++) if (valid(this.tasks[i], this.seqs[i])) out.push(this.tasks[i]);
    this.tasks = [];
    this.seqs = [];
    this.head = 0;
    return out;
  }

  /** Whether some valid waiter is queued. */
  any(valid: (t: number, seq: number) => boolean): boolean {
    for (let i = this.head; i < this.tasks.length; i++) if (valid(this.tasks[i], this.seqs[i])) return true;
    return false;
  }
}

export class Prim {
  readonly type: SyncType;
  /** lock: 1 free / 0 held; semaphore: its counter. */
  value = 0;
  /** Last task that acquired it (lock: the holder while held), -1 none. */
  holder = -1;
  readonly waiters = new WaitQueue();
  /** Queues: tasks blocked in put() on a full queue (`waiters` holds the getters). */
  readonly putters = new WaitQueue();
  readonly maxsize: number;
  readonly itemBytes: number;
  /** Items put and not yet taken (multiprocessing: including those the feeder thread has not sent yet). */
  depth = 0;
  /** Items a get() can take now (multiprocessing: sent through the pipe by the feeder thread). */
  visible = 0;
  flag = false;
  readonly parties: number;
  arrived = 0;

  // counters
  acquisitions = 0;
  handoffs = 0;
  private run = 0;
  longestRun = 0;
  private last = -1;
  timeouts = 0;
  releases = 0;
  puts = 0;
  gets = 0;
  maxDepth = 0;
  sets = 0;
  trips = 0;

  constructor(
    readonly name: string,
    readonly index: number,
    spec: SyncSpec,
  ) {
    this.type = spec.type;
    this.value = spec.type === 'lock' ? 1 : spec.type === 'semaphore' ? spec.value : 0;
    this.maxsize = spec.type === 'queue' ? spec.maxsize : 0;
    this.itemBytes = spec.type === 'queue' ? (spec.itemBytes ?? 0) : 0;
    this.parties = spec.type === 'barrier' ? spec.parties : 0;
  }

  /** Task t has acquired it (lock or semaphore). */
  acquired(t: number): void {
    this.value--;
    this.holder = t;
    this.acquisitions++;
    if (t === this.last) this.run++;
    else {
      if (this.last >= 0) this.handoffs++;
      this.run = 1;
      this.last = t;
    }
    if (this.run > this.longestRun) this.longestRun = this.run;
  }

  metrics(): SyncMetrics {
    switch (this.type) {
      case 'lock':
      case 'semaphore':
        return {
          type: this.type,
          acquisitions: this.acquisitions,
          handoffs: this.handoffs,
          longestRun: this.longestRun,
          releases: this.releases,
          timeouts: this.timeouts,
        };
      case 'queue':
        return { type: 'queue', puts: this.puts, gets: this.gets, maxDepth: this.maxDepth };
      case 'event':
        return { type: 'event', sets: this.sets };
      case 'barrier':
        return { type: 'barrier', trips: this.trips };
    }
  }
}
