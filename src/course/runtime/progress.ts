/**
 * A learner's progress, per lesson and step: when it started and ended, the
 * commands used, hints and solutions shown, quiz answers. Kept in the
 * sandbox store (IndexedDB) under the lesson's ID; exported as JSON (which a
 * teacher's class overview reads back) or CSV.
 */
import type { Lesson } from '../model';

export interface StepProgress {
  startedAt?: number;
  doneAt?: number;
  /** hints shown so far */
  hints: number;
  solutionShown?: boolean;
  solutionRun?: boolean;
  /** command lines run during the step (at most MAX_COMMANDS) */
  commands: string[];
  /** the quiz answers tried, in order */
  answers?: string[];
}

export interface LessonProgress {
  lessonId: string;
  pack?: string;
  title?: string;
  totalSteps: number;
  startedAt: number;
  doneAt?: number;
  /** index of the step shown */
  current: number;
  steps: Record<string, StepProgress>;
}

export const PROGRESS_FORMAT = 'dockyard-progress';
export const PROGRESS_VERSION = 1;
const MAX_COMMANDS = 100;

export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: number;
  learner: string;
  exportedAt: string;
  lessons: LessonProgress[];
}

export function isLessonProgress(v: unknown): v is LessonProgress {
  const p = v as LessonProgress | null;
  return typeof p === 'object' && p !== null && typeof p.lessonId === 'string' && typeof p.current === 'number' && typeof p.steps === 'object' && p.steps !== null;
}

export function newProgress(lesson: Lesson, now: number): LessonProgress {
  const p: LessonProgress = { lessonId: lesson.id, title: lesson.title.en, totalSteps: lesson.steps.length, startedAt: now, current: 0, steps: {} };
  if (lesson.pack) p.pack = lesson.pack;
  return p;
}

export function stepOf(p: LessonProgress, stepId: string): StepProgress {
  return p.steps[stepId] ?? { hints: 0, commands: [] };
}

/** a copy of `p` with step `stepId` changed by `f` */
export function withStep(p: LessonProgress, stepId: string, f: (s: StepProgress) => StepProgress): LessonProgress {
  const s = f({ ...stepOf(p, stepId), commands: [...stepOf(p, stepId).commands] });
  if (s.commands.length > MAX_COMMANDS) s.commands = s.commands.slice(-MAX_COMMANDS);
  return { ...p, steps: { ...p.steps, [stepId]: s } };
}

export function stepsDone(p: LessonProgress): number {
  return Object.values(p.steps).filter((s) => s.doneAt !== undefined).length;
}

/** seconds spent: from each step's start to its end (or the last activity) */
export function secondsSpent(p: LessonProgress): number {
  let ms = 0;
  for (const s of Object.values(p.steps)) if (s.startedAt !== undefined && s.doneAt !== undefined) ms += Math.max(0, s.doneAt - s.startedAt);
  return Math.round(ms / 1000);
}

export function exportProgress(lessons: readonly LessonProgress[], learner: string, now: number): ProgressFile {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, learner, exportedAt: new Date(now).toISOString(), lessons: [...lessons] };
}

function csvCell(v: string | number | boolean | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const iso = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString());

/** one row per step: lesson, step, started, done, seconds, hints, solution shown/run, commands */
export function progressCsv(lessons: readonly LessonProgress[]): string {
  const rows: (string | number | boolean | undefined)[][] = [['lesson', 'step', 'started', 'done', 'seconds', 'hints', 'solution_shown', 'solution_run', 'commands']];
  for (const p of lessons) {
    for (const [id, s] of Object.entries(p.steps)) {
      const secs = s.startedAt !== undefined && s.doneAt !== undefined ? Math.round((s.doneAt - s.startedAt) / 1000) : undefined;
      rows.push([p.lessonId, id, iso(s.startedAt), iso(s.doneAt), secs, s.hints, !!s.solutionShown, !!s.solutionRun, s.commands.join(' ; ')]);
    }
  }
  return toCsv(rows);
}

/** a progress file a learner exported: checked field by field, never trusted */
export function parseProgressFile(text: string): { ok: true; file: ProgressFile } | { ok: false; reason: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const f = v as Partial<ProgressFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== PROGRESS_FORMAT) return { ok: false, reason: 'not a Dockyard progress file' };
  if (typeof f.version !== 'number' || f.version > PROGRESS_VERSION) return { ok: false, reason: `unsupported version ${String(f.version)}` };
  if (!Array.isArray(f.lessons)) return { ok: false, reason: 'no lessons' };
  return { ok: true, file: { format: PROGRESS_FORMAT, version: f.version, learner: typeof f.learner === 'string' ? f.learner : '', exportedAt: String(f.exportedAt ?? ''), lessons: f.lessons.filter(isLessonProgress) } };
}

export interface ClassCell {
  done: number;
  total: number;
  seconds: number;
  hints: number;
  solutions: number;
}

export interface ClassOverview {
  learners: string[];
  lessons: string[];
  /** cells[learner][lesson] */
  cells: Record<string, Record<string, ClassCell>>;
}

/** learners × lessons from several learners' progress files */
export function classOverview(files: readonly ProgressFile[]): ClassOverview {
  const learners: string[] = [];
  const lessons: string[] = [];
  const cells: ClassOverview['cells'] = {};
  files.forEach((f, i) => {
    let name = f.learner.trim() || `learner ${i + 1}`;
    while (learners.includes(name)) name = `${name} (${i + 1})`;
    learners.push(name);
    cells[name] = {};
    for (const p of f.lessons) {
      if (!lessons.includes(p.lessonId)) lessons.push(p.lessonId);
      const steps = Object.values(p.steps);
      cells[name][p.lessonId] = {
        done: stepsDone(p),
        total: p.totalSteps || steps.length,
        seconds: secondsSpent(p),
        hints: steps.reduce((n, s) => n + (s.hints || 0), 0),
        solutions: steps.filter((s) => s.solutionShown || s.solutionRun).length,
      };
    }
  });
  return { learners, lessons, cells };
}

export function classCsv(o: ClassOverview): string {
  const rows: (string | number)[][] = [['learner', 'lesson', 'steps_done', 'steps_total', 'seconds', 'hints', 'solutions']];
  for (const l of o.learners) for (const id of o.lessons) {
    const c = o.cells[l][id];
    if (c) rows.push([l, id, c.done, c.total, c.seconds, c.hints, c.solutions]);
  }
  return toCsv(rows);
}
