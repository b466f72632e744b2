/**
 * <DecisionGuide />: a few questions, asked one after another as they become relevant, lead to a
 * recommendation with its reason and a live timeline of a workload that shows it. Plain radio groups, so the
 * keyboard works as everywhere else (Tab into a group, arrow keys between answers). Without JavaScript the
 * guide is a static table of every recommendation.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { GuideKit } from './kit';
import { askedQuestions, decide, GUIDE_SCENARIOS, type Answers, type Question } from './guideData';
import { GuideTable } from './GuideTable';

export interface DecisionGuideProps {
  /** Heading-like title above the questions. */
  title?: string;
}

interface OutcomeTimelineProps {
  kit: GuideKit;
  scenario: string;
  models: string;
  caption: string;
}

function RadioGroup({ question, value, onPick }: { question: Question; value?: string; onPick: (v: string) => void }) {
  const id = useId();
  return (
    <fieldset className="guide-question">
      <legend>{question.text}</legend>
      <div className="guide-options">
        {question.options.map((option) => (
          <label key={option.value} className="guide-option">
            <input
              type="radio"
              name={`${id}-${question.id}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onPick(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The timeline for a recommendation, once its scenario is loaded (guide scenarios load on first use). */
function OutcomeTimeline({ kit, scenario, models, caption }: OutcomeTimelineProps) {
  const [attempted, setAttempted] = useState<string[]>([]);
  const entry = kit.loadScenario(scenario);
  const pending = !entry.ok && !attempted.includes(scenario);
  useEffect(() => {
    if (!pending) return;
    let live = true;
    void kit.preloadScenarios([scenario]).finally(() => live && setAttempted((a) => [...a, scenario]));
    return () => {
      live = false;
    };
  }, [kit, pending, scenario]);
  if (pending) return <p className="guide-loading">Loading the timeline…</p>;
  return <kit.Timeline key={`${scenario}|${models}`} scenario={scenario} models={models} caption={caption} />;
}

export function DecisionGuide({
  title = 'Which model fits your program?',
  kit,
}: DecisionGuideProps & { kit: GuideKit }) {
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const questions = askedQuestions(answers);
  const outcome = decide(answers);
  const pick = (q: Question, value: string) => {
    // Warm up every scenario the guide may show, so later answers draw at once.
    if (Object.keys(answers).length === 0) void kit.preloadScenarios(GUIDE_SCENARIOS);
    setAnswers((a) => ({ ...a, [q.id]: value }));
  };

  const startOver = () => {
    flushSync(() => setAnswers({}));
    root.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  };

  return (
    <section ref={root} className="guide" aria-labelledby={`${id}-title`}>
      <p className="guide-title" id={`${id}-title`}>
        <span className="guide-tag">Decision guide</span> {title}
      </p>
      <div className="needs-js">
        {questions.map((q) => (
          <RadioGroup key={q.id} question={q} value={answers[q.id]} onPick={(v) => pick(q, v)} />
        ))}
        <div className="guide-result" aria-live="polite">
          {outcome ? (
            <>
              <p className="guide-use">
                Recommendation: <strong>{outcome.use}</strong>
              </p>
              <p className="guide-why">{outcome.why}</p>
            </>
          ) : (
            <p className="guide-prompt">
              {Object.keys(answers).length === 0 ? 'Pick an answer to start.' : 'Now the next question.'}
            </p>
          )}
        </div>
        {outcome ? (
          <>
            <OutcomeTimeline kit={kit} scenario={outcome.scenario} models={outcome.models} caption={outcome.caption} />
            <button type="button" className="guide-reset" onClick={startOver}>
              Start over
            </button>
          </>
        ) : null}
        <details className="guide-all">
          <summary>Every recommendation in one table</summary>
          <GuideTable caption="The decision guide as a table" />
        </details>
      </div>
      <div className="only-no-js">
        <GuideTable caption="Which model to use, by what your tasks do" />
      </div>
    </section>
  );
}
