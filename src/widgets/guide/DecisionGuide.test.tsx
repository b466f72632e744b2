import { beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { preloadScenarios, scenarioIds } from '../../content/scenarios';
import { parseModels } from '../timeline/Timeline';
import { DecisionGuide as Bare, type DecisionGuideProps } from './DecisionGuide';
import { guideKit } from './kit';
import { DecisionGuide } from './index';
import { wake } from '../near/intent';
import { decide, GUIDE_SCENARIOS, OUTCOMES, QUESTIONS, type Answers } from './guideData';

beforeAll(() => preloadScenarios(['ten-downloads', 'fib35-x4']));

/** The guide as the registry hands it its shared modules. */
const DecisionGuideImpl = (props: DecisionGuideProps) => <Bare {...props} kit={guideKit} />;

const group = (name: RegExp) => screen.getByRole('group', { name });

/** The caption of the timeline the guide shows, once it is drawn. */
async function timelineCaption(): Promise<string> {
  const caption = await waitFor(() => {
    const el = document.querySelector('.guide figure figcaption');
    if (!el) throw new Error('no timeline yet');
    return el;
  });
  return caption.textContent ?? '';
}

describe('guide data', () => {
  it('leads every combination of answers to exactly one recommendation, and reaches them all', () => {
    const reached = new Set<string>();
    const walk = (answers: Answers) => {
      const next = QUESTIONS.find((q) => q.asked(answers) && answers[q.id] === undefined);
      if (!next) {
        const outcome = decide(answers);
        expect(outcome, JSON.stringify(answers)).not.toBeNull();
        reached.add(outcome!.id);
        return;
      }
      expect(decide(answers)).toBeNull();
      for (const o of next.options) walk({ ...answers, [next.id]: o.value });
    };
    walk({});
    expect([...reached].sort()).toEqual(OUTCOMES.map((o) => o.id).sort());
  });

  it('shows only scenarios and models that exist', () => {
    for (const id of GUIDE_SCENARIOS) expect(scenarioIds()).toContain(id);
    for (const o of OUTCOMES) expect(parseModels(o.models).ok, o.id).toBe(true);
  });
});

describe('<DecisionGuide>', () => {
  it('is operable from the keyboard: Tab into a group, arrows between answers', async () => {
    const user = userEvent.setup();
    render(<DecisionGuideImpl />);
    expect(screen.getByText('Pick an answer to start.')).toBeInTheDocument();
    await user.tab();
    const first = within(group(/spend most of their time/)).getAllByRole('radio');
    expect(first[0]).toHaveFocus();
    await user.keyboard(' ');
    expect(first[0]).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(first[1]).toBeChecked();
    expect(first[1]).toHaveAccessibleName('Computing in Python code');
    // Computing asks about free-threaded builds next.
    await user.tab();
    const ft = within(group(/free-threaded build/)).getAllByRole('radio');
    expect(ft[0]).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByText(/^Recommendation:/)).toHaveTextContent('Threads on a free-threaded build');
    expect(await timelineCaption()).toMatch(/fib\(35\) four times/);
    // Changing an earlier answer changes the advice.
    await user.keyboard('{ArrowDown}');
    expect(screen.queryByText(/^Recommendation:/)).toBeNull();
    expect(group(/data each task takes/)).toBeInTheDocument();
  });

  it('asks only what matters and recommends with a reason and a timeline', async () => {
    const user = userEvent.setup();
    render(<DecisionGuideImpl />);
    expect(document.querySelectorAll('fieldset')).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: /^Waiting/ }));
    await user.click(screen.getByRole('radio', { name: /No, they block/ }));
    expect(screen.queryByRole('group', { name: /How many tasks/ })).toBeNull();
    expect(screen.getByText(/^Recommendation:/)).toHaveTextContent('A thread pool');
    expect(document.querySelector('.guide-why')).toHaveTextContent(/releases the GIL while it waits/);
    // Its scenario was not preloaded with the page: the guide loads it on first use, then draws it.
    expect(await timelineCaption()).toMatch(/Forty blocking downloads/);
  });

  it('asks about latency under load when tasks mostly wait but also compute', async () => {
    const user = userEvent.setup();
    render(<DecisionGuideImpl />);
    await user.click(screen.getByRole('radio', { name: /^Mostly waiting, with some heavy computing/ }));
    const load = group(/requests keep arriving/);
    expect(screen.queryByText(/^Recommendation:/)).toBeNull();
    // Light load: the executors' advice stands.
    await user.click(within(load).getByRole('radio', { name: /less Python per request/ }));
    expect(screen.getByText(/^Recommendation:/)).toHaveTextContent('asyncio, with executors for the heavy parts');
    // More Python per request than one GIL can give: more interpreters, with the timeline that shows why.
    await user.click(within(load).getByRole('radio', { name: /about the time between requests, or more/ }));
    expect(screen.getByText(/^Recommendation:/)).toHaveTextContent('Several worker processes');
    expect(document.querySelector('.guide-why')).toHaveTextContent(/one second of Python per second/);
    expect(await timelineCaption()).toMatch(/one GIL falls behind, processes keep up/);
    // Other kinds of work are never asked about load.
    await user.click(screen.getByRole('radio', { name: /^Waiting/ }));
    expect(screen.queryByRole('group', { name: /requests keep arriving/ })).toBeNull();
  });

  it('starts over and puts the focus back on the first question', async () => {
    const user = userEvent.setup();
    render(<DecisionGuideImpl />);
    await user.click(screen.getByRole('radio', { name: /One chain/ }));
    expect(screen.getByText(/^Recommendation:/)).toHaveTextContent('Plain sequential code');
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByText('Pick an answer to start.')).toBeInTheDocument();
    expect(screen.getAllByRole('radio')[0]).toHaveFocus();
    expect(screen.getAllByRole('radio')[0]).not.toBeChecked();
  });

  it('carries every recommendation as a static table for readers without JavaScript', () => {
    const html = renderToString(<DecisionGuideImpl />);
    const el = document.createElement('div');
    el.innerHTML = html;
    const table = el.querySelector('.only-no-js table')!;
    expect(table).not.toBeNull();
    expect(table.querySelectorAll('tbody tr')).toHaveLength(OUTCOMES.length);
    for (const o of OUTCOMES) expect(table.textContent).toContain(o.use);
  });

  it('hydrates the prerendered guide without recoverable errors, then answers', async () => {
    // As the server renders it: the guide whole, inside its island (src/widgets/near).
    const html = renderToString(
      <div className="guide-island" data-island="">
        <Suspense fallback={null}>
          <DecisionGuideImpl />
        </Suspense>
      </div>,
    );
    const el = document.createElement('div');
    el.innerHTML = html;
    document.body.append(el);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(el, <DecisionGuide />, { onRecoverableError: (e) => errors.push(e) });
    });
    // The reader reaches for it: the island wakes, fetches the guide and hydrates it.
    act(() => wake(el.querySelector('[data-island]')!));
    await waitFor(() => expect(el.querySelector('[data-island]')).toHaveAttribute('data-ready'), { timeout: 5000 });
    expect(errors).toEqual([]);
    await userEvent.setup().click(within(el).getByRole('radio', { name: /^Computing/ }));
    expect(within(el).getByRole('group', { name: /free-threaded build/ })).toBeInTheDocument();
    el.remove();
  });
});

describe('guide data: subinterpreters', () => {
  it('recommends an interpreter pool for computing on Python 3.14 with small data, and asks only then', () => {
    const base: Answers = { work: 'compute', freeThreaded: 'no', bigData: 'no' };
    expect(QUESTIONS.find((q) => q.id === 'interpreters')!.asked(base)).toBe(true);
    expect(QUESTIONS.find((q) => q.id === 'interpreters')!.asked({ ...base, bigData: 'yes' })).toBe(false);
    expect(decide({ ...base, interpreters: 'yes' })?.id).toBe('subinterpreters');
    expect(decide({ ...base, interpreters: 'no' })?.id).toBe('processes');
    expect(decide({ ...base, bigData: 'yes' })?.id).toBe('big-data');
  });
});
