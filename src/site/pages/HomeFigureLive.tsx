/**
 * What the home page opens with: the guide's first example, three jobs that wait 2 s, 3 s and 1 s, under
 * four models, live, with job B's wait as a number the reader drags (or changes with the arrow keys) and
 * every model's total following it. prepareHomeFigure runs before it renders (see HomeFigure.tsx, which
 * prerenders it and loads this module in the browser when the reader reaches for it).
 */
import { preloadScenarios } from '../../content/scenarios';
import { beginPage } from '../../store/pageTimelines';
import { EditingTimeline as Timeline } from '../../widgets/timeline/EditingTimeline';
import { Knob } from '../../widgets/knob/Knob';
import { Result } from '../../widgets/knob/Result';

const FIGURE = {
  id: 'home',
  scenario: 'three-sleeps',
  models: 'sequential asyncio threads processes',
  caption: 'Jobs A, B and C under four models, on one time axis',
} as const;

export async function prepareHomeFigure(): Promise<void> {
  beginPage([FIGURE]);
  await preloadScenarios([FIGURE.scenario]);
}

export function HomeFigureLive() {
  return (
    <section className="home-figure" aria-labelledby="home-figure-heading">
      <h2 id="home-figure-heading" className="visually-hidden">
        Three jobs under four models
      </h2>
      <p className="home-figure-text">
        Three jobs wait for replies: A for 2 s, B for{' '}
        <Knob for="home" task="B" step="1" field="durationMs" label="Job B wait" /> and C for 1 s. One after another
        they take <Result for="home" model="sequential" />. Overlap the waits and asyncio takes{' '}
        <Result for="home" model="asyncio" />, threads <Result for="home" model="threads" /> and processes{' '}
        <Result for="home" model="processes" />. Drag B’s wait sideways, or focus it and press the arrow keys.
      </p>
      <Timeline {...FIGURE} />
    </section>
  );
}
