/**
 * The editor's rules for a workload's primitives (locks, semaphores, queues, events, barriers) and shared
 * variables, as pure functions (scenario in, Edit out). Removing or renaming one re-checks every step that
 * names it, so a change that would leave a step pointing nowhere is refused with the format's message.
 */
import type { Scenario, SyncSpec, SyncType } from '../../sim/types';
import { clamp, formatLimit } from '../../share/limits';
import { checked, recheck, type Edit } from './editCheck';

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const BASE: Record<SyncType, string> = { lock: 'L', semaphore: 'S', queue: 'q', event: 'e', barrier: 'b' };

function freshKey(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}${i}`)) return `${base}${i}`;
}

export function defaultSpec(type: SyncType): SyncSpec {
  if (type === 'semaphore') return { type, value: 2 };
  if (type === 'queue') return { type, maxsize: 0 };
  if (type === 'barrier') return { type, parties: 2 };
  return { type };
}

function withSync(sc: Scenario, sync: Record<string, SyncSpec>): Scenario {
  const { sync: _old, ...rest } = sc;
  return Object.keys(sync).length === 0 ? rest : { ...rest, sync };
}

function withShared(sc: Scenario, shared: Record<string, number>): Scenario {
  const { shared: _old, ...rest } = sc;
  return Object.keys(shared).length === 0 ? rest : { ...rest, shared };
}

/** The record with key `from` renamed `to`, in the same place. */
function renamed<V>(rec: Record<string, V>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k === from ? to : k, v]));
}

function nameProblem(raw: string, taken: readonly string[], what: string): string | null {
  if (!raw) return `A ${what} needs a name.`;
  if (!NAME.test(raw)) return `“${raw}” is not a usable name (letters, digits, _ and -, not starting with a digit).`;
  if (taken.includes(raw)) return `Another ${what} is already called “${raw}”.`;
  return null;
}

export function addSync(sc: Scenario, type: SyncType): Edit {
  const name = freshKey(Object.keys(sc.sync ?? {}), BASE[type]);
  return { scenario: withSync(sc, { ...sc.sync, [name]: defaultSpec(type) }) };
}

export function removeSync(sc: Scenario, name: string): Edit {
  if (!sc.sync?.[name]) return { scenario: sc };
  const rest = { ...sc.sync };
  delete rest[name];
  return checked(sc, () => recheck(withSync(sc, rest), new Map()));
}

export function renameSync(sc: Scenario, from: string, raw: string): Edit {
  const to = raw.trim();
  if (!sc.sync?.[from] || to === from) return { scenario: sc };
  const problem = nameProblem(to, Object.keys(sc.sync), 'primitive');
  if (problem) return { scenario: sc, notice: problem };
  return checked(sc, () => recheck(withSync(sc, renamed(sc.sync!, from, to)), new Map()));
}

export function setSyncType(sc: Scenario, name: string, type: SyncType): Edit {
  const spec = sc.sync?.[name];
  if (!spec || spec.type === type) return { scenario: sc };
  return checked(sc, () => recheck(withSync(sc, { ...sc.sync, [name]: defaultSpec(type) }), new Map()));
}

/** The number a primitive of this type has: a semaphore's value, a queue's maxsize, a barrier's parties. */
export function syncNumberOf(
  spec: SyncSpec,
): { field: 'value' | 'maxsize' | 'parties'; value: number; min: number } | null {
  if (spec.type === 'semaphore') return { field: 'value', value: spec.value, min: 0 };
  if (spec.type === 'queue') return { field: 'maxsize', value: spec.maxsize, min: 0 };
  if (spec.type === 'barrier') return { field: 'parties', value: spec.parties, min: 1 };
  return null;
}

export const MAX_SYNC_NUMBER = 10_000;

export function setSyncNumber(sc: Scenario, name: string, n: number): Edit {
  const spec = sc.sync?.[name];
  const has = spec && syncNumberOf(spec);
  if (!spec || !has || !Number.isFinite(n)) return { scenario: sc };
  const c = clamp(Math.round(n), has.min, MAX_SYNC_NUMBER);
  if (c.value === has.value) return { scenario: sc };
  const next = { ...spec, [has.field]: c.value } as SyncSpec;
  const scenario = withSync(sc, { ...sc.sync, [name]: next });
  return c.clamped
    ? {
        scenario,
        notice: `A ${spec.type}’s ${has.field} goes from ${has.min} to ${formatLimit(MAX_SYNC_NUMBER)}; set to ${formatLimit(c.value)}.`,
      }
    : { scenario };
}

export function addShared(sc: Scenario): Edit {
  const name = freshKey(Object.keys(sc.shared ?? {}), 'x');
  return { scenario: withShared(sc, { ...sc.shared, [name]: 0 }) };
}

export function removeShared(sc: Scenario, name: string): Edit {
  if (sc.shared?.[name] === undefined) return { scenario: sc };
  const rest = { ...sc.shared };
  delete rest[name];
  return checked(sc, () => recheck(withShared(sc, rest), new Map()));
}

export function renameShared(sc: Scenario, from: string, raw: string): Edit {
  const to = raw.trim();
  if (sc.shared?.[from] === undefined || to === from) return { scenario: sc };
  const problem = nameProblem(to, Object.keys(sc.shared), 'shared variable');
  if (problem) return { scenario: sc, notice: problem };
  return checked(sc, () => recheck(withShared(sc, renamed(sc.shared!, from, to)), new Map()));
}

export function setSharedInitial(sc: Scenario, name: string, value: number): Edit {
  if (sc.shared?.[name] === undefined || !Number.isFinite(value) || sc.shared[name] === value) return { scenario: sc };
  return { scenario: withShared(sc, { ...sc.shared, [name]: value }) };
}
