/** The open lesson: its steps, the open step with Run buttons, checks, hints, solution, reset, quiz. */
import { useEffect, useRef, useState } from 'react';
import type { CourseRunner, CourseState } from '../../course/runtime/course-runner';
import type { Lang } from '../../course/model';
import { fmt } from '../i18n';
import { Blocks, Inlines, keyed } from './Blocks';
import type { CourseStrings } from './course-strings';

interface Props {
  runner: CourseRunner;
  state: CourseState;
  lang: Lang;
  s: CourseStrings;
  onRun(terminal: string | undefined, lines: string[]): void;
  onList(): void;
}

export function LessonView({ runner, state, lang, s, onRun, onList }: Props) {
  const [why, setWhy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const top = useRef<HTMLDivElement>(null);
  // a new step: its "done" note and the new step's start come into view
  const shownStep = state.stepIndex;
  useEffect(() => {
    if (shownStep >= 0) top.current?.querySelector('.step-done, .step')?.scrollIntoView?.({ block: 'nearest' });
  }, [shownStep]);
  const lesson = state.lesson;
  if (!lesson) return null;
  const index = state.stepIndex;
  const step = lesson.steps[index];
  const hints = runner.hintsShown();
  const solution = runner.solutionShown();
  const done = state.justDone !== undefined ? lesson.steps[state.justDone] : undefined;
  const failing = runner.whyNotYet();
  const finished = state.status === 'finished';

  return (
    <div className="lesson-view" ref={top}>
      <div className="lesson-head">
        <button type="button" className="button small" onClick={onList}>
          ← {s.backToList}
        </button>
        <h2>{lesson.title[lang]}</h2>
      </div>
      <ol className="lesson-steps" aria-label={s.steps}>
        {lesson.steps.map((st, i) => (
          <li key={st.id} className={i < index || finished ? 'done' : i === index ? 'current' : ''} aria-current={i === index ? 'step' : undefined}>
            {i < index || finished ? '✓ ' : ''}
            {st.title[lang]}
          </li>
        ))}
      </ol>
      {done && (
        <section className="step-done" role="status">
          <h3>{fmt(s.stepDone, { title: done.title[lang] })}</h3>
          <Blocks blocks={done.done[lang]} s={s} onRun={onRun} />
        </section>
      )}
      {finished ? (
        <section className="lesson-finished">
          <h3>{s.lessonDone}</h3>
          <button type="button" className="button" onClick={onList}>
            {s.backToList}
          </button>
        </section>
      ) : (
        <section className="step" data-step={step.id}>
          <p className="step-count">{fmt(s.stepOf, { n: index + 1, total: lesson.steps.length })}</p>
          <h3>{step.title[lang]}</h3>
          {state.status === 'preparing' && <p className="lesson-status">{s.preparing}</p>}
          {state.status === 'failed' && state.error && (
            <p className="lesson-error" role="alert">
              {s.setupFailed} {state.error[lang]}
            </p>
          )}
          <Blocks blocks={step.body[lang]} s={s} onRun={onRun} busy={state.status === 'preparing'} />
          {step.quiz ? (
            <fieldset className="quiz">
              {step.quiz.choices.map((c) => {
                const chosen = state.answer?.ids.includes(c.id);
                return (
                  <label key={c.id} className={chosen ? (state.answer?.right ? 'right' : 'wrong') : ''}>
                    <input
                      type={step.quiz && step.quiz.answer.length > 1 ? 'checkbox' : 'radio'}
                      name={`quiz-${step.id}`}
                      checked={picked.includes(c.id)}
                      onChange={(e) =>
                        setPicked((p) => (step.quiz && step.quiz.answer.length > 1 ? (e.target.checked ? [...p, c.id] : p.filter((x) => x !== c.id)) : [c.id]))
                      }
                    />
                    <span>
                      <Inlines c={c.text[lang]} />
                    </span>
                    {chosen && (
                      <div className="quiz-why">
                        <Blocks blocks={c.why[lang]} s={s} onRun={onRun} />
                      </div>
                    )}
                  </label>
                );
              })}
              <button type="button" className="button" disabled={picked.length === 0} onClick={() => void runner.answer(picked).then(() => setPicked([]))}>
                {s.answer}
              </button>
              {state.answer && !state.answer.right && <p className="lesson-error">{s.wrong}</p>}
            </fieldset>
          ) : (
            <>
              <div className="step-actions">
                <button type="button" className="button small" aria-expanded={why} onClick={() => setWhy((w) => !w)}>
                  {s.whyNotYet}
                </button>
                <button type="button" className="button small" onClick={() => runner.nextHint(lang)}>
                  {s.hint}
                </button>
                <button type="button" className="button small" onClick={() => (solution ? void runner.runSolution() : setConfirming(true))}>
                  {solution ? s.runSolution : s.showSolution}
                </button>
                <button type="button" className="button small" onClick={() => void runner.resetStep()}>
                  {s.resetStep}
                </button>
              </div>
              {why && (
                <ul className="why-not-yet" aria-label={s.whyNotYet}>
                  {failing.length === 0 ? <li>{s.allPass}</li> : failing.map((m) => <li key={m.en}>{m[lang]}</li>)}
                </ul>
              )}
              {hints > 0 && (
                <ol className="hints">
                  {keyed(step.hints[lang].slice(0, hints), `${step.id}-hint-`).map(({ key, item }) => (
                    <li key={key}>
                      <Blocks blocks={item} s={s} onRun={onRun} />
                    </li>
                  ))}
                  {hints >= step.hints[lang].length && !solution && <li className="no-more">{s.noMoreHints}</li>}
                </ol>
              )}
              {confirming && !solution && (
                <div className="confirm" role="alertdialog" aria-label={s.showSolution}>
                  <p>{s.confirmSolution}</p>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      runner.showSolution();
                      setConfirming(false);
                    }}
                  >
                    {s.showSolution}
                  </button>
                  <button type="button" className="button small" onClick={() => setConfirming(false)}>
                    ✕
                  </button>
                </div>
              )}
              {solution && (
                <div className="lesson-code solution">
                  <pre>
                    <code>{step.solution.join('\n')}</code>
                  </pre>
                </div>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}

