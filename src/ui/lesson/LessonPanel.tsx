/**
 * The lesson panel: the course (lesson list, the open lesson, progress,
 * class overview: CourseView, its own chunk loaded after the prompt), then
 * the sandbox's welcome and "things to try", in the learner's language; the
 * commands it offers run in the active terminal.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { terminalHandle } from '../terminal/terminal-registry';
import { useSandbox } from '../use-sandbox';
import { useT } from '../use-t';
import { courseStrings } from './course-strings';

const CourseView = lazy(() => import('./CourseView'));

export function LessonPanel({ onRun }: { onRun?(): void }) {
  const active = useSandbox((s) => s.activeTerminal);
  const run = (command: string) => {
    onRun?.();
    const term = terminalHandle(active);
    if (!term) return;
    if (term.running) term.type(command);
    else void term.execute(command);
  };
  const lang = useSandbox((s) => s.lang);
  // while a lesson is open, the panel is the lesson's; the welcome is back in free play
  const inLesson = useSandbox((s) => s.lessons['@active'] !== undefined);
  // the course's chunk is fetched once the page is idle: after the terminal's prompt
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?(f: () => void, o?: { timeout: number }): number };
    if (w.requestIdleCallback) w.requestIdleCallback(() => setIdle(true), { timeout: 1500 });
    else setTimeout(() => setIdle(true), 300);
  }, []);
  const loading = <p className="lesson-status">{courseStrings[lang].loadingLessons}</p>;
  return (
    <article className="lesson">
      {idle ? (
        <Suspense fallback={loading}>
          <CourseView onRun={onRun} />
        </Suspense>
      ) : (
        loading
      )}
      {!inLesson && <Welcome run={run} />}
    </article>
  );
}

function Welcome({ run }: { run(command: string): void }) {
  const t = useT();
  return (
    <>
      <h2>{t.lessonWelcomeTitle}</h2>
      {t.lessonIntro.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h3>{t.lessonTryTitle}</h3>
      <ol className="try-list">
        {t.lessonTry.map((item) => (
          <li key={item.command}>
            <div className="try-command">
              <code>{item.command}</code>
              <button type="button" className="button small run" onClick={() => run(item.command)} aria-label={`${t.lessonRun}: ${item.command}`}>
                ▶ {t.lessonRun}
              </button>
            </div>
            <p>{item.text}</p>
          </li>
        ))}
      </ol>
      <h3>{t.lessonAroundTitle}</h3>
      <ul>
        {t.lessonAround.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <h3>{t.lessonTipsTitle}</h3>
      <ul>
        {t.lessonTips.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </>
  );
}
