/**
 * buildkit parser/line_parsers.go: how each instruction's argument text is cut
 * into words (quotes kept — the evaluator removes them when it expands).
 */
import { isSpace, trimLeftSpace } from './chars';
import { DockerfileParseError } from './node';
import { splitFirstWhitespace } from './split-command';

export interface LineParse {
  args: string[];
  json: boolean;
}

const NONE: LineParse = { args: [], json: false };

/** parseWords: space-separated words, quotes and escapes kept in the words */
export function parseWords(rest: string, escapeToken: string): string[] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOK = false;
  const chars = [...rest];
  for (let pos = 0; pos <= chars.length; pos++) {
    const atEnd = pos === chars.length;
    let ch = atEnd ? '' : (chars[pos] as string);
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (atEnd) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escapeToken) {
        if (pos + 1 === chars.length) continue;
        word += ch;
        pos++;
        ch = chars[pos] as string;
      }
      word += ch;
      continue;
    }
    // in quote
    if (ch === quote) phase = 'word';
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      pos++;
      word += ch;
      ch = chars[pos] as string;
    }
    word += ch;
  }
  return words;
}

/** ENV / LABEL: `KEY value` (old form) or `k=v k2="v 2"` */
function parseNameVal(rest: string, key: string, escapeToken: string): LineParse {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return NONE;
  if (!(words[0] as string).includes('=')) {
    const parts = splitFirstWhitespace(rest);
    if (parts.length < 2) throw new DockerfileParseError(`${key} must have two arguments`);
    return { args: [parts[0], parts[1] as string], json: false };
  }
  const args: string[] = [];
  for (const w of words) {
    const i = w.indexOf('=');
    if (i < 0) throw new DockerfileParseError(`Syntax error - can't find = in ${goQuote(w)}. Must be of the form: name=value`);
    args.push(w.slice(0, i), w.slice(i + 1));
  }
  return { args, json: false };
}

function parseStringsWhitespaceDelimited(rest: string): LineParse {
  if (rest === '') return NONE;
  return { args: rest.split(/[\t\v\f\r ]+/), json: false };
}

/** end index (exclusive) of the JSON value starting at 0, or -1 */
function jsonValueEnd(s: string): number {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** parseJSON: a JSON array of strings (what follows the array is ignored, as Go's decoder does) */
function parseJSON(rest: string): LineParse | 'not-json' {
  const s = trimLeftSpace(rest);
  if (!s.startsWith('[')) return 'not-json';
  const end = jsonValueEnd(s);
  if (end < 0) return 'not-json';
  let value: unknown;
  try {
    value = JSON.parse(s.slice(0, end));
  } catch {
    return 'not-json';
  }
  if (!Array.isArray(value)) return 'not-json';
  for (const v of value) if (typeof v !== 'string') throw new DockerfileParseError(NOT_STRING_ARRAY);
  return { args: value as string[], json: true };
}

function parseMaybeJSON(rest: string): LineParse {
  if (rest === '') return NONE;
  const j = parseJSON(rest);
  if (j !== 'not-json') return j;
  return { args: [rest], json: false };
}

function parseMaybeJSONToList(rest: string): LineParse {
  const j = parseJSON(rest);
  if (j !== 'not-json') return j;
  return parseStringsWhitespaceDelimited(rest);
}

function parseHealthConfig(rest: string): LineParse {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep] as string)) sep++;
  let next = sep;
  while (next < rest.length && isSpace(rest[next] as string)) next++;
  if (sep === 0) return NONE;
  const cmd = parseMaybeJSON(rest.slice(next));
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
}

/** the line parser of each known instruction; unknown ones keep no arguments (parseIgnore) */
export function parseInstructionArgs(cmd: string, rest: string, escapeToken: string): LineParse {
  switch (cmd) {
    case 'add':
    case 'copy':
    case 'volume':
      return parseMaybeJSONToList(rest);
    case 'arg':
      return { args: parseWords(rest, escapeToken), json: false };
    case 'cmd':
    case 'entrypoint':
    case 'run':
    case 'shell':
      return parseMaybeJSON(rest);
    case 'env':
      return parseNameVal(rest, 'ENV', escapeToken);
    case 'label':
      return parseNameVal(rest, 'LABEL', escapeToken);
    case 'expose':
    case 'from':
      return parseStringsWhitespaceDelimited(rest);
    case 'healthcheck':
      return parseHealthConfig(rest);
    case 'maintainer':
    case 'stopsignal':
    case 'user':
    case 'workdir':
      return rest === '' ? NONE : { args: [rest], json: false };
    default:
      return NONE;
  }
}

/** Go's strconv.Quote (fmt %q of a string) */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
