/**
 * The edit session of one timeline widget, as state: the undo and redo stacks of workloads (scenario +
 * models), the notice shown to the reader, and whether the editor is open. One per timeline store, created
 * on first use, so the editor, the numbers in the prose and the share code see the same session. What
 * changes it (apply, undo, redo, reset) is in history.ts, loaded with the editor.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelId, Scenario } from '../sim/types';
import type { TimelineStore } from './timelineStore';

export interface Workload {
  scenario: Scenario;
  models: ModelId[];
}

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  /** Stays until dismissed or replaced (a bad link, unreadable saved edits); others clear on the next edit. */
  sticky?: boolean;
}

export interface EditState {
  past: Workload[];
  future: Workload[];
  notice: Notice | null;
  editorOpen: boolean;
  /** Put the keyboard focus on the editor's toggle when the bar is next drawn (it was just replaced). */
  focusToggle: boolean;
  /** Showing the view a link brought (its banner offers Reset); the reader's own saved edits wait meanwhile. */
  shared: boolean;
}

export type EditSession = StoreApi<EditState>;

const sessions = new WeakMap<TimelineStore, EditSession>();

/** The edit session of a timeline store (created on first use). */
export function sessionOf(timeline: TimelineStore): EditSession {
  let session = sessions.get(timeline);
  if (!session) {
    session = createStore<EditState>()(() => ({
      past: [],
      future: [],
      notice: null,
      editorOpen: false,
      focusToggle: false,
      shared: false,
    }));
    sessions.set(timeline, session);
  }
  return session;
}
