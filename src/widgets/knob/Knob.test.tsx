import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { preloadScenarios } from '../../content/scenarios';
import { beginPage } from '../../store/pageTimelines';
import { EditingTimeline as Timeline } from '../timeline/EditingTimeline';
import { Knob } from './Knob';
import { Result } from './Result';

beforeAll(() => preloadScenarios(['ten-downloads']));
beforeEach(() => beginPage([{ id: 'dl', scenario: 'ten-downloads', models: 'sequential threads' }]));

/** "With [10] downloads of [5 s] each, threads take 6.0x s", with the timeline after the sentence. */
function Page() {
  return (
    <article>
      <p>
        With <Knob for="dl" task="file" field="count" label="Number of downloads" /> downloads of{' '}
        <Knob for="dl" task="file" step="1" field="durationMs" unit="s" /> each, threads take{' '}
        <Result for="dl" model="threads" /> and asyncio, not drawn, <Result for="dl" model="asyncio" />:{' '}
        <Result for="dl" model="threads" show="speedup" /> faster than one after another.
      </p>
      <Timeline id="dl" scenario="ten-downloads" models="sequential threads" />
    </article>
  );
}

const total = () => document.querySelector('.tl-band-total')?.textContent;

describe('draggable numbers and computed figures', () => {
  it('render in the sentence before the timeline is drawn, in the static HTML too', () => {
    const html = renderToString(<Page />);
    expect(html).toMatch(/role="slider"[^>]*aria-label="Number of downloads"[^>]*>10<\/span>/);
    expect(html).toMatch(/aria-valuetext="5 s"[^>]*>5 s<\/span>/);
    expect(html).toMatch(/class="knob-result"[^>]*>6\.\d\d s</);
    expect(html).toContain('51.0 s');
  });

  it('hydrate without a mismatch', async () => {
    const el = document.createElement('div');
    el.innerHTML = renderToString(<Page />);
    document.body.appendChild(el);
    beginPage([{ id: 'dl', scenario: 'ten-downloads', models: 'sequential threads' }]);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(el, <Page />, { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    el.remove();
  });

  it('are sliders with a name, a range and a spoken value', () => {
    render(<Page />);
    const wait = screen.getByRole('slider', { name: 'Task file, step 1 duration' });
    expect(wait).toHaveAttribute('aria-valuenow', '5');
    expect(wait).toHaveAttribute('aria-valuemin', '0');
    expect(wait).toHaveAttribute('aria-valuemax', '60');
    expect(wait).toHaveAttribute('aria-valuetext', '5 s');
    expect(wait).toHaveAttribute('tabindex', '0');
  });

  it('change with the arrow keys, re-simulating the timeline and every figure bound to it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const count = screen.getByRole('slider', { name: 'Number of downloads' });
    count.focus();
    await user.keyboard('{ArrowUp}');
    await screen.findByText('11', { selector: '.knob' });
    expect(total()).toBe('56.1 s');
    await user.keyboard('{PageDown}');
    await screen.findByText('1', { selector: '.knob' });
    expect(total()).toBe('5.10 s');
    const wait = screen.getByRole('slider', { name: 'Task file, step 1 duration' });
    wait.focus();
    await user.keyboard('{End}');
    await screen.findByText('60 s', { selector: '.knob' });
    expect(total()).toBe('60.1 s');
    const [threads, asyncio, speedup] = document.querySelectorAll('.knob-result');
    expect(threads.textContent).toMatch(/^60\.\d s$/);
    expect(asyncio.textContent).toMatch(/^60\.\d s$/);
    expect(speedup.textContent).toMatch(/^1\.0×$/);
  });

  it('change when dragged sideways, and Ctrl+Z undoes the drag as one step', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const count = screen.getByRole('slider', { name: 'Number of downloads' });
    await user.pointer([{ keys: '[MouseLeft>]', target: count, coords: { clientX: 100 } }]);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    await user.pointer([
      { target: count, coords: { clientX: 112 } },
      { target: count, coords: { clientX: 124 } },
      { keys: '[/MouseLeft]', target: count, coords: { clientX: 124 } },
    ]);
    expect(count).toHaveTextContent('14');
    count.focus();
    await user.keyboard('{Control>}z{/Control}');
    await screen.findByText('10', { selector: '.knob' });
    expect(total()).toBe('51.0 s');
  });

  it('say what is wrong when the binding does not match', () => {
    render(
      <p>
        <Knob for="nope" field="cores" /> <Knob for="dl" task="missing" field="count" />{' '}
        <Knob for="dl" task="file" step="9" field="durationMs" />
      </p>,
    );
    const p = screen.getByText(/no timeline with id “nope”/).closest('p')!;
    expect(within(p).getByText(/no task named “missing”/)).toBeInTheDocument();
    expect(within(p).getByText(/has no step 9/)).toBeInTheDocument();
  });
});
