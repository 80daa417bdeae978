/** The learner's progress (export JSON/CSV) and the teacher's class overview (several progress files → a table, CSV). */
import { useState } from 'react';
import { classCsv, classOverview, exportProgress, isLessonProgress, type ClassOverview, type LessonProgress, parseProgressFile, progressCsv, secondsSpent, stepsDone } from '../../course/runtime/progress';
import { fmt } from '../i18n';
import { useSandbox } from '../use-sandbox';
import type { CourseStrings } from './course-strings';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const mmss = (secs: number) => `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;

export function ProgressView({ s }: { s: CourseStrings }) {
  const lessons = useSandbox((st) => st.lessons);
  const [name, setName] = useState(() => localStorage.getItem('dockyard-learner') ?? '');
  const list: LessonProgress[] = Object.values(lessons).filter(isLessonProgress);
  const stamp = () => new Date().toISOString().slice(0, 10);
  return (
    <section className="progress-view">
      <h3>{s.progress}</h3>
      {list.length === 0 ? (
        <p>{s.progressEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{s.lessons}</th>
              <th>{s.steps}</th>
              <th>{s.time}</th>
              <th>{s.hints}</th>
              <th>{s.solutions}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => {
              const steps = Object.values(p.steps);
              return (
                <tr key={p.lessonId}>
                  <td>{p.title ?? p.lessonId}</td>
                  <td>
                    {stepsDone(p)}/{p.totalSteps}
                  </td>
                  <td>{mmss(secondsSpent(p))}</td>
                  <td>{steps.reduce((n, x) => n + x.hints, 0)}</td>
                  <td>{steps.filter((x) => x.solutionShown).length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <label className="learner-name">
        {s.learnerName}
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            localStorage.setItem('dockyard-learner', e.target.value);
          }}
        />
      </label>
      <div className="step-actions">
        <button type="button" className="button small" onClick={() => download(`dockyard-progress-${stamp()}.json`, JSON.stringify(exportProgress(list, name, Date.now()), null, 1), 'application/json')}>
          {s.exportJson}
        </button>
        <button type="button" className="button small" onClick={() => download(`dockyard-progress-${stamp()}.csv`, progressCsv(list), 'text/csv')}>
          {s.exportCsv}
        </button>
      </div>
    </section>
  );
}

export function ClassView({ s }: { s: CourseStrings }) {
  const [overview, setOverview] = useState<ClassOverview>();
  const [rejected, setRejected] = useState<string[]>([]);
  const load = async (files: FileList | null) => {
    if (!files) return;
    const ok = [];
    const bad: string[] = [];
    for (const f of [...files]) {
      const r = parseProgressFile(await f.text());
      if (r.ok) ok.push(r.file);
      else bad.push(fmt(s.rejectedFile, { file: f.name, reason: r.reason }));
    }
    setRejected(bad);
    setOverview(classOverview(ok));
  };
  return (
    <section className="class-view">
      <h3>{s.classOverview}</h3>
      <p>{s.classIntro}</p>
      <label className="button small">
        {s.loadProgressFiles}
        <input type="file" accept=".json,application/json" multiple hidden onChange={(e) => void load(e.target.files)} />
      </label>
      {rejected.map((r) => (
        <p key={r} className="lesson-error">
          {r}
        </p>
      ))}
      {overview && overview.learners.length > 0 && (
        <>
          <table className="class-table">
            <thead>
              <tr>
                <th />
                {overview.lessons.map((l) => (
                  <th key={l}>{l}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.learners.map((learner) => (
                <tr key={learner}>
                  <th>{learner}</th>
                  {overview.lessons.map((l) => {
                    const c = overview.cells[learner][l];
                    return (
                      <td key={l}>
                        {c ? `${c.done}/${c.total} · ${mmss(c.seconds)} · ${s.hints} ${c.hints} · ${s.solutions} ${c.solutions}` : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button small" onClick={() => download('dockyard-class.csv', classCsv(overview), 'text/csv')}>
            {s.exportClassCsv}
          </button>
        </>
      )}
    </section>
  );
}
