/**
 * A lesson as the runtime uses it: compiled from a lesson folder
 * (lesson.yaml + en.md + zh-CN.md, see lessons/README.md) by
 * format/load-lesson.ts. Plain JSON: built-in lessons are compiled at build
 * time into a module, teacher packs in the browser when they are loaded.
 */
import type { Block, Inline } from './format/blocks';
import type { CheckSpec } from './format/check-schema';

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** one text in every language */
export type Text = Record<Lang, string>;
export type PerLang<T> = Record<Lang, T>;

export type Level = 'beginner' | 'intermediate' | 'advanced';

/** the Hub publishes a newer build of an image (the learner's copy becomes dangling when pulled again) */
export interface HubEvent {
  publish: string;
}

/** what is prepared before a lesson or a step starts (in this order) */
export interface Setup {
  /** images pulled from the Hub */
  images?: string[];
  /** files written on the learner's host ("~/" is the home directory) */
  files?: Record<string, string>;
  /** shell command lines run out of sight, each must succeed */
  commands?: string[];
  /** changes on the simulated Docker Hub */
  hub?: HubEvent[];
}

export interface QuizChoice {
  id: string;
  text: PerLang<Inline[]>;
  /** why this answer is right or wrong */
  why: PerLang<Block[]>;
}

export interface LessonStep {
  id: string;
  title: Text;
  body: PerLang<Block[]>;
  /** shown one at a time */
  hints: PerLang<Block[][]>;
  /** the "what just happened" note shown when the step is done */
  done: PerLang<Block[]>;
  checks: CheckSpec[];
  /** shell lines that complete the step */
  solution: string[];
  setup?: Setup;
  quiz?: { answer: string[]; choices: QuizChoice[] };
  /** the step cannot work on a real engine, and why (lesson.yaml's `simulator-only`) */
  simulatorOnly?: Text;
}

export interface Lesson {
  id: string;
  /** the folder it came from ("01-first-container") */
  folder: string;
  /** the pack it came from; undefined for built-in lessons */
  pack?: string;
  level: Level;
  minutes: number;
  tags: string[];
  prerequisites: string[];
  title: Text;
  /** the first sentence or paragraph of the introduction, as plain text */
  summary: Text;
  intro: PerLang<Block[]>;
  setup?: Setup;
  steps: LessonStep[];
}

/** what is wrong with a lesson file: the file, the line (1-based) and the field */
export interface LessonProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** one lesson folder after loading: the lesson, or why it could not be loaded */
export type LoadedLesson = { ok: true; lesson: Lesson } | { ok: false; folder: string; id?: string; title?: string; problems: LessonProblem[] };

export function text(en: string, zh: string): Text {
  return { en, 'zh-CN': zh };
}
