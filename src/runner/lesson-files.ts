/**
 * Lesson folders on disk (Node): the built-in lessons/ of the repository
 * (every folder with a lesson.yaml, except lessons/packs/) and teacher packs.
 * Used by lessons:check, the unit tests and the vite plugin that compiles
 * the built-in lessons into the app.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LESSON_FILE, loadLesson } from '../course/format/load-lesson';
import { type LessonPack, loadPack } from '../course/format/load-pack';
import type { LoadedLesson } from '../course/model';

export const LESSONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');
export const PACKS_DIR = join(LESSONS_DIR, 'packs');

/** the text files of a folder, recursively, by relative "/"-path */
export function readTextFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|md)$/.test(name)) out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** the built-in lessons, in folder order */
export function loadBuiltinLessons(dir = LESSONS_DIR): LoadedLesson[] {
  const out: LoadedLesson[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'packs' || !statSync(p).isDirectory() || !existsSync(join(p, LESSON_FILE))) continue;
    const files: Record<string, string> = {};
    for (const f of readdirSync(p)) if (/\.(ya?ml|md)$/.test(f)) files[f] = readFileSync(join(p, f), 'utf8');
    out.push(loadLesson(name, files));
  }
  return out;
}

/** every pack folder under lessons/packs */
export function loadPackFolders(dir = PACKS_DIR): LessonPack[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .map((n) => loadPack(readTextFiles(join(dir, n)), n));
}
