import type { ComponentProps } from 'react';

/** Code blocks arrive highlighted at build time; this only makes them focusable so they scroll by keyboard. */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return <pre {...props} tabIndex={0} />;
}

/** Wide tables scroll inside their own box on narrow screens; the box takes focus so the keyboard can scroll it. */
export function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table {...props} />
    </div>
  );
}
