import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { simulate } from '../../sim/simulate';
import { loadScenario } from '../../sim/test/load';
import type { ModelId } from '../../sim/types';
import { createTimelineStore } from '../../store/timelineStore';
import { seal } from '../../store/reveal';
import { TimelineView } from './TimelineView';
import { preloadSyncTracks } from './SyncTracksSlot';
import { threadsTwo } from '../../timeline/testing/traces';
import { syncTracks } from '../../timeline/syncTracks';
import { tracksSummary } from '../../timeline/SvgTracks';
import { trackInput } from '../../timeline/trackNeeds';

function storeFor(id: string, models: ModelId[] = ['threads']) {
  return createTimelineStore({ scenario: loadScenario(id), models, simulate });
}

beforeAll(async () => {
  await preloadSyncTracks();
});

describe('SyncTracks in the figure', () => {
  it('a queue gets a "queue q depth" track, reachable by keyboard and described in words', () => {
    render(<TimelineView store={storeFor('coord-bounded-queue')} caption="Queue" />);
    const track = screen.getByRole('group', { name: 'queue q depth' });
    expect(track).toHaveAttribute('tabindex', '0');
    expect(track).toHaveAccessibleDescription(/^queue q depth: at most 2 of maxsize 2, full/);
    expect(within(track).getByText('max 2 of 2')).toBeInTheDocument();
    expect(track.querySelector('.tl-track-limit')).not.toBeNull();
  });

  it('the lost update is marked and listed in words; the track says the final value against the expected', () => {
    render(<TimelineView store={storeFor('thr-lost-update')} caption="Lost update" />);
    const track = screen.getByRole('group', { name: 'shared x' });
    expect(track).toHaveAccessibleDescription('shared x: 1 at the end, 2 expected (2 writes, 1 lost update)');
    expect(track.querySelectorAll('.tl-lost')).toHaveLength(1);
    const list = within(track).getByRole('list', { name: 'lost updates of x in view' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(/B's update is lost/);
  });

  it('a deadlock shows its sentence and a mark on the chart', () => {
    const { container } = render(<TimelineView store={storeFor('coord-deadlock')} caption="Deadlock" />);
    expect(
      screen.getByText(/Deadlock at .*: A holds L1 and waits for L2; B holds L2 and waits for L1\./),
    ).toBeVisible();
    expect(container.querySelector('.tl-deadlock-mark')).not.toBeNull();
    expect(container.querySelector('.tl-deadlock-axis')).not.toBeNull();
  });

  it('arrivals get a latency strip and the readout of p50, p95, max and throughput, per model', () => {
    const { container } = render(
      <TimelineView store={storeFor('serve-every-20ms', ['threads', 'asyncio'])} caption="Serving" />,
    );
    expect(screen.getAllByRole('group', { name: 'latency' })).toHaveLength(2);
    const lines = container.querySelectorAll('[data-latency]');
    expect(lines).toHaveLength(2);
    expect(screen.getByRole('table', { name: 'Latency, from arrival to end' })).toBeInTheDocument();
    expect(lines[0].textContent).toMatch(/^Threads.*ms.*ms.*ms.*tasks\/s$/);
  });

  it('one model: the latency readout is one line beside the totals', () => {
    const { container } = render(<TimelineView store={storeFor('serve-every-20ms')} caption="Serving" />);
    const line = container.querySelector('p[data-latency]');
    expect(line?.textContent).toMatch(/^Latency p50 .* ms p95 .* ms max .* ms throughput \d+\.\d tasks\/s$/);
  });

  it('a figure without coordination or arrivals adds nothing', () => {
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    const { container } = render(<TimelineView store={store} caption="Plain" />);
    expect(container.querySelector('.tl-tracks-box')).toBeNull();
    expect(container.querySelector('[data-latency]')).toBeNull();
  });

  it('while sealed for a prediction it gives no outcome away, in the picture or in words', () => {
    const store = storeFor('thr-lost-update');
    seal(store, 'p-lost');
    const html = renderToString(<TimelineView store={store} caption="Sealed" />);
    expect(html).toContain('shared x: shown once you answer the question above');
    expect(html).not.toContain('lost update:');
    expect(html).not.toContain('2 expected');
    const dl = storeFor('coord-deadlock');
    seal(dl, 'p-dl');
    expect(renderToString(<TimelineView store={dl} caption="Sealed" />)).not.toContain('Deadlock at');
  });

  it('renders on the server the same tracks it hydrates with', () => {
    const html = renderToString(<TimelineView store={storeFor('coord-bounded-queue')} caption="Queue" />);
    expect(html).toContain('data-track="queue q depth"');
  });
});

describe('the tracks box of a figure with several rows of tracks', () => {
  const three: ModelId[] = ['sequential', 'threads', 'asyncio'];

  it('sums the tracks up in a line: what they are, and once nothing is sealed, what each model’s ends at', () => {
    const store = storeFor('thr-lost-update', ['threads', 'asyncio']);
    const { traces, scenario } = store.getState();
    const bands = syncTracks(traces, trackInput(scenario), { startMs: 0, endMs: Infinity }, 600);
    const titles = ['Threads (GIL)', 'asyncio'];
    expect(tracksSummary(bands, titles, true)).toBe('Tracks — shared x, 2 models');
    expect(tracksSummary(bands, titles)).toBe('Tracks — shared x: Threads (GIL) 1, expected 2 · asyncio 2, expected 2');
    expect(tracksSummary(bands.slice(0, 1), titles)).toBe('Tracks — shared x: 1, expected 2');
  });

  it('with three rows of tracks, the server sends them open under the lanes, with no disclosure', () => {
    const html = renderToString(<TimelineView store={storeFor('serve-every-20ms', three)} caption="Serving" />);
    expect(html).not.toContain('<details class="tl-tracks-fold"');
    expect(html.match(/data-track="latency"/g)).toHaveLength(3);
  });

  it('a figure with tracks lays its lanes out compactly; one without keeps full-height lanes', () => {
    const { container, unmount } = render(
      <TimelineView store={storeFor('serve-every-20ms', three)} caption="Serving" />,
    );
    const headers = [...container.querySelectorAll<HTMLElement>('.tl-band-header')];
    expect(headers.map((h) => h.style.height)).toEqual(['22px', '22px', '22px']);
    expect(container.querySelector('details.tl-tracks-fold')).toBeNull();
    expect(screen.getAllByRole('group', { name: 'latency' })).toHaveLength(3);
    unmount();
    const store = createTimelineStore({ models: ['threads'], traces: [threadsTwo()] });
    const plain = render(<TimelineView store={store} caption="Plain" />);
    // The lanes' height is set once on the label column (every lane has it) and inherited by each label.
    const column = plain.container.querySelector<HTMLElement>('.tl-labels')!;
    expect(column.style.getPropertyValue('--h')).toBe('20px');
    expect(column.querySelector<HTMLElement>('.tl-lane-label')!.style.getPropertyValue('--h')).toBe('');
  });
});
