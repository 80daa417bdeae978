/**
 * Recursive-descent parser for the shell grammar: lists, and-or, pipelines,
 * simple commands with assignments and redirections, here-documents, and the
 * compound commands if/while/until/for/case/{ }/( ) and functions.
 * Errors use bash's words: "syntax error near unexpected token `;;'".
 */
import type { AndOr, Command, List, Pipeline, Redirect, RedirectOp, SimpleCommand, Word, WordPart } from './ast';
import { ShellSyntaxError, WordReader } from './words';

const OPERATORS = ['&&', '||', ';;', '&>>', '&>', '>>', '>&', '>|', '<<<', '<<-', '<<', '<&', '<>', '<', '>', '|', '&', ';', '(', ')', '\n'];
const REDIRECT_OPS = new Set(['&>>', '&>', '>>', '>&', '>|', '<<<', '<<-', '<<', '<&', '<>', '<', '>']);
const RESERVED_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

interface PendingHeredoc {
  redirect: Redirect;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

export class Parser extends WordReader {
  private pending: PendingHeredoc[] = [];
  /** a here-document's delimiter line never came (incomplete.ts) */
  private heredocAtEof: string | undefined;

  /** the delimiter of a here-document whose body is still to come or not closed, at the end of what was parsed */
  get openHeredoc(): string | undefined {
    return this.pending[0]?.delim ?? this.heredocAtEof;
  }

  /** parse a whole script */
  static parse(src: string): List {
    return new Parser(src).parseAll();
  }

  /** the whole source as a script */
  parseAll(): List {
    const list = this.parseList(new Set());
    this.skipSpace();
    if (this.i < this.src.length) this.unexpected();
    return list;
  }

  protected parseSubList(start: number, closer: ')' | '`'): { list: List; end: number } {
    if (closer === ')') {
      const p = new Parser(this.src, this.text);
      p.i = start;
      const list = p.parseList(new Set(), true);
      p.skipSpace();
      if (p.op() !== ')') {
        if (p.i >= this.src.length) this.eofIn(')');
        p.unexpected();
      }
      return { list, end: p.i + 1 };
    }
    let j = start;
    let body = '';
    for (; j < this.src.length && this.src[j] !== '`'; j++) {
      if (this.src[j] === '\\' && '\\`$'.includes(this.src[j + 1] ?? '')) j++;
      body += this.src[j];
    }
    if (j >= this.src.length) this.eofIn('`');
    return { list: Parser.parse(body), end: j + 1 };
  }

  skipSpace(): void {
    for (;;) {
      const c = this.ch();
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.ch(1) === '\n') this.i += 2;
      else if (c === '#') {
        while (this.i < this.src.length && this.ch() !== '\n') this.i++;
      } else return;
    }
  }

  private op(): string | null {
    for (const o of OPERATORS) if (this.src.startsWith(o, this.i)) return o;
    return null;
  }

  unexpected(): never {
    this.skipSpace();
    if (this.i >= this.src.length) this.fail('syntax error: unexpected end of file');
    const o = this.op();
    let tok = o === '\n' ? 'newline' : o;
    if (!tok) {
      const save = this.i;
      tok = this.readWord()?.raw ?? this.ch();
      this.i = save;
    }
    this.fail(`syntax error near unexpected token \`${tok}'`);
  }

  /** the next word's text when it is a plain unquoted word (reserved-word check), without consuming it */
  private peekPlain(): string | null {
    this.skipSpace();
    const save = this.i;
    const w = this.readWord();
    this.i = save;
    if (!w?.parts.every((p) => p.kind === 'lit' && !p.quoted)) return null;
    return w.raw;
  }

  private expectWord(word: string): void {
    if (this.peekPlain() !== word) this.unexpected();
    this.i += word.length;
  }

  private newline(): void {
    this.i++;
    this.readHeredocs();
  }

  private skipNewlines(): void {
    for (;;) {
      this.skipSpace();
      if (this.ch() === '\n') this.newline();
      else return;
    }
  }

  /** and-or lists separated by ; & or newlines, up to a terminator word, `)` (inParens) or the end */
  parseList(end: Set<string>, inParens = false): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      if (this.i >= this.src.length) break;
      const o = this.op();
      if (o === ')' && inParens) break;
      if (o === ';;' && end.has(';;')) break;
      const w = this.peekPlain();
      if (w !== null && end.has(w)) break;
      const start = this.i;
      const ao = this.parseAndOr();
      ao.text = this.src.slice(start, this.i).trim();
      list.push(ao);
      this.skipSpace();
      const sep = this.op();
      if (sep === ';' || sep === '&') {
        this.i++;
        if (sep === '&') ao.background = true;
        this.skipSpace();
        if (this.ch() === '\n' || this.i >= this.src.length) ao.endsLine = true;
      } else if (sep === '\n') {
        ao.endsLine = true;
        this.newline();
      } else {
        ao.endsLine = true;
        break;
      }
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipSpace();
      const o = this.op();
      if (o !== '&&' && o !== '||') break;
      this.i += 2;
      this.skipNewlines();
      rest.push({ op: o, pipeline: this.parsePipeline() });
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let bang = false;
    if (this.peekPlain() === '!') {
      bang = true;
      this.i++;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      this.skipSpace();
      if (this.op() !== '|') break;
      this.i++;
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { bang, commands };
  }

  private parseCommand(): Command {
    this.skipSpace();
    if (this.i >= this.src.length) this.unexpected();
    const o = this.op();
    if (o === '(') {
      this.i++;
      const body = this.parseList(new Set(), true);
      this.skipSpace();
      if (this.op() !== ')' || body.length === 0) this.unexpected();
      this.i++;
      return { type: 'subshell', body, redirects: this.parseRedirects() };
    }
    if (o && !REDIRECT_OPS.has(o)) this.unexpected();
    const w = this.peekPlain();
    if (w !== null && RESERVED_END.has(w)) this.unexpected();
    switch (w) {
      case 'if':
        return this.parseIf();
      case 'while':
      case 'until':
        return this.parseLoop(w);
      case 'for':
        return this.parseFor();
      case 'case':
        return this.parseCase();
      case '{': {
        this.i++;
        const body = this.requireList(new Set(['}']));
        this.expectWord('}');
        return { type: 'group', body, redirects: this.parseRedirects() };
      }
      case 'function': {
        this.i += w.length;
        this.skipSpace();
        const name = this.readWord();
        if (!name) this.unexpected();
        this.skipSpace();
        if (this.src.startsWith('()', this.i)) this.i += 2;
        return this.parseFunctionBody(name.raw);
      }
    }
    return this.parseSimple();
  }

  private requireList(end: Set<string>): List {
    const body = this.parseList(end);
    if (body.length === 0) this.unexpected();
    return body;
  }

  private parseFunctionBody(name: string): Command {
    this.skipNewlines();
    const body = this.parseCommand();
    return { type: 'function', name, body, redirects: [] };
  }

  private parseIf(): Command {
    this.i += 2;
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.requireList(new Set(['then']));
      this.expectWord('then');
      const body = this.requireList(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      const w = this.peekPlain();
      if (w === 'elif') {
        this.i += 4;
        continue;
      }
      if (w === 'else') {
        this.i += 4;
        otherwise = this.requireList(new Set(['fi']));
      }
      this.expectWord('fi');
      return { type: 'if', clauses, otherwise, redirects: this.parseRedirects() };
    }
  }

  private parseLoop(kind: 'while' | 'until'): Command {
    this.i += kind.length;
    const cond = this.requireList(new Set(['do']));
    this.expectWord('do');
    const body = this.requireList(new Set(['done']));
    this.expectWord('done');
    return { type: kind, cond, body, redirects: this.parseRedirects() };
  }

  private parseFor(): Command {
    this.i += 3;
    this.skipSpace();
    const name = this.readWord();
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) this.fail(`\`${name?.raw ?? ''}': not a valid identifier`);
    let items: Word[] | undefined;
    this.skipSpace();
    if (this.op() === ';') this.i++;
    else {
      this.skipNewlines();
      if (this.peekPlain() === 'in') {
        this.i += 2;
        items = [];
        for (;;) {
          this.skipSpace();
          const w = this.readWord();
          if (!w) break;
          items.push(w);
        }
        const sep = this.op();
        if (sep === ';') this.i++;
        else if (sep === '\n') this.newline();
        else this.unexpected();
      }
    }
    this.skipNewlines();
    this.expectWord('do');
    const body = this.requireList(new Set(['done']));
    this.expectWord('done');
    return { type: 'for', name: name.raw, items, body, redirects: this.parseRedirects() };
  }

  private parseCase(): Command {
    this.i += 4;
    this.skipSpace();
    const word = this.readWord();
    if (!word) this.unexpected();
    this.skipNewlines();
    this.expectWord('in');
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peekPlain() === 'esac') break;
      if (this.op() === '(') this.i++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipSpace();
        const p = this.readWord();
        if (!p) this.unexpected();
        patterns.push(p);
        this.skipSpace();
        if (this.op() === '|') this.i++;
        else break;
      }
      if (this.op() !== ')') this.unexpected();
      this.i++;
      const body = this.parseList(new Set(['esac', ';;']));
      items.push({ patterns, body });
      this.skipSpace();
      if (this.op() === ';;') this.i += 2;
      else break;
    }
    this.skipNewlines();
    this.expectWord('esac');
    return { type: 'case', word, items, redirects: this.parseRedirects() };
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      this.skipSpace();
      const r = this.tryRedirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private tryRedirect(): Redirect | null {
    const m = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.i, this.i + 12));
    const save = this.i;
    let fd: number | undefined;
    if (m) {
      fd = Number(m[0]);
      this.i += m[0].length;
    }
    const o = this.op();
    if (!o || !REDIRECT_OPS.has(o)) {
      this.i = save;
      return null;
    }
    this.i += o.length;
    this.skipSpace();
    const target = this.readWord();
    if (!target) {
      if (this.i >= this.src.length) this.fail("syntax error near unexpected token `newline'");
      this.unexpected();
    }
    const op = o as RedirectOp;
    const redirect: Redirect = { fd: fd ?? (op.startsWith('<') && op !== '<>' ? 0 : op === '<>' ? 0 : 1), op, target };
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.raw);
      const delim = target.parts.map((p) => (p.kind === 'lit' ? p.text : '')).join('');
      redirect.heredoc = { parts: [], raw: '' };
      this.pending.push({ redirect, delim, strip: op === '<<-', quoted });
    }
    return redirect;
  }

  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      const lines: string[] = [];
      for (;;) {
        if (this.i >= this.src.length) {
          this.heredocAtEof ??= h.delim;
          break;
        }
        let nl = this.src.indexOf('\n', this.i);
        if (nl < 0) nl = this.src.length;
        let line = this.src.slice(this.i, nl);
        this.i = Math.min(nl + 1, this.src.length);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) break;
        lines.push(line);
      }
      const body = lines.length ? `${lines.join('\n')}\n` : '';
      if (h.quoted) h.redirect.heredoc = { parts: [{ kind: 'lit', text: body, quoted: true }], raw: body };
      else {
        const p = new Parser(body);
        const parts: WordPart[] = [];
        p.readDouble(parts, '');
        h.redirect.heredoc = { parts, raw: body };
      }
    }
  }

  private parseSimple(): Command {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [], line: this.lineAt(this.i) };
    for (;;) {
      this.skipSpace();
      const r = this.tryRedirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      const o = this.op();
      if (o) {
        if (o === '(' && cmd.words.length === 1 && cmd.assigns.length === 0 && this.src.startsWith('()', this.i)) {
          this.i += 2;
          return this.parseFunctionBody(cmd.words[0].raw);
        }
        if (o === '(') this.unexpected();
        break;
      }
      const w = this.readWord();
      if (!w) break;
      const first = w.parts[0];
      const m = first?.kind === 'lit' && !first.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text) : null;
      if (m && cmd.words.length === 0) {
        const rest = first.kind === 'lit' ? first.text.slice(m[0].length) : '';
        const parts: WordPart[] = rest ? [{ kind: 'lit', text: rest, quoted: false }, ...w.parts.slice(1)] : w.parts.slice(1);
        cmd.assigns.push({ name: m[1], value: { parts, raw: w.raw.slice(m[0].length) } });
      } else cmd.words.push(w);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) this.unexpected();
    return cmd;
  }
}

export { ShellSyntaxError };
export function parseScript(src: string): List {
  return Parser.parse(src);
}
