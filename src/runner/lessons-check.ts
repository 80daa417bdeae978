/**
 * `npm run lessons:check` (part of `npm test`): every built-in lesson and
 * every pack under lessons/packs, headless. For each lesson:
 * - lesson.yaml, en.md and zh-CN.md load (schema valid, both languages complete);
 * - from a fresh sandbox and the lesson's setup, each step in turn: after the
 *   step's setup its checks do not pass yet (a check that already passes is
 *   reported as a note), the step's solution typed in terminal 1 makes them
 *   all pass, and every check message exists in both languages;
 * so the whole lesson is completed from its setup by its solutions alone.
 * Then a walk through the Run buttons notes blocks a step puts after the
 * command that completes it (lessons-walk.ts).
 * Prints one line per lesson and step; exits 1 when any lesson fails.
 */
import { evaluateChecks } from '../course/checks/evaluate';
import { newCaches } from '../course/checks/context';
import type { Lesson, LessonProblem, LoadedLesson, Text } from '../course/model';
import { applySetup, simulatorOnlyText } from '../course/runtime/setup';
import { createLessonSandbox, type LessonBox } from './lesson-sandbox';
import { walkRunButtons } from './lessons-walk';

export interface StepReport {
  step: string;
  ok: boolean;
  notes: string[];
  errors: string[];
  /** what "Why not yet?" says at the start of the step, per failing check */
  why: Text[];
}

export interface LessonReport {
  lesson: string;
  ok: boolean;
  problems: LessonProblem[];
  steps: StepReport[];
}

export function problemLine(p: LessonProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` (${p.field})` : ''}: ${p.message}`;
}

/** run one loaded lesson through its steps' solutions (in a fresh sandbox, or `box`: a real engine's) */
export async function checkLesson(lesson: Lesson, box: LessonBox = createLessonSandbox()): Promise<StepReport[]> {
  const caches = newCaches();
  const reports: StepReport[] = [];
  try {
    const failed = await applySetup(lesson.setup, box.env);
    if (failed) return [{ step: '(lesson setup)', ok: false, notes: [], errors: [failed.en], why: [] }];
    for (const step of lesson.steps) {
      const r: StepReport = { step: step.id, ok: true, notes: [], errors: [], why: [] };
      reports.push(r);
      // on a real engine a step marked simulator-only is not run: the runtime explains it there
      if (simulatorOnlyText(step, box.env)) {
        r.notes.push(`simulator-only, not run on the real engine: ${step.simulatorOnly?.en}`);
        continue;
      }
      const setupFailed = await applySetup(step.setup, box.env);
      if (setupFailed) {
        r.ok = false;
        r.errors.push(`setup: ${setupFailed.en}`);
        break;
      }
      if (step.quiz) continue;
      const from = box.commands.length;
      const before = await evaluateChecks(step.checks, box.env, caches, []);
      if (before.every((x) => x.ok)) r.errors.push('its checks already pass at the start of the step');
      before.forEach((x, i) => {
        if (x.ok) r.notes.push(`check ${i + 1} already passes at the start`);
        else if (!x.message.en.trim() || !x.message['zh-CN'].trim()) r.errors.push(`check ${i + 1} has an empty failure message`);
        else r.why.push(x.message);
      });
      for (const line of step.solution) {
        const out = await box.type('t1', line);
        if (out.status !== 0) r.notes.push(`solution line \`${line}\` exited ${out.status}: ${(out.stderr || out.stdout).trim().split('\n')[0]}`);
      }
      const after = await evaluateChecks(step.checks, box.env, caches, box.commands.slice(from));
      after.forEach((x, i) => {
        if (!x.ok) r.errors.push(`after the solution, check ${i + 1} fails: ${x.message.en}`);
      });
      r.ok = r.errors.length === 0;
      if (!r.ok) break;
    }
  } finally {
    box.dispose();
  }
  return reports;
}

export async function checkLoaded(l: LoadedLesson): Promise<LessonReport> {
  if (!l.ok) return { lesson: l.folder, ok: false, problems: l.problems, steps: [] };
  const steps = await checkLesson(l.lesson);
  if (steps.every((s) => s.ok)) {
    const walked = await walkRunButtons(l.lesson);
    for (const s of steps) s.notes.push(...(walked.get(s.step) ?? []));
  }
  return { lesson: l.lesson.folder, ok: steps.every((s) => s.ok) && steps.length === l.lesson.steps.length, problems: [], steps };
}
