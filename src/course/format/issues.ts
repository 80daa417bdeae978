/** zod issues as sentences a teacher can act on, with the field's line. */
import type { z } from 'zod';
import type { LessonProblem } from '../model';
import { fieldName, type YamlSource } from './yaml-source';

function received(message: string): string {
  return /received (\w+)/.exec(message)?.[1] ?? '';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  null: 'nothing (~)',
};

function expectedOf(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_type') return [TYPE_WORDS[issue.expected] ?? issue.expected];
  if (issue.code === 'invalid_union') return issue.errors.flatMap((errs) => errs.flatMap((e) => (e.path.length === 0 ? expectedOf(e) : [])));
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v));
  return [];
}

export function issueSentence(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union': {
      const want = [...new Set(expectedOf(issue))];
      const got = received(issue.message) || received(issue.code === 'invalid_union' ? (issue.errors[0]?.[0]?.message ?? '') : '');
      if (got === 'undefined') return `is missing: it must be ${want.join(' or ')}`;
      return want.length ? `must be ${want.join(' or ')}${got ? ` (it is ${TYPE_WORDS[got] ?? got})` : ''}` : issue.message;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * problems for the issues of one value parsed at `base` in the YAML
 * (unknown fields get their own line; `known` lists what the mapping accepts)
 */
export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  src: YamlSource,
  base: readonly PropertyKey[],
  known?: (path: readonly PropertyKey[]) => string[] | undefined,
): LessonProblem[] {
  const out: LessonProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const accepted = known?.(path);
        out.push({
          file,
          line: src.lineOf(path, k),
          field: fieldName([...path, k]),
          message: `unknown field "${k}"${accepted ? ` (this mapping takes: ${accepted.join(', ')})` : ''}`,
        });
      }
      continue;
    }
    out.push({ file, line: src.lineOf(path), field: fieldName(path), message: `${fieldName(path) || 'the file'} ${issueSentence(issue)}` });
  }
  return out;
}
