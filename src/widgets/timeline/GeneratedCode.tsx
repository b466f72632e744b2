/**
 * A generated Python program for the edited workload: numbered lines (marked by CodePanel as the
 * playhead moves) and a Copy button.
 */
import { Fragment, useRef, useState } from 'react';
import type { PythonProgram } from '../../sim/python';
import { MODEL_LABELS } from '../../sim';
import { DEFAULT_MODEL_LABELS } from '../../timeline/labels';

const LABELS = { ...DEFAULT_MODEL_LABELS, ...(MODEL_LABELS ?? {}) };

type CopyState = 'idle' | 'copied' | 'manual';

export interface GeneratedCodeProps {
  program: PythonProgram;
  /** What the program is for, in its title (default "the changed workload"). */
  subject?: string;
}

export function GeneratedCode({ program, subject = 'the changed workload' }: GeneratedCodeProps) {
  const pre = useRef<HTMLPreElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const lines = program.code.replace(/\n$/, '').split('\n');

  const selectAll = () => {
    const el = pre.current;
    const selection = typeof window !== 'undefined' ? window.getSelection() : null;
    if (!el || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    selection.removeAllRanges();
    selection.addRange(range);
    el.focus();
  };

  const onCopy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(program.code);
      setCopy('copied');
    } catch {
      // No clipboard access (an insecure page, a refusal): select the code so the reader can copy it.
      selectAll();
      setCopy('manual');
    }
  };

  const label = LABELS[program.model] ?? program.model;
  return (
    <div className="tl-code-generated" data-model={program.model}>
      <div className="tl-code-head">
        <p className="tl-code-title">
          Python for {subject}, {label}
          {program.requires !== '3.11' ? ` (needs Python ${program.requires})` : ''}
        </p>
        <button type="button" className="tl-code-copy" aria-label="Copy code" onClick={onCopy}>
          Copy
        </button>
        <span className="tl-code-status" role="status">
          {copy === 'copied' ? 'Copied' : copy === 'manual' ? 'Selected: press Ctrl+C (⌘C) to copy' : ''}
        </span>
      </div>
      <pre className="tl-code-pre" tabIndex={0} ref={pre} aria-label={`Python program, ${label}`}>
        <code>
          {lines.map((text, i) => (
            <Fragment key={i}>
              <span className="line">{text}</span>
              {'\n'}
            </Fragment>
          ))}
        </code>
      </pre>
    </div>
  );
}
