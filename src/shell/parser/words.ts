/**
 * Character-level reading of shell words: quotes, backslashes, $-expansions,
 * backquotes, tildes. The grammar (parser.ts) extends this class and supplies
 * parseSubList for $(…) and `…`.
 */
import type { List, ParamOp, Word, WordPart } from './ast';

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line of the error */
    readonly line: number,
  ) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * What one source text's readers share: the words read at each position (the
 * grammar peeks at a word several times before it takes it, and a word may
 * hold a whole `$(…)`: without this, nested `$( $( … ) )` are read again at
 * every level, exponentially) and where its lines start.
 */
export class SourceText {
  readonly words = new Map<number, { word: Word | null; end: number }>();
  private lineStarts: number[] | undefined;
  constructor(readonly src: string) {}

  /** 1-based line of a position */
  lineAt(pos: number): number {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let k = this.src.indexOf('\n'); k >= 0; k = this.src.indexOf('\n', k + 1)) starts.push(k + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

export abstract class WordReader {
  i = 0;
  readonly text: SourceText;
  /** a backslash was the last character of the source: the line goes on (incomplete.ts) */
  endsInBackslash = false;
  constructor(
    readonly src: string,
    text?: SourceText,
  ) {
    this.text = text && text.src === src ? text : new SourceText(src);
  }

  protected abstract parseSubList(start: number, closer: ')' | '`'): { list: List; end: number };

  lineAt(pos: number): number {
    return this.text.lineAt(pos);
  }
  protected fail(message: string, pos = this.i): never {
    throw new ShellSyntaxError(message, this.lineAt(pos));
  }
  protected eofIn(what: string): never {
    this.fail(`unexpected EOF while looking for matching \`${what}'`);
  }
  protected ch(off = 0): string {
    return this.src[this.i + off] ?? '';
  }

  /** a word at the current position (null when at a metacharacter or the end) */
  readWord(): Word | null {
    const start = this.i;
    const known = this.text.words.get(start);
    if (known !== undefined) {
      this.i = known.end;
      return known.word;
    }
    const word = this.readWordAt(start);
    this.text.words.set(start, { word, end: this.i });
    return word;
  }

  private readWordAt(start: number): Word | null {
    const parts: WordPart[] = [];
    if (this.ch() === '~') this.readTilde(parts);
    while (this.i < this.src.length) {
      const c = this.ch();
      if (META.has(c)) break;
      if (c === '\\') {
        if (this.ch(1) === '\n') this.i += 2;
        else if (this.i + 1 >= this.src.length) {
          this.i++;
          this.endsInBackslash = true;
          lit(parts, '\\', false);
        } else {
          lit(parts, this.ch(1), true);
          this.i += 2;
        }
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) this.eofIn("'");
        lit(parts, this.src.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        const before = parts.length;
        this.readDouble(parts, '"');
        if (parts.length === before) parts.push({ kind: 'lit', text: '', quoted: true });
      } else if (c === '$' || c === '`') {
        this.readDollarOrBackquote(parts, false);
      } else {
        lit(parts, c, false);
        this.i++;
      }
    }
    if (this.i === start) return null;
    return { parts, raw: this.src.slice(start, this.i) };
  }

  private readTilde(parts: WordPart[]): void {
    let j = this.i + 1;
    while (j < this.src.length && /[A-Za-z0-9_.-]/.test(this.src[j])) j++;
    const next = this.src[j] ?? '';
    if (next === '' || next === '/' || META.has(next)) {
      parts.push({ kind: 'tilde', user: this.src.slice(this.i + 1, j) });
      this.i = j;
    }
  }

  /** inside "…" (or a here-document body when closer is ''): until the closer */
  readDouble(parts: WordPart[], closer: '"' | ''): void {
    for (;;) {
      if (this.i >= this.src.length) {
        if (closer === '') return;
        this.eofIn('"');
      }
      const c = this.ch();
      if (c === closer) {
        this.i++;
        return;
      }
      if (c === '\\') {
        const n = this.ch(1);
        if (n === '\n') this.i += 2;
        else if (n === '$' || n === '`' || n === '\\' || (n === '"' && closer === '"')) {
          lit(parts, n, true);
          this.i += 2;
        } else {
          lit(parts, '\\', true);
          this.i++;
        }
      } else if (c === '$' || c === '`') {
        this.readDollarOrBackquote(parts, true);
      } else {
        lit(parts, c, true);
        this.i++;
      }
    }
  }

  private readDollarOrBackquote(parts: WordPart[], quoted: boolean): void {
    const c = this.ch();
    if (c === '`') {
      const { list, end } = this.parseSubList(this.i + 1, '`');
      parts.push({ kind: 'cmd', body: list, quoted });
      this.i = end;
      return;
    }
    const n = this.ch(1);
    if (n === '(' && this.ch(2) === '(') {
      let depth = 0;
      let j = this.i + 3;
      for (; j < this.src.length; j++) {
        if (this.src[j] === '(') depth++;
        else if (this.src[j] === ')') {
          if (depth === 0 && this.src[j + 1] === ')') break;
          depth--;
        }
      }
      if (j >= this.src.length) this.eofIn(')');
      parts.push({ kind: 'arith', expr: this.src.slice(this.i + 3, j), quoted });
      this.i = j + 2;
    } else if (n === '(') {
      const { list, end } = this.parseSubList(this.i + 2, ')');
      parts.push({ kind: 'cmd', body: list, quoted });
      this.i = end;
    } else if (n === '{') {
      this.i += 2;
      parts.push(this.readBraceParam(quoted));
    } else if (SPECIAL_PARAMS.has(n)) {
      parts.push({ kind: 'param', name: n, quoted });
      this.i += 2;
    } else if (NAME_START.test(n)) {
      let j = this.i + 1;
      while (j < this.src.length && NAME_CHAR.test(this.src[j])) j++;
      parts.push({ kind: 'param', name: this.src.slice(this.i + 1, j), quoted });
      this.i = j;
    } else {
      lit(parts, '$', quoted);
      this.i++;
    }
  }

  private readBraceParam(quoted: boolean): WordPart {
    const start = this.i;
    let len = false;
    if (this.ch() === '#' && this.ch(1) !== '}') {
      len = true;
      this.i++;
    }
    let name: string;
    if (SPECIAL_PARAMS.has(this.ch())) name = this.src[this.i++];
    else {
      let j = this.i;
      while (j < this.src.length && NAME_CHAR.test(this.src[j])) j++;
      name = this.src.slice(this.i, j);
      this.i = j;
    }
    if (name === '') this.badSubst(start);
    if (len) {
      if (this.ch() !== '}') this.badSubst(start);
      this.i++;
      return { kind: 'param', name, quoted, op: 'len' };
    }
    if (this.ch() === '}') {
      this.i++;
      return { kind: 'param', name, quoted };
    }
    const ops: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'];
    const op = ops.find((o) => this.src.startsWith(o, this.i));
    if (!op) this.badSubst(start);
    this.i += op.length;
    const argStart = this.i;
    const arg: WordPart[] = [];
    for (;;) {
      if (this.i >= this.src.length) this.eofIn('}');
      const c = this.ch();
      if (c === '}') break;
      if (c === '\\') {
        lit(arg, this.ch(1), true);
        this.i += 2;
      } else if (c === "'" && !quoted) {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) this.eofIn("'");
        lit(arg, this.src.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.readDouble(arg, '"');
      } else if (c === '$' || c === '`') this.readDollarOrBackquote(arg, quoted);
      else {
        lit(arg, c, quoted);
        this.i++;
      }
    }
    const raw = this.src.slice(argStart, this.i);
    this.i++;
    return { kind: 'param', name, quoted, op, arg: { parts: arg, raw } };
  }

  private badSubst(start: number): never {
    const end = this.src.indexOf('}', start);
    const text = this.src.slice(start - 2, end < 0 ? this.src.length : end + 1);
    this.fail(`${text}: bad substitution`);
  }
}

function lit(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
  else parts.push({ kind: 'lit', text, quoted });
}
