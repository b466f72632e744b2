/** Ctrl/Cmd+Z → undo; Shift+Ctrl/Cmd+Z or Ctrl/Cmd+Y → redo. Text fields keep their own undo. */
export function undoKey(e: {
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  key: string;
  target: EventTarget | null;
}): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const target = e.target as Element | null;
  if (target?.matches?.('input[type="text"], input:not([type]), textarea')) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}
