/** buildkit parser/split_command.go: instruction word, leading --flags, the rest. */
import { isSpace } from './chars';

const WHITESPACE = /[\t\v\f\r ]+/;

/** split on the first run of Dockerfile whitespace ([\t\v\f\r ]+), like reWhitespace.Split(s, 2) */
export function splitFirstWhitespace(s: string): [string, string?] {
  const m = WHITESPACE.exec(s);
  if (!m) return [s];
  return [s.slice(0, m.index), s.slice(m.index + m[0].length)];
}

export function splitCommand(line: string): { cmd: string; flags: string[]; args: string } {
  const parts = splitFirstWhitespace(line.trim());
  const cmd = parts[0].toLowerCase();
  let args = '';
  let flags: string[] = [];
  if (parts.length === 2) {
    const r = extractBuilderFlags(parts[1] as string);
    args = r.rest;
    flags = r.flags;
  }
  return { cmd, flags, args: args.trim() };
}

/** leading words starting with "--" (quotes and backslashes as buildkit reads them) */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    const ch = pos < line.length ? (line[pos] as string) : '';
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') return { rest: line.slice(pos), flags: words };
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return { rest: line.slice(pos), flags: words };
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      let c = ch;
      if (c === '\\') {
        if (pos + 1 === line.length) continue;
        pos++;
        c = line[pos] as string;
      }
      word += c;
      continue;
    }
    // in quote
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    let c = ch;
    if (c === '\\') {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      pos++;
      c = line[pos] as string;
    }
    word += c;
  }
  return { rest: '', flags: words };
}
