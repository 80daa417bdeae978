/**
 * The course part of the lesson panel, loaded after the prompt (its own
 * chunk): the lesson list (built-in lessons compiled at build time, teachers'
 * packs), the open lesson, the progress page and the class overview. Links
 * "#/lesson/<id>/<step>" open a lesson at a step; "?pack=<zip URL>" loads a
 * pack first.
 */
import builtins from 'virtual:dockyard-lessons';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LessonPack } from '../../course/format/load-pack';
import type { Lesson, LoadedLesson } from '../../course/model';
import { isLessonProgress } from '../../course/runtime/progress';
import { fmt } from '../i18n';
import { useSandbox, useSandboxStore } from '../use-sandbox';
import { courseStrings } from './course-strings';
import { ACTIVE_KEY, courseRunner, parseLessonHash, runInTerminal } from './course-wiring';
import { LessonView } from './LessonView';
import { type StoredPack, packFromFiles, packFromUrl, parsePack, removePack, savePack, storedPacks } from './pack-store';
import { ClassView, ProgressView } from './ProgressView';

type View = 'list' | 'lesson' | 'progress' | 'class';

export default function CourseView({ onRun }: { onRun?(): void }) {
  const store = useSandboxStore();
  const lang = useSandbox((st) => st.lang);
  const lessonsState = useSandbox((st) => st.lessons);
  const s = courseStrings[lang];
  const runner = useMemo(() => courseRunner(store), [store]);
  const state = useSyncExternalStore(
    useCallback((f) => runner.subscribe(f), [runner]),
    () => runner.get(),
  );
  const [view, setView] = useState<View>(state.lesson ? 'lesson' : 'list');
  const [packs, setPacks] = useState<{ stored: StoredPack; pack: LessonPack }[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const [url, setUrl] = useState('');
  const started = useRef(false);

  const all: LoadedLesson[] = useMemo(() => [...builtins, ...packs.flatMap((p) => p.pack.lessons)], [packs]);
  const find = useCallback((id: string) => all.find((l): l is { ok: true; lesson: Lesson } => l.ok && l.lesson.id === id)?.lesson, [all]);

  const run = useCallback(
    (terminal: string | undefined, lines: string[]) => {
      onRun?.();
      void runInTerminal(store, terminal, lines);
    },
    [store, onRun],
  );

  const refreshPacks = useCallback(async () => {
    const stored = await storedPacks();
    setPacks(await Promise.all(stored.map(async (st) => ({ stored: st, pack: await parsePack(st) }))));
  }, []);

  const addPack = useCallback(
    async (make: () => Promise<StoredPack>) => {
      try {
        const st = await make();
        const pack = await parsePack(st);
        await savePack(st);
        await refreshPacks();
        setMessage({ error: false, text: fmt(s.packLoaded, { title: pack.title[lang], n: pack.lessons.length }) });
        return pack;
      } catch (e) {
        setMessage({ error: true, text: fmt(s.packFailed, { reason: e instanceof Error ? e.message : String(e) }) });
        return undefined;
      }
    },
    [refreshPacks, s, lang],
  );

  const open = useCallback(
    (lesson: Lesson, stepId?: string) => {
      const at = stepId ? Math.max(0, lesson.steps.findIndex((x) => x.id === stepId)) : 0;
      setView('lesson');
      const cur = runner.get();
      if (cur.lesson?.id === lesson.id && (stepId === undefined || cur.stepIndex === at)) return;
      void runner.start(lesson, at);
    },
    [runner],
  );

  // first visit of the panel: packs, the ?pack= link, the #/lesson link, or the lesson open before a reload
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      await refreshPacks();
      const packUrl = new URLSearchParams(location.search).get('pack');
      if (packUrl) await addPack(() => packFromUrl(packUrl));
    })();
  }, [refreshPacks, addPack]);

  const routed = useRef(false);
  useEffect(() => {
    const route = () => {
      const r = parseLessonHash(location.hash);
      if (!r) return false;
      const lesson = find(r.id);
      if (!lesson) {
        setMessage({ error: true, text: fmt(s.notFound, { id: r.id }) });
        return true;
      }
      open(lesson, r.step);
      return true;
    };
    if (!routed.current) {
      const active = store.getState().lessons[ACTIVE_KEY] as { lessonId?: string } | undefined;
      const hashLesson = parseLessonHash(location.hash);
      if (hashLesson && !find(hashLesson.id) && new URLSearchParams(location.search).get('pack') && packs.length === 0) return;
      routed.current = true;
      if (!route() && active?.lessonId && !runner.get().lesson) {
        const lesson = find(active.lessonId);
        if (lesson) {
          setView('lesson');
          void runner.resume(lesson);
        }
      }
    }
    window.addEventListener('hashchange', route);
    return () => window.removeEventListener('hashchange', route);
  }, [find, open, runner, store, s, packs.length]);

  const progressOf = (id: string) => {
    const p = lessonsState[id];
    return isLessonProgress(p) ? p : undefined;
  };

  const tabs: [View, string][] = [
    ['list', s.lessons],
    ['progress', s.progress],
    ['class', s.classOverview],
  ];

  return (
    <div className="course">
      <nav className="course-tabs" aria-label={s.lessons}>
        {tabs.map(([v, label]) => (
          <button key={v} type="button" className={`button small${view === v || (v === 'list' && view === 'lesson') ? ' selected' : ''}`} aria-pressed={view === v} onClick={() => setView(v === 'list' && state.lesson ? 'lesson' : v)}>
            {label}
          </button>
        ))}
        {state.lesson && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              runner.stop();
              setView('list');
              if (location.hash.startsWith('#/lesson/')) history.replaceState(null, '', location.pathname + location.search);
            }}
          >
            {s.closeLesson}
          </button>
        )}
      </nav>
      {message && (
        <p className={message.error ? 'lesson-error' : 'lesson-status'} role="status">
          {message.text}
        </p>
      )}
      {view === 'lesson' && state.lesson && <LessonView runner={runner} state={state} lang={lang} s={s} onRun={run} onList={() => setView('list')} />}
      {(view === 'list' || (view === 'lesson' && !state.lesson)) && (
        <div className="lesson-list">
          {lessonGroup('builtin', s.builtIn, builtins)}
          {packs.map(({ stored, pack }) =>
            lessonGroup(
              stored.id,
              pack.title[lang],
              pack.lessons,
              pack.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`),
              () => void removePack(stored.id).then(refreshPacks),
            ),
          )}
          <section className="pack-loader">
            <h3>{s.loadPack}</h3>
            <label className="button small">
              {s.loadFolder}
              <input
                type="file"
                hidden
                multiple
                {...({ webkitdirectory: '' } as object)}
                onChange={(e) => e.target.files && void addPack(() => packFromFiles([...(e.target.files as FileList)]))}
              />
            </label>
            <label className="button small">
              {s.loadZip}
              <input type="file" hidden accept=".zip,application/zip" data-testid="pack-zip" onChange={(e) => e.target.files?.[0] && void addPack(() => packFromFiles([(e.target.files as FileList)[0]]))} />
            </label>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (url.trim()) void addPack(() => packFromUrl(url.trim()));
              }}
            >
              <input type="url" value={url} placeholder={s.urlPlaceholder} aria-label={s.loadUrl} onChange={(e) => setUrl(e.target.value)} />
              <button type="submit" className="button small">
                {s.loadUrl}
              </button>
            </form>
          </section>
          <p className="free-play">{s.freePlay}</p>
        </div>
      )}
      {view === 'progress' && <ProgressView s={s} />}
      {view === 'class' && <ClassView s={s} />}
    </div>
  );

  function lessonGroup(key: string, title: string, lessons: readonly LoadedLesson[], problems?: string[], onRemove?: () => void) {
    return (
      <section key={key} className="lesson-group">
        <h3>
          {title}
          {onRemove && (
            <button type="button" className="button small" onClick={onRemove}>
              {s.removePack}
            </button>
          )}
        </h3>
        {problems?.map((p) => (
          <p key={p} className="lesson-error">
            {p}
          </p>
        ))}
        <ol className="lesson-cards">
          {lessons.map((l) => {
            if (!l.ok)
              return (
                <li key={l.folder} className="lesson-card broken">
                  <strong>{l.title ?? l.id ?? l.folder}</strong>
                  <p>{s.broken}</p>
                  <ul>
                    {l.problems.map((p) => (
                      <li key={`${p.file}:${p.line}:${p.message}`}>
                        <code>
                          {p.file}
                          {p.line ? `:${p.line}` : ''}
                          {p.field ? ` (${p.field})` : ''}
                        </code>{' '}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            const p = progressOf(l.lesson.id);
            const done = p ? Object.values(p.steps).filter((x) => x.doneAt !== undefined).length : 0;
            return (
              <li key={l.lesson.id} className="lesson-card" data-lesson={l.lesson.id}>
                <strong>{l.lesson.title[lang]}</strong>
                <span className="lesson-meta">
                  {s.levels[l.lesson.level]} · {fmt(s.minutes, { n: l.lesson.minutes })} · {done}/{l.lesson.steps.length}
                </span>
                <p>{l.lesson.summary[lang]}</p>
                <button type="button" className="button small" onClick={() => open(l.lesson)}>
                  {p?.doneAt ? s.restart : p ? s.restart : s.start}
                </button>
                {p && !p.doneAt && runner.get().lesson?.id === l.lesson.id && (
                  <button type="button" className="button small" onClick={() => setView('lesson')}>
                    {s.continue}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    );
  }
}
