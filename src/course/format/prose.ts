/**
 * One language file of a lesson (en.md, zh-CN.md):
 *
 *   # Lesson title
 *   Introduction…
 *   ## Step title {#step-id}
 *   What to do, with ```sh blocks the learner can run…
 *   ### Hints {#hints}        a list: one hint per item
 *   ### Done {#done}          the "what just happened" note
 *   ### Choices {#choices}    a quiz: "- {a} answer" items, the lines below an item explain it
 *
 * The words of the headings are free (write them in the file's language);
 * the {#…} ids decide.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { LessonProblem } from '../model';
import type { Block, Inline } from './blocks';
import { blocks, inlineMarkdown, markdownBlocks } from './markdown';

export interface ChoiceProse {
  id: string;
  text: Inline[];
  why: Block[];
}

export interface StepProse {
  id: string;
  title: string;
  line: number;
  body: Block[];
  hints: Block[][];
  done: Block[];
  choices?: ChoiceProse[];
}

export interface LessonProse {
  title: string;
  intro: Block[];
  steps: StepProse[];
}

const SECTIONS = ['hints', 'done', 'choices'] as const;
type Section = (typeof SECTIONS)[number];

/** "Run it {#run}" → { title: "Run it", id: "run" } */
export function headingId(text: string): { title: string; id?: string } {
  const m = /\s*\{#([^}\s]*)\}\s*$/.exec(text);
  if (!m) return { title: text.trim() };
  return { title: text.slice(0, m.index).trim(), id: m[1] };
}

export const STEP_ID = /^[a-z0-9][a-z0-9-]*$/;

export function parseProse(file: string, src: string): { prose: LessonProse; problems: LessonProblem[] } {
  const problems: LessonProblem[] = [];
  const tokens = new Lexer().lex(src.replace(/\r\n?/g, '\n'));
  const text = src.replace(/\r\n?/g, '\n');
  const prose: LessonProse = { title: '', intro: [], steps: [] };
  let offset = 0;
  const lineOf = (tok: Token): number => {
    const at = text.indexOf(tok.raw, offset);
    if (at >= 0) offset = at + tok.raw.length;
    const pos = at >= 0 ? at : offset;
    let line = 1;
    for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    // a token's raw may start with the blank lines before it
    const lead = /^\n*/.exec(tok.raw)?.[0].length ?? 0;
    return line + lead;
  };
  const bad = (line: number, message: string, field?: string) => problems.push({ file, line, message, ...(field ? { field } : {}) });

  let step: StepProse | undefined;
  let section: Section | undefined;
  let pending: Token[] = [];
  const flush = () => {
    const toks = pending;
    pending = [];
    if (!step) {
      prose.intro.push(...blocks(toks));
      return;
    }
    if (!section) step.body.push(...blocks(toks));
    else if (section === 'done') step.done.push(...blocks(toks));
    else if (section === 'hints') {
      for (const tok of toks) {
        if (tok.type === 'space') continue;
        if (tok.type !== 'list') {
          bad(lineOf(tok), `the hints of step "${step.id}" must be a list (one item per hint)`, 'hints');
          continue;
        }
        for (const item of (tok as Tokens.List).items) step.hints.push(blocks(item.tokens));
      }
    } else if (section === 'choices') {
      step.choices ??= [];
      for (const tok of toks) {
        if (tok.type === 'space') continue;
        if (tok.type !== 'list') {
          bad(lineOf(tok), `the choices of step "${step.id}" must be a list of "- {id} answer" items`, 'choices');
          continue;
        }
        for (const item of (tok as Tokens.List).items) {
          const m = /^\{([a-z0-9]+)\}\s*([^\n]*)\n?([\s\S]*)$/i.exec(item.text);
          if (!m) {
            bad(lineOf(tok), `a choice of step "${step.id}" must start with its id in braces, like "- {a} …": ${JSON.stringify(item.text.split('\n')[0])}`, 'choices');
            continue;
          }
          step.choices.push({ id: m[1], text: inlineMarkdown(m[2]), why: markdownBlocks(m[3]) });
        }
      }
    }
  };

  for (const tok of tokens) {
    if (tok.type !== 'heading') {
      pending.push(tok);
      continue;
    }
    const h = tok as Tokens.Heading;
    const line = lineOf(tok);
    const { title, id } = headingId(h.text);
    if (h.depth === 1) {
      if (prose.title) bad(line, 'a lesson file has one "# title" line; use ## for steps');
      else if (step) bad(line, 'the "# title" line comes before the first step');
      else {
        flush();
        prose.title = title;
        if (id !== undefined) bad(line, 'the "# title" line takes no {#id}');
      }
      continue;
    }
    if (h.depth === 2) {
      flush();
      section = undefined;
      if (id === undefined || !STEP_ID.test(id)) {
        bad(line, `a step heading needs its id from lesson.yaml, like "## ${title} {#step-id}" (lower-case letters, digits and -)`, 'steps');
        step = { id: `?${line}`, title, line, body: [], hints: [], done: [] };
      } else step = { id, title, line, body: [], hints: [], done: [] };
      if (!title) bad(line, `step "${step.id}" has no title before its {#id}`);
      if (prose.steps.some((s) => s.id === step?.id)) bad(line, `step "${step.id}" appears twice`);
      prose.steps.push(step);
      continue;
    }
    if (h.depth === 3 && id !== undefined) {
      if (!(SECTIONS as readonly string[]).includes(id)) {
        bad(line, `unknown section {#${id}}: a step has {#hints}, {#done} and, for a quiz, {#choices}`);
        continue;
      }
      if (!step) {
        bad(line, `{#${id}} belongs to a step: put it under a "## … {#step-id}" heading`);
        continue;
      }
      flush();
      section = id as Section;
      continue;
    }
    pending.push(tok);
  }
  flush();
  if (!prose.title) problems.push({ file, line: 1, message: 'the file must start with the lesson title, like "# My lesson"', field: 'title' });
  return { prose, problems };
}
