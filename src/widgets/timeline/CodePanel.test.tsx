import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Timeline } from './Timeline';
import { preloadScenarios } from '../../content/scenarios';

beforeAll(() => preloadScenarios(['three-sleeps', 'mixed-cpu-io']));

/** The shape MDX gives a highlighted block: pre > code > span.line per line. */
function Code({ lines }: { lines: string[] }) {
  return (
    <pre className="shiki">
      <code>
        {lines.map((text, i) => (
          <span key={i} className="line">
            {text}
          </span>
        ))}
      </code>
    </pre>
  );
}

const SOURCE = ['import asyncio', '', 'async def job(name, seconds):', '    await asyncio.sleep(seconds)'];

describe('Timeline with code-line sync', () => {
  it('shows the code in the figure and marks the line each task is on as the playhead moves', () => {
    const { container } = render(
      <Timeline scenario="three-sleeps" models="sequential asyncio" codeModel="asyncio" codeLines="4">
        <Code lines={SOURCE} />
      </Timeline>,
    );
    const lines = container.querySelectorAll<HTMLElement>('figure .tl-code .line');
    expect(lines).toHaveLength(4);
    const slider = screen.getByRole('slider', { name: /Time/ });
    act(() => slider.focus());
    fireEvent.keyDown(slider, { key: 'Home' });
    fireEvent.keyDown(slider, { key: 'PageUp' }); // 600 ms: all three jobs are sleeping under asyncio
    expect(lines[3]).toHaveClass('tl-line-active');
    expect(lines[3].dataset.tasks).toBe('A B C');
    expect(lines[0]).not.toHaveClass('tl-line-active');
    for (let i = 0; i < 4; i++) fireEvent.keyDown(slider, { key: 'PageUp' }); // 3 000 ms: A and C are done
    expect(lines[3].dataset.tasks).toBe('B');
    fireEvent.keyDown(slider, { key: 'End' });
    expect(lines[3]).not.toHaveClass('tl-line-active');
  });

  it('a codeLines spec that is not line numbers shows an alert in place', () => {
    render(
      <Timeline scenario="three-sleeps" models="asyncio" codeLines="four">
        <Code lines={SOURCE} />
      </Timeline>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/"four" is not a line number/);
  });

  it('a codeModel that is not shown is an error, not a silent fallback', () => {
    render(
      <Timeline scenario="three-sleeps" models="asyncio" codeModel="threads" codeLines="4">
        <Code lines={SOURCE} />
      </Timeline>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/codeModel "threads"/);
  });
});
