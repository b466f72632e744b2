/**
 * Islands that show one timeline: the figure and the numbers in the prose bound to it (<Knob for>,
 * <Result for>). They read and change one store, so they wake together and are ready together: a change
 * made through one of them must not reach another still waiting to hydrate, which would then no longer
 * match its prerendered HTML. Waking any member wakes the others; input held for a member is replayed only
 * once every member has hydrated.
 */
import { wake } from './intent';

interface Member {
  element: Element;
  ready: Promise<void>;
  markReady(): void;
}

const groups = new Map<string, Member[]>();
const wokenGroups = new Set<string>();

/** Adds an island to its group (as it is attached); a group already woken wakes it at once. */
export function joinGroup(group: string, element: Element): void {
  const members = groups.get(group) ?? [];
  if (members.some((m) => m.element === element)) return;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  members.push({ element, ready, markReady });
  groups.set(group, members);
  if (wokenGroups.has(group)) wake(element);
}

/** Wakes every island of the group, now and any that joins later. */
export function wakeGroup(group: string): void {
  wokenGroups.add(group);
  for (const m of groups.get(group) ?? []) wake(m.element);
}

/** This island has hydrated; resolves once every island of its group has. */
export function groupReady(group: string, element: Element): Promise<void> {
  const members = groups.get(group) ?? [];
  members.find((m) => m.element === element)?.markReady();
  return Promise.all(members.map((m) => m.ready)).then(() => undefined);
}

/** A new page: no groups (the client keeps one page per load; tests start afresh). */
export function resetGroups(): void {
  groups.clear();
  wokenGroups.clear();
}
