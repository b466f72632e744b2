/** Sim reuses the thread objects of the last finished run: a run must not see anything of the one before. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { simulate } from '../simulate';
import type { ModelId, Scenario } from '../types';
import { giveBackThreads, SimThread, takeSpareThreads } from './thread';

const scenario = (file: string): Scenario =>
  parseScenario(JSON.parse(readFileSync(`content/scenarios/${file}`, 'utf8')), file);

describe('thread reuse', () => {
  it('gives the same trace after runs that used more threads, ended in a deadlock or left threads mid-GIL-wait', () => {
    const convoy = scenario('thr-convoy.json');
    const models: ModelId[] = ['threads', 'free-threading', 'processes', 'subinterpreters'];
    const first = models.map((m) => JSON.stringify(simulate(convoy, m)));
    simulate(scenario('coord-deadlock.json'), 'threads');
    simulate(scenario('ten-downloads.json'), 'threads');
    expect(() => simulate(scenario('gil-two-counters.json'), 'threads', { maxEvents: 50 })).toThrow(/event cap/);
    expect(models.map((m) => JSON.stringify(simulate(convoy, m)))).toEqual(first);
  });

  it('hands the spares to one Sim at a time and keeps no GIL of a finished run', () => {
    takeSpareThreads();
    const ths = [new SimThread(0, 3, null), new SimThread(1, 4, null)];
    ths[0].gil = {} as SimThread['gil'];
    giveBackThreads(ths, []);
    expect(ths[0].gil).toBeNull();
    expect(takeSpareThreads()).toBe(ths);
    expect(takeSpareThreads()).toEqual([]);
    ths[1].holdsGil = true;
    ths[1].reset(7, 9, null);
    expect([ths[1].id, ths[1].lane, ths[1].holdsGil, ths[1].core, ths[1].gen]).toEqual([7, 9, false, -1, 0]);
  });
});
