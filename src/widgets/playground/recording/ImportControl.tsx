/**
 * "Open a recording": a file picker, and the playground as a drop target for a recording made with
 * interleave_record.py or a VizTracer trace. The code that reads them is fetched only when a file comes.
 */
import { useEffect, useRef, type RefObject } from 'react';

export interface ImportControlProps {
  /** The element files can be dropped on. */
  dropTarget: RefObject<HTMLElement | null>;
  onFile(file: File): void;
}

export function ImportControl({ dropTarget, onFile }: ImportControlProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = dropTarget.current;
    if (!el) return;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      el.dataset.dropping = 'true';
    };
    const leave = (e: DragEvent) => {
      if (e.target === el) delete el.dataset.dropping;
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      delete el.dataset.dropping;
      const file = e.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, [dropTarget, onFile]);
  return (
    <span className="pg-import needs-js">
      <button type="button" className="tl-btn" onClick={() => input.current?.click()}>
        Open a recording…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <span className="pg-import-hint">
        or drop one here (a recording from interleave_record.py, a VizTracer trace, or a saved scenario file)
      </span>
    </span>
  );
}
