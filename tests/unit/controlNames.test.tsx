/**
 * Task names with control characters and markup, through the figure's server render (the prerendered SVG)
 * and its client render: the names stay text (no markup injected) and read back exactly as written.
 */
import { render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/sim/scenario/parse';
import { simulate } from '../../src/sim';
import { createTimelineStore } from '../../src/store/timelineStore';
import { TimelineView } from '../../src/widgets/timeline/TimelineView';

const ESCAPES = 'esc\u001b[31mred\u0007bell\u0008back\u007fdel';
const MARKUP = '<img src=x onerror=alert(1)>&amp;';
const scenario = parseScenario(
  {
    id: 'ctl',
    title: 'Control characters',
    machine: { cores: 2 },
    tasks: [
      { name: ESCAPES, steps: [{ kind: 'cpu', durationMs: 20 }] },
      { name: MARKUP, steps: [{ kind: 'io', durationMs: 10 }] },
    ],
  },
  'ctl',
);
const make = () => {
  const traces = [simulate(scenario, 'threads')];
  return createTimelineStore({ models: ['threads'], traces });
};

describe('names with control characters and markup in the figure', () => {
  it('the server render keeps them as text: no element injected, each name reads back exactly', () => {
    const html = renderToString(<TimelineView store={make()} caption="Control characters" />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    expect(doc.querySelector('img')).toBeNull();
    const texts = [...doc.querySelectorAll('text, span, div, li, td, th')].map((e) => e.textContent ?? '');
    expect(texts.some((t) => t.includes(ESCAPES))).toBe(true);
    expect(texts.some((t) => t.includes(MARKUP))).toBe(true);
  });

  it('the client render shows them as text too', () => {
    const { container } = render(<TimelineView store={make()} caption="Control characters" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(ESCAPES);
    expect(container.textContent).toContain(MARKUP);
  });
});
