/**
 * A lesson folder (lesson.yaml, en.md, zh-CN.md) → a Lesson, or the problems
 * that keep it from loading, each with its file, line and field. Never
 * throws: a broken lesson is listed with its problems, it never stops the app.
 * Runs at build time (built-in lessons), in lessons:check, and in the browser
 * (teacher packs).
 */
import { parseDockerfile } from '../../lib/dockerfile/parser';
import { type Lang, LANGS, type Lesson, type LessonProblem, type LessonStep, type LoadedLesson, type PerLang, type Setup, type Text } from '../model';
import { type Block, inlineText } from './blocks';
import { CHECK_KINDS, type CheckKind, type CheckSpec, kindKeys } from './check-schema';
import { issueProblems } from './issues';
import { lessonSchema, setupSchema, stepSchema } from './lesson-schema';
import { type LessonProse, parseProse } from './prose';
import { parseYamlSource, type YamlSource } from './yaml-source';

export const LESSON_FILE = 'lesson.yaml';
export const proseFile = (lang: Lang) => `${lang}.md`;

/** the files of one lesson folder, by name */
export type LessonFiles = Record<string, string>;

const KIND_LIST = Object.keys(CHECK_KINDS).join(', ');

function shapeKeys(kind: CheckKind): string[] {
  return Object.keys(CHECK_KINDS[kind].shape);
}

/** `$name` references a check makes */
function references(c: CheckSpec): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.startsWith('$')) out.push(v.slice(1));
  };
  const r = c as Record<string, unknown>;
  for (const k of ['image', 'container', 'volume', 'network']) add(r[k]);
  if ('file' in c && c.in && typeof c.in === 'object') for (const v of Object.values(c.in)) add(v);
  if ('network' in c && c.containers) for (const v of c.containers) add(v);
  return out;
}

function checkRegex(value: string | undefined, where: () => LessonProblem): LessonProblem[] {
  if (value === undefined) return [];
  try {
    new RegExp(value);
    return [];
  } catch (e) {
    const p = where();
    return [{ ...p, message: `${p.message}: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

/** the rules zod cannot say: counts, bindings, regular expressions, Dockerfile instructions */
function checkRules(c: CheckSpec, file: string, src: YamlSource, path: (string | number)[], bound: Set<string>): LessonProblem[] {
  const out: LessonProblem[] = [];
  const at = (field: string, message: string): LessonProblem => ({ file, line: src.lineOf(path, field), field: `${path.join('.')}.${field}`.replace(/\.(\d+)/g, '[$1]'), message });
  for (const name of references(c)) if (!bound.has(name)) out.push(at(Object.keys(c)[0], `$${name} is not bound: an earlier check of this step must say "as: ${name}"`));
  const r = c as Record<string, unknown>;
  const counts = ['count', 'min', 'max'].filter((k) => r[k] !== undefined);
  if (counts.includes('count') && counts.length > 1) out.push(at('count', 'use either count, or min and/or max'));
  // `in` says where a file is, not what it must be like: "gone from image x" is a fair question
  if ('gone' in r && r.gone && Object.keys(r).some((k) => !['gone', 'not', 'message', 'as', 'in', ...kindKeys(r)].includes(k)))
    out.push(at('gone', 'a check with "gone: true" takes no other property (the object must not exist)'));
  if ('file' in c) {
    out.push(...checkRegex(c.matches, () => at('matches', 'not a valid regular expression')));
    if (c.instruction !== undefined) {
      try {
        const parsed = parseDockerfile(`${c.instruction}\n`);
        if (parsed.nodes.length !== 1) out.push(at('instruction', 'give one Dockerfile instruction, like "FROM nginx" or "EXPOSE 80"'));
      } catch (e) {
        out.push(at('instruction', `not a Dockerfile instruction: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    if (!c.file.startsWith('/') && !c.file.startsWith('~/')) out.push(at('file', 'give an absolute path ("/etc/hosts") or one in the home directory ("~/app/Dockerfile")'));
  }
  if ('command' in c) out.push(...checkRegex(c.matches, () => at('matches', 'not a valid regular expression')));
  if ('as' in r && typeof r.as === 'string') bound.add(r.as);
  return out;
}

function parseChecks(raw: unknown[], file: string, src: YamlSource, base: (string | number)[]): { checks: CheckSpec[]; problems: LessonProblem[] } {
  const checks: CheckSpec[] = [];
  const problems: LessonProblem[] = [];
  const bound = new Set<string>();
  raw.forEach((item, i) => {
    const path = [...base, i];
    const line = src.lineOf(path);
    const field = `${base.join('.')}[${i}]`.replace(/\.(\d+)/g, '[$1]');
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ file, line, field, message: `a check is a mapping with one of: ${KIND_LIST}` });
      return;
    }
    const kinds = kindKeys(item as Record<string, unknown>);
    if (kinds.length !== 1) {
      problems.push({
        file,
        line,
        field,
        message: kinds.length === 0 ? `a check needs one of: ${KIND_LIST}` : `a check has one kind, this one has ${kinds.join(' and ')}`,
      });
      return;
    }
    const kind = kinds[0];
    const r = CHECK_KINDS[kind].safeParse(item);
    if (!r.success) {
      problems.push(...issueProblems(r.error.issues, file, src, path, (p) => (p.length === path.length ? shapeKeys(kind) : undefined)));
      return;
    }
    const spec = r.data as CheckSpec;
    problems.push(...checkRules(spec, file, src, path, bound));
    checks.push(spec);
  });
  return { checks, problems };
}

function summaryOf(blocks: Block[]): string {
  const p = blocks.find((b) => b.t === 'p');
  return p && p.t === 'p' ? inlineText(p.c).trim() : '';
}

function perLang<T>(f: (lang: Lang) => T): PerLang<T> {
  return { en: f('en'), 'zh-CN': f('zh-CN') };
}

/** load one lesson folder; `folder` names it in problems ("01-first-container/lesson.yaml") */
export function loadLesson(folder: string, files: LessonFiles, pack?: string): LoadedLesson {
  const problems: LessonProblem[] = [];
  const fileName = (f: string) => (folder ? `${folder}/${f}` : f);
  const yamlName = fileName(LESSON_FILE);
  const yamlText = files[LESSON_FILE];
  if (yamlText === undefined) return { ok: false, folder, problems: [{ file: yamlName, message: `the folder has no ${LESSON_FILE}` }] };

  const src = parseYamlSource(yamlText);
  for (const e of src.errors) problems.push({ file: yamlName, line: e.line, message: `YAML: ${e.message}` });
  if (src.errors.length > 0) return { ok: false, folder, problems };

  const parsed = lessonSchema.safeParse(src.value);
  const rawId = (src.value as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' ? rawId : undefined;
  if (!parsed.success) {
    problems.push(
      ...issueProblems(parsed.error.issues, yamlName, src, [], (p) => {
        if (p.length === 0) return Object.keys(lessonSchema.shape);
        if (p.length === 2 && p[0] === 'steps') return Object.keys(stepSchema.shape);
        if (p[p.length - 1] === 'setup') return Object.keys(setupSchema.shape);
        return undefined;
      }),
    );
    return { ok: false, folder, id, problems };
  }
  const y = parsed.data;

  // prose in every language
  const prose: Partial<Record<Lang, LessonProse>> = {};
  for (const lang of LANGS) {
    const name = proseFile(lang);
    const textOf = files[name];
    if (textOf === undefined) {
      problems.push({ file: fileName(name), message: `the ${lang} text is missing: every lesson has en.md and zh-CN.md` });
      continue;
    }
    const r = parseProse(fileName(name), textOf);
    problems.push(...r.problems);
    prose[lang] = r.prose;
  }

  const steps: LessonStep[] = [];
  const seen = new Set<string>();
  y.steps.forEach((s, i) => {
    const path = ['steps', i];
    const at = (field: string, message: string) => problems.push({ file: yamlName, line: src.lineOf(path, field), field: `steps[${i}].${field}`, message });
    if (seen.has(s.id)) at('id', `step id "${s.id}" is used twice`);
    seen.add(s.id);
    let checks: CheckSpec[] = [];
    if (s.checks) {
      const r = parseChecks(s.checks, yamlName, src, [...path, 'checks']);
      problems.push(...r.problems);
      checks = r.checks;
    }
    if (s.quiz && s.checks) at('quiz', 'a step is either a quiz or has checks, not both');
    if (!s.quiz && (!s.checks || s.checks.length === 0)) at('checks', `step "${s.id}" needs checks (or a quiz)`);
    const solution = s.solution === undefined ? [] : typeof s.solution === 'string' ? s.solution.split('\n').filter((l) => l.trim()) : s.solution;
    if (!s.quiz && solution.length === 0) at('solution', `step "${s.id}" needs a solution: the shell lines that complete it`);
    if (s.quiz && s.solution) at('solution', 'a quiz step has no solution');

    const stepProse = perLang((lang) => prose[lang]?.steps.find((p) => p.id === s.id));
    for (const lang of LANGS) {
      if (prose[lang] && !stepProse[lang]) problems.push({ file: fileName(proseFile(lang)), field: `steps[${i}]`, message: `step "${s.id}" has no text: add a "## Title {#${s.id}}" section` });
    }
    const en = stepProse.en;
    const zh = stepProse['zh-CN'];
    if (en && zh) {
      if (en.hints.length !== zh.hints.length)
        problems.push({ file: fileName('zh-CN.md'), line: zh.line, field: `steps[${i}].hints`, message: `step "${s.id}" has ${en.hints.length} hint(s) in en.md and ${zh.hints.length} in zh-CN.md` });
      if ((en.done.length > 0) !== (zh.done.length > 0))
        problems.push({ file: fileName(en.done.length ? 'zh-CN.md' : 'en.md'), line: (en.done.length ? zh : en).line, field: `steps[${i}].done`, message: `step "${s.id}" has a {#done} note in one language only` });
    }
    let quiz: LessonStep['quiz'];
    if (s.quiz) {
      const answer = typeof s.quiz.answer === 'string' ? [s.quiz.answer] : s.quiz.answer;
      const ids = (lang: Lang) => (stepProse[lang]?.choices ?? []).map((c) => c.id);
      for (const lang of LANGS) {
        const sp = stepProse[lang];
        if (!sp) continue;
        const file = fileName(proseFile(lang));
        if (!sp.choices || sp.choices.length < 2) problems.push({ file, line: sp.line, field: `steps[${i}].choices`, message: `quiz "${s.id}" needs a {#choices} list of at least two "- {id} answer" items` });
        for (const a of answer) if (sp.choices && !ids(lang).includes(a)) problems.push({ file: yamlName, line: src.lineOf([...path, 'quiz'], 'answer'), field: `steps[${i}].quiz.answer`, message: `answer "${a}" is not a choice of ${lang}.md (${ids(lang).join(', ')})` });
      }
      if (ids('en').join() !== ids('zh-CN').join() && stepProse.en && stepProse['zh-CN'])
        problems.push({ file: fileName('zh-CN.md'), line: stepProse['zh-CN'].line, field: `steps[${i}].choices`, message: `quiz "${s.id}" has choices ${ids('en').join(', ')} in en.md but ${ids('zh-CN').join(', ')} in zh-CN.md` });
      const choices = (stepProse.en?.choices ?? []).map((c) => ({
        id: c.id,
        text: perLang((lang) => stepProse[lang]?.choices?.find((x) => x.id === c.id)?.text ?? []),
        why: perLang((lang) => stepProse[lang]?.choices?.find((x) => x.id === c.id)?.why ?? []),
      }));
      quiz = { answer, choices };
    }
    const step: LessonStep = {
      id: s.id,
      title: perLang((lang) => stepProse[lang]?.title ?? s.id),
      body: perLang((lang) => stepProse[lang]?.body ?? []),
      hints: perLang((lang) => stepProse[lang]?.hints ?? []),
      done: perLang((lang) => stepProse[lang]?.done ?? []),
      checks,
      solution,
    };
    if (s.setup) step.setup = s.setup as Setup;
    if (quiz) step.quiz = quiz;
    if (s['simulator-only']) step.simulatorOnly = s['simulator-only'];
    steps.push(step);
  });
  for (const lang of LANGS) {
    for (const p of prose[lang]?.steps ?? []) {
      if (!p.id.startsWith('?') && !y.steps.some((s) => s.id === p.id))
        problems.push({ file: fileName(proseFile(lang)), line: p.line, message: `step "${p.id}" is not in lesson.yaml` });
    }
  }
  if (y.prerequisites.includes(y.id)) problems.push({ file: yamlName, line: src.lineOf(['prerequisites']), field: 'prerequisites', message: 'a lesson cannot be its own prerequisite' });

  const title: Text = perLang((lang) => prose[lang]?.title ?? y.id);
  if (problems.length > 0) return { ok: false, folder, id: y.id, title: title.en, problems };
  const intro = perLang((lang) => prose[lang]?.intro ?? []);
  const lesson: Lesson = {
    id: y.id,
    folder,
    level: y.level,
    minutes: y.minutes,
    tags: y.tags,
    prerequisites: y.prerequisites,
    title,
    summary: perLang((lang) => summaryOf(intro[lang])),
    intro,
    steps,
  };
  if (pack !== undefined) lesson.pack = pack;
  if (y.setup) lesson.setup = y.setup as Setup;
  return { ok: true, lesson };
}
