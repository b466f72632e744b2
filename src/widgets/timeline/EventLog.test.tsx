import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { createTimelineStore } from '../../store/timelineStore';
import { TimelineStoreProvider } from '../../store/context';
import { EventLog } from './EventLog';
import { revealOf, seal } from '../../store/reveal';
import { LOG_ROW_PX } from './EventLogBody';
import { manyDownloads, threadsTwo } from '../../timeline/testing/traces';
import type { Trace } from '../../sim/types';
import { indexTrace } from '../../timeline/traceIndex';

function setup(trace: Trace) {
  const store = createTimelineStore({ models: [trace.model], traces: [trace] });
  const utils = render(
    <TimelineStoreProvider store={store}>
      <EventLog traces={[trace]} headers={[]} />
    </TimelineStoreProvider>,
  );
  const details = utils.container.querySelector('details')!;
  /** Opens the log and waits for its rows (their code loads on first opening). */
  const open = async () => {
    act(() => {
      details.open = true;
      fireEvent(details, new Event('toggle'));
    });
    await screen.findAllByRole('listbox');
  };
  const list = () => screen.getByRole('listbox', { name: 'Events' });
  return { store, details, open, list, ...utils };
}

describe('EventLog', () => {
  it('lists every event but builds only the rows in view', async () => {
    const trace = manyDownloads(3000);
    const { details, list, open } = setup(trace);
    await open();
    expect(details.querySelector('summary')).toHaveTextContent(/Event log \(6000 events\)/);
    const options = within(list()).getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(40);
    expect(options[0]).toHaveAttribute('aria-setsize', '6000');
    // The list is as tall as all the rows would be, so its scrollbar tells the truth.
    expect(list().querySelector<HTMLElement>('.tl-log-rows')!.style.height).toBe(`${6000 * LOG_ROW_PX}px`);
  });

  it('scrolling the list builds the rows scrolled to', async () => {
    const trace = manyDownloads(3000);
    const { list, open } = setup(trace);
    await open();
    act(() => {
      list().scrollTop = 4000 * LOG_ROW_PX;
      fireEvent.scroll(list());
    });
    const options = within(list()).getAllByRole('option');
    const posinsets = options.map((o) => Number(o.getAttribute('aria-posinset')));
    expect(Math.min(...posinsets)).toBeLessThanOrEqual(4001);
    expect(Math.max(...posinsets)).toBeGreaterThan(4001);
    expect(options.length).toBeLessThan(40);
  });

  it('marks the row the playhead is on and keeps it in view by scrolling the list', async () => {
    const trace = threadsTwo();
    const { store, list, open } = setup(trace);
    await open();
    act(() => store.getState().seek(16.5));
    const current = list().querySelector('[aria-current="true"]')!;
    const last = trace.events.filter((e) => e.timeMs <= 16.5).length;
    expect(current).toHaveAttribute('aria-posinset', String(last));
    expect(list()).toHaveAttribute('aria-activedescendant', current.id);
    expect(within(list()).getAllByRole('option', { selected: true })).toEqual([current]);
    // Past the bottom of a 256 px list: the list scrolls, the page does not.
    act(() => store.getState().seek(41));
    expect(list().scrollTop).toBeGreaterThan(0);
  });

  it('a click on a row seeks to the event and selects its span', async () => {
    const trace = threadsTwo();
    const { store, list, open } = setup(trace);
    await open();
    const row = within(list())
      .getAllByRole('option')
      .find((o) => o.textContent?.includes('GIL passes from B to A'))!;
    await userEvent.click(row);
    const e = trace.events.find((x) => x.kind === 'gil-handoff' && x.task === 0)!;
    expect(store.getState().timeMs).toBe(e.timeMs);
    const sel = store.getState().selected!;
    expect(sel.band).toBe(0);
    const span = indexTrace(trace).spans[sel.span];
    expect(span.task).toBe(0);
    expect(span.startMs).toBe(e.timeMs);
    expect(row).toHaveAttribute('aria-current', 'true');
  });

  it('arrow keys walk event by event, even through events at the same time; Enter selects', async () => {
    const trace = threadsTwo();
    const { store, list, open } = setup(trace);
    await open();
    act(() => store.getState().seek(0));
    list().focus();
    const user = userEvent.setup();
    const pos = () => Number(list().querySelector('[aria-current="true"]')?.getAttribute('aria-posinset'));
    const start = pos();
    await user.keyboard('{ArrowDown}');
    expect(pos()).toBe(start + 1);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(pos()).toBe(start + 3);
    expect(store.getState().timeMs).toBe(trace.events[start + 2].timeMs);
    await user.keyboard('{ArrowUp}');
    expect(pos()).toBe(start + 2);
    await user.keyboard('{End}');
    expect(pos()).toBe(trace.events.length);
    expect(store.getState().selected).toBeNull();
    await user.keyboard('{Enter}');
    expect(store.getState().selected).not.toBeNull();
    expect(document.activeElement).toBe(list());
  });

  it('filters by task', async () => {
    const trace = manyDownloads(3000);
    const { list, open } = setup(trace);
    await open();
    await userEvent.type(screen.getByLabelText('Filter events by task'), 'download-2999');
    const options = within(list()).getAllByRole('option');
    expect(options).toHaveLength(trace.events.filter((e) => e.task === 2998).length);
    for (const o of options) expect(o.textContent).toContain('download-2999');
    expect(screen.getByRole('status')).toHaveTextContent(/^2 of 6000 events$/);
  });

  it('renders on the server as its summary; the rows load when it is first opened', async () => {
    const trace = manyDownloads(3000);
    const store = createTimelineStore({ models: [trace.model], traces: [trace] });
    const html = renderToString(
      <TimelineStoreProvider store={store}>
        <EventLog traces={[trace]} headers={[]} />
      </TimelineStoreProvider>,
    );
    expect(html.replace(/<!-- -->/g, '')).toContain('Event log (6000 events)');
    expect(html).not.toContain('role="option"');
  });

  it('stays shut while its figure waits for a prediction, and lists the events once it is answered', () => {
    const trace = threadsTwo();
    const store = createTimelineStore({ models: [trace.model], traces: [trace] });
    seal(store, 'q');
    render(
      <TimelineStoreProvider store={store}>
        <EventLog traces={[trace]} headers={[]} />
      </TimelineStoreProvider>,
    );
    expect(screen.getByText('Event log')).toBeInTheDocument();
    expect(screen.getByText('The events are listed once you answer the question above.')).toBeInTheDocument();
    act(() => revealOf(store).setState({ sealed: false }));
    expect(screen.getByText(`Event log (${trace.events.length} events)`)).toBeInTheDocument();
  });

  it('says so when no task matches', async () => {
    const { open } = setup(threadsTwo());
    await open();
    await userEvent.type(screen.getByLabelText('Filter events by task'), 'nobody');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText(/No events of a task named “nobody”/)).toBeInTheDocument();
  });
});
