import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { MODEL_LABELS, simulate } from '../../sim';
import type { ModelId } from '../../sim/types';
import { loadScenario } from '../../content/scenarios';
import { announcePrediction } from '../../store/placement';
import { answerMark, judge, modelsFor, type PredictionKind } from './answer';

export interface PredictProps {
  /** Scenario id (a file in content/scenarios). */
  scenario: string;
  /** The model the question is about (for makespan, first, last). */
  model?: ModelId;
  /**
   * What is asked: the total time, the task that finishes first or last, the fastest of several models, the
   * value a shared variable ends with (`final`, with `var`), or which of several models deadlocks.
   */
  ask: PredictionKind;
  /** The shared variable (Scenario.shared) a `final` question asks about. */
  var?: string;
  /** The question, as the reader sees it. */
  question: string;
  /** Comma-separated choices: durations ("1 s, 3 s, 6 s"), task names, numbers (final) or model ids. */
  choices: string;
  /** The CPython measurement for the same workload, shown beside the simulated figure. */
  measured?: string;
  /**
   * The id of the <Timeline> that answers the question, when it is not the next timeline of the same
   * scenario after it (which is the default). It has to come after the question.
   */
  for?: string;
  /** Why: shown once the reader has answered. */
  children?: ReactNode;
}

const modelLabel = (m: ModelId) => MODEL_LABELS[m] ?? m;

function choiceLabel(kind: PredictionKind, choice: string): string {
  return kind === 'fastest' || kind === 'deadlock' ? (MODEL_LABELS[choice as ModelId] ?? choice) : choice;
}

/**
 * Predict, then reveal: the reader commits to a guess before seeing the answer, which comes from the
 * simulator (never written into the article). The figure that answers it opens at its start with its
 * totals hidden; "Check my guess" reveals it and plays it (see tie.ts). With JavaScript off, the answer
 * sits behind a closed disclosure.
 */
export function Predict(props: PredictProps) {
  const { scenario, model, ask, question, choices, measured, children } = props;
  const id = useId();
  // Drawn in page order, before its figure: the figure finds the question it answers (placement.ts).
  useState(() => announcePrediction({ id, scenario, for: props.for }));
  const list = choices.split(',').map((c) => c.trim());
  const entry = loadScenario(scenario);
  if (!entry.ok) throw new Error(entry.error);
  const { verdict, mark } = useMemo(
    () => {
      const traces = modelsFor(ask, model, list).map((m) => simulate(entry.scenario, m));
      const options = { variable: props.var };
      const v = judge(ask, list, traces, options);
      return { verdict: v, mark: answerMark(ask, list, traces, v, modelLabel, options) };
    },
    // The choices string, not the split array, identifies the question.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ask, choices, model, props.var, entry.scenario],
  );
  const [picked, setPicked] = useState<number | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const focusNext = useRef<'verdict' | 'choices' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'verdict' ? verdictRef.current : firstChoice.current;
    if (focusNext.current) target?.focus();
    focusNext.current = null;
  }, [submitted]);

  const answer = (
    <>
      <p>
        {ask === 'makespan' ? (
          <>
            The simulation gives <strong>{verdict.fact}</strong>
            {model ? ` with ${MODEL_LABELS[model]}` : ''}.
          </>
        ) : (
          <>
            The simulation says <strong>{verdict.fact}</strong>.
          </>
        )}
        {measured ? ` Measured on CPython 3.11, Linux, 2 cores: ${measured}.` : null}
      </p>
      {children}
    </>
  );

  return (
    <section className="predict" aria-labelledby={`${id}-q`} data-predict={id}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (picked === null) return;
          focusNext.current = 'verdict';
          setSubmitted(true);
          void import('./tie').then((m) => m.revealFigure(id, mark));
        }}
      >
        <fieldset disabled={submitted}>
          <legend id={`${id}-q`}>
            <span className="predict-tag">Predict</span> {question}
          </legend>
          <div className="predict-choices">
            {list.map((choice, i) => (
              <label
                key={choice}
                className={
                  submitted && i === verdict.correct
                    ? 'predict-choice is-correct'
                    : submitted && i === picked
                      ? 'predict-choice is-wrong'
                      : 'predict-choice'
                }
              >
                <input
                  ref={i === 0 ? firstChoice : undefined}
                  type="radio"
                  name={`${id}-choice`}
                  value={i}
                  checked={picked === i}
                  onChange={() => setPicked(i)}
                />
                <span>{choiceLabel(ask, choice)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {!submitted ? (
          // Dimmed, not disabled, until a choice is made: a reader who picks and tabs on at once (before the
          // figure is ready to hear the choice) still lands on it.
          <button type="submit" className="predict-submit needs-js" aria-disabled={picked === null}>
            Check my guess
          </button>
        ) : null}
      </form>
      <div role="status" className="predict-result">
        {submitted && picked !== null ? (
          <>
            <p className="predict-verdict" ref={verdictRef} tabIndex={-1}>
              {picked === verdict.correct
                ? `Right: ${choiceLabel(ask, list[picked])}.`
                : `Not quite: you picked ${choiceLabel(ask, list[picked])}; the answer is ${choiceLabel(ask, list[verdict.correct])}.`}
            </p>
            {answer}
          </>
        ) : null}
      </div>
      {submitted ? (
        <button
          type="button"
          className="predict-again"
          onClick={() => {
            focusNext.current = 'choices';
            setPicked(null);
            setSubmitted(false);
            void import('./tie').then((m) => m.resealFigure(id));
          }}
        >
          Try again
        </button>
      ) : null}
      <details className="predict-static only-no-js">
        <summary>Show the answer</summary>
        <p className="predict-verdict">The answer is {choiceLabel(ask, list[verdict.correct])}.</p>
        {answer}
      </details>
    </section>
  );
}
