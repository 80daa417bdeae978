/**
 * Is this input a whole command yet? What bash's reader decides line by line
 * at an interactive prompt: a line ending in an unquoted `\`, an open
 * here-document, an unclosed quote or `$(`, an unfinished `if`/`for`/`while`/
 * `until`/`case`/`{`/`(` or a trailing `|`, `&&`, `||` make it show PS2 (`> `)
 * and read another line. Decided by the real parser (its end-of-input errors
 * and two hooks), so the host terminal and the shells in containers agree with
 * what the interpreter will run.
 *
 * Also the history entry bash keeps for a multi-line command (cmdhist): one
 * entry, the lines joined by `; `, a space, nothing (after a `\`) or a newline
 * (inside quotes and here-documents, after a comment).
 */
import { Parser } from './parser';
import { ShellSyntaxError } from './words';

/**
 * why the input is not complete: 'backslash' (the last line ends in `\`),
 * 'heredoc' (a here-document's body or delimiter is still to come), 'quote'
 * (an open quote, `$(`, `${` or backquote), 'syntax' (an unfinished compound
 * command, list or pipeline)
 */
export type InputNeeds = 'backslash' | 'heredoc' | 'quote' | 'syntax';

/** undefined when `src` (lines joined by "\n") is complete; a syntax error that is not about the end of input counts as complete (running it reports the error) */
export function inputNeeds(src: string): InputNeeds | undefined {
  const p = new Parser(src);
  try {
    p.parseAll();
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    if (/^unexpected EOF while looking for matching/.test(e.message)) return 'quote';
    if (e.message === 'syntax error: unexpected end of file') return p.openHeredoc !== undefined ? 'heredoc' : 'syntax';
    return undefined;
  }
  if (p.openHeredoc !== undefined) return 'heredoc';
  if (p.endsInBackslash) return 'backslash';
  return undefined;
}

/** words after which bash joins the next line with a space, not `; ` (parse.y no_semi_successors) */
const OPENING_WORDS = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', 'case', '{', '!']);

/** does `line` have a comment (an unquoted `#` starting a word)? */
function hasComment(line: string): boolean {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /[\s;&|()<>]/.test(line[i - 1]))) return true;
  }
  return false;
}

/** what bash puts between a line of an unfinished command and the next one in its history entry */
function delimiterAfter(line: string): string {
  if (hasComment(line)) return '\n';
  const t = line.trimEnd();
  if (/(?:&&|\|\||[|;&()])$/.test(t)) return ' ';
  const m = /(^|.*?[\s;&|()])([^\s;&|()]+)$/.exec(t);
  if (m) {
    const word = m[2];
    const before = m[1].trimEnd();
    if (word === 'in' && /(?:^|[\s;&|()])(?:for|case)\s+\S+$/.test(before)) return ' ';
    if (OPENING_WORDS.has(word) && (before === '' || /[;&|(]$/.test(before) || OPENING_WORDS.has(before.split(/\s+/).pop() ?? ''))) return ' ';
  }
  return '; ';
}

/** the one history entry bash (cmdhist, no lithist) keeps for the lines of one command */
export function historyEntry(lines: readonly string[]): string {
  let out = lines[0] ?? '';
  let last = out;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const needs = inputNeeds(lines.slice(0, k).join('\n'));
    if (needs === 'backslash') {
      out = out.slice(0, -1);
    } else if (needs === 'heredoc' || needs === 'quote') {
      out += '\n';
    } else if (line.trim() === '') {
      continue;
    } else if (last.trim() !== '') {
      out += delimiterAfter(last);
    }
    out += line;
    if (line.trim() !== '') last = line;
  }
  return out;
}

/**
 * Lines typed at PS1 and PS2 until they make a command: add() each line;
 * it returns the command's source (lines joined by "\n") and its history
 * entry once complete.
 */
export class MultiLineInput {
  private lines: string[] = [];

  /** lines are waiting for the rest of their command (the next prompt is PS2) */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  add(line: string): { source: string; history: string } | undefined {
    this.lines.push(line);
    const source = this.lines.join('\n');
    if (inputNeeds(source) !== undefined) return undefined;
    const history = historyEntry(this.lines);
    this.lines = [];
    return { source, history };
  }

  /** Ctrl-C or end of input at PS2: drop what was typed; returns it */
  reset(): string {
    const s = this.lines.join('\n');
    this.lines = [];
    return s;
  }
}
