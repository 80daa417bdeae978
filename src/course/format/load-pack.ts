/**
 * Lesson collections: the built-in lessons/ folder and teachers' packs. A
 * pack is a folder (or a zip of one) with an optional pack.yaml
 *
 *   id: docker-basics-class-3
 *   title: { en: "Class 3 exercises", zh-CN: "第三课练习" }
 *   author: Ms. Li
 *
 * and one sub-folder per lesson (a folder with lesson.yaml at its top is a
 * pack of that one lesson). Paths are relative, "/"-separated.
 */
import { z } from 'zod';
import type { LessonProblem, LoadedLesson, Text } from '../model';
import { issueProblems } from './issues';
import { LESSON_FILE, type LessonFiles, loadLesson } from './load-lesson';
import { LESSON_ID } from './lesson-schema';
import { parseYamlSource } from './yaml-source';

export const PACK_FILE = 'pack.yaml';

const packSchema = z.strictObject({
  id: z.string().regex(LESSON_ID, 'lower-case letters, digits and -'),
  title: z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) }),
  author: z.string().optional(),
});

export interface LessonPack {
  id: string;
  title: Text;
  author?: string;
  lessons: LoadedLesson[];
  /** problems of pack.yaml itself, or "no lesson found" */
  problems: LessonProblem[];
}

/** group "a/lesson.yaml", "a/en.md" … by lesson folder; the common top folder of a zip is dropped */
export function lessonFolders(files: Record<string, string>): Map<string, LessonFiles> {
  const paths = Object.keys(files).filter((p) => !p.startsWith('__MACOSX/') && !p.split('/').some((s) => s.startsWith('.')));
  const folders = new Map<string, LessonFiles>();
  for (const p of paths) {
    if (!p.endsWith(`/${LESSON_FILE}`) && p !== LESSON_FILE) continue;
    const dir = p === LESSON_FILE ? '' : p.slice(0, -LESSON_FILE.length - 1);
    const own: LessonFiles = {};
    const prefix = dir ? `${dir}/` : '';
    for (const q of paths) {
      if (!q.startsWith(prefix)) continue;
      const rest = q.slice(prefix.length);
      if (!rest.includes('/')) own[rest] = files[q];
    }
    folders.set(dir, own);
  }
  return folders;
}

function commonTop(paths: string[]): string {
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/') + 1) : '')));
  return tops.size === 1 ? [...tops][0] : '';
}

/** a pack from its files (relative paths → text); `fallbackId` names a pack without pack.yaml */
export function loadPack(files: Record<string, string>, fallbackId: string): LessonPack {
  const top = commonTop(Object.keys(files).filter((p) => !p.startsWith('__MACOSX/')));
  const rel: Record<string, string> = {};
  for (const [p, t] of Object.entries(files)) if (p.startsWith(top)) rel[p.slice(top.length)] = t;
  const problems: LessonProblem[] = [];
  let id = fallbackId;
  let title: Text = { en: fallbackId, 'zh-CN': fallbackId };
  let author: string | undefined;
  if (rel[PACK_FILE] !== undefined) {
    const src = parseYamlSource(rel[PACK_FILE]);
    for (const e of src.errors) problems.push({ file: PACK_FILE, line: e.line, message: `YAML: ${e.message}` });
    if (src.errors.length === 0) {
      const r = packSchema.safeParse(src.value);
      if (r.success) {
        id = r.data.id;
        title = r.data.title;
        author = r.data.author;
      } else problems.push(...issueProblems(r.error.issues, PACK_FILE, src, [], () => Object.keys(packSchema.shape)));
    }
  }
  const lessons: LoadedLesson[] = [];
  const folders = [...lessonFolders(rel).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [dir, own] of folders) lessons.push(loadLesson(dir, own, id));
  if (lessons.length === 0) problems.push({ file: PACK_FILE, message: `no lesson found: a pack has one folder per lesson, each with a ${LESSON_FILE}` });
  const out: LessonPack = { id, title, lessons, problems };
  if (author) out.author = author;
  return out;
}
