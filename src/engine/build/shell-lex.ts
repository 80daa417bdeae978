/**
 * buildkit frontend/dockerfile/shell (lex.go): the word processing the
 * Dockerfile evaluator applies to instruction arguments — quotes removed,
 * escapes applied, $VAR / ${VAR} / ${VAR:-x} / ${VAR:+x} / ${VAR:?msg}
 * expanded from the build's environment. Not a shell: no command substitution,
 * no globbing.
 */
import { isDigit, isLetter, isSpace } from '../../lib/dockerfile/chars';

export class LexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LexError';
  }
}

const EOF = '';

class Words {
  word = '';
  words: string[] = [];
  inWord = false;
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) this.addRawChar(ch);
  }
  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  get(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private pos = 0;
  private readonly chars: string[];

  constructor(
    source: string,
    private readonly env: Map<string, string>,
    private readonly escapeToken: string,
  ) {
    this.chars = [...source];
  }

  private peek(): string {
    return this.chars[this.pos] ?? EOF;
  }

  private next(): string {
    const c = this.chars[this.pos] ?? EOF;
    if (c !== EOF) this.pos++;
    return c;
  }

  processStopOn(stop: string): { word: string; words: string[] } {
    let result = '';
    const words = new Words();
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return { word: result, words: words.get() };
      }
      if (ch === "'" || ch === '"' || ch === '$') {
        const tmp = ch === "'" ? this.singleQuote() : ch === '"' ? this.doubleQuote() : this.dollar();
        result += tmp;
        if (ch === '$') words.addString(tmp);
        else words.addRawString(tmp);
        continue;
      }
      let c = this.next();
      if (c === this.escapeToken) {
        c = this.next();
        if (c === EOF) break;
        words.addRawChar(c);
      } else words.addChar(c);
      result += c;
    }
    if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
    return { word: result, words: words.get() };
  }

  private singleQuote(): string {
    let result = '';
    this.next();
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return result;
      result += ch;
    }
  }

  private doubleQuote(): string {
    let result = '';
    this.next();
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        this.next();
        return result;
      }
      if (p === '$') {
        result += this.dollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escapeToken) {
        const n = this.peek();
        if (n === EOF) continue;
        if (n === '"' || n === '$' || n === this.escapeToken) ch = this.next();
      }
      result += ch;
    }
  }

  private getEnv(name: string): string | undefined {
    return this.env.get(name);
  }

  private dollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      return this.getEnv(name) ?? '';
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === '{' || p === '}' || p === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    const ch = this.next();
    if (ch === '}') return this.getEnv(name) ?? '';
    if (ch === '?') {
      const word = this.stopOnBrace();
      const v = this.getEnv(name);
      if (v === undefined) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
      return v;
    }
    if (ch === ':') {
      const modifier = this.next();
      const word = this.stopOnBrace();
      const v = this.getEnv(name);
      const value = v ?? '';
      switch (modifier) {
        case '+':
          return value !== '' ? word : value;
        case '-':
          return value === '' ? word : value;
        case '?':
          if (v === undefined) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
          if (value === '') throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
          return value;
        default:
          throw new LexError(`unsupported modifier (${modifier}) in substitution`);
      }
    }
    throw new LexError("missing ':' in substitution");
  }

  private stopOnBrace(): string {
    try {
      return this.processStopOn('}').word;
    } catch (err) {
      if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
      throw err;
    }
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && '@*#?-$!0'.includes(ch)) return this.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }
}

/** BuildEnvs: "K=V" list → map (later entries win; "K" alone is K="") */
export function envMap(env: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of env) {
    const i = e.indexOf('=');
    if (i < 0) m.set(e, '');
    else m.set(e.slice(0, i), e.slice(i + 1));
  }
  return m;
}

function run(word: string, env: readonly string[], escapeToken: string) {
  try {
    return new ShellWord(word, envMap(env), escapeToken).processStopOn(EOF);
  } catch (err) {
    if (err instanceof LexError) throw new LexError(`failed to process ${goQuoteLex(word)}: ${err.message}`);
    throw err;
  }
}

function goQuoteLex(s: string): string {
  return JSON.stringify(s).replace(/\\u001b/g, '\\x1b');
}

/** Lex.ProcessWord */
export function processWord(word: string, env: readonly string[], escapeToken = '\\'): string {
  return run(word, env, escapeToken).word;
}

/** Lex.ProcessWords: expanded, then split on unquoted white space */
export function processWords(word: string, env: readonly string[], escapeToken = '\\'): string[] {
  return run(word, env, escapeToken).words;
}
