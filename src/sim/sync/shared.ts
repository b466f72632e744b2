/**
 * Shared variables (Scenario.shared): `read` remembers the value for the task, `write` stores the value
 * the task last read plus one. A write is a lost update when another task wrote the variable after this
 * task's read: its own write then overwrites that update.
 */
import { E_SHARED_WRITE } from '../engine/recorder';
import type { Recorder } from '../engine/recorder';
import type { SharedMetrics } from '../types';

export class SharedVars {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly values: number[] = [];
  private readonly versions: number[] = [];
  private readonly writes: number[] = [];
  private readonly lost: number[] = [];
  /** Per (task, variable): the value last read and the variable's version then. */
  private readonly lastRead = new Map<number, number>();
  private readonly readVersion = new Map<number, number>();

  constructor(
    initial: Record<string, number>,
    private readonly rec: Recorder,
  ) {
    for (const [name, v] of Object.entries(initial)) {
      this.index.set(name, this.names.length);
      this.names.push(name);
      this.values.push(v);
      this.versions.push(0);
      this.writes.push(0);
      this.lost.push(0);
    }
  }

  private key(t: number, v: number): number {
    return t * (this.names.length + 1) + v;
  }

  read(t: number, name: string): void {
    const v = this.index.get(name)!;
    this.lastRead.set(this.key(t, v), this.values[v]);
    this.readVersion.set(this.key(t, v), this.versions[v]);
  }

  write(t: number, name: string, now: number): void {
    const v = this.index.get(name)!;
    const key = this.key(t, v);
    const base = this.lastRead.get(key);
    const value = (base ?? this.values[v]) + 1;
    const lost = base !== undefined && this.readVersion.get(key) !== this.versions[v];
    this.values[v] = value;
    this.versions[v]++;
    this.writes[v]++;
    if (lost) this.lost[v]++;
    // The next write without a new read builds on this one.
    this.lastRead.set(key, value);
    this.readVersion.set(key, this.versions[v]);
    this.rec.eventWith(now, E_SHARED_WRITE, t, t, { var: name, value, lost });
  }

  metrics(): Record<string, SharedMetrics> {
    const out: Record<string, SharedMetrics> = {};
    this.names.forEach((name, v) => {
      out[name] = { final: this.values[v], writes: this.writes[v], lostUpdates: this.lost[v] };
    });
    return out;
  }
}
