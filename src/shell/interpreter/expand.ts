/**
 * Word expansion: tilde, parameters, command substitution, arithmetic, field
 * splitting (IFS), pathname expansion and quote removal, in POSIX order.
 */
import type { ProcessIO } from '../../api/io';
import type { List, Word, WordPart } from '../parser/ast';
import { ArithError, evalArith } from './arith';
import { globPaths, hasGlob, type PatChar } from './glob';
import { removePattern } from './remove-pattern';
import { optionLetters } from './options';
import { checkStringSize } from './string-limit';
import type { ShellState } from './state';

/** runs a command substitution; returns its stdout */
export type SubRunner = (sh: ShellState, body: List, io: ProcessIO) => Promise<string>;

/**
 * an expansion error that aborts the command: `fatal` ones (`${x:?}`, set -u)
 * end a non-interactive shell, `arith` ones (bad arithmetic) abandon the line in bash
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly kind: 'plain' | 'fatal' | 'arith' = 'plain',
  ) {
    super(message);
  }
}

interface Piece {
  text: string;
  quoted: boolean;
  /** result of an unquoted expansion: subject to field splitting */
  split: boolean;
  /** "$@" boundary between fields */
  brk?: boolean;
}

export class Expander {
  constructor(
    private readonly sh: ShellState,
    private readonly io: ProcessIO,
    private readonly runSub: SubRunner,
  ) {}

  /** words → argv (split and globbed) */
  async fields(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) out.push(...(await this.wordFields(w)));
    return out;
  }

  async wordFields(word: Word): Promise<string[]> {
    const pieces = await this.pieces(word.parts);
    const fields = splitFields(pieces, this.sh.get('IFS') ?? ' \t\n');
    const out: string[] = [];
    for (const f of fields) {
      if (!this.sh.noglob && mayHoldGlob(f)) {
        const chars = patChars(f);
        if (hasGlob(chars)) {
          const m = globPaths(this.sh.fs, this.sh.cwd, chars);
          if (m.length) {
            out.push(...m);
            continue;
          }
        }
      }
      out.push(f.map((x) => x.text).join(''));
    }
    return out;
  }

  /** one string, no splitting or globbing (assignments, redirection targets, here-documents) */
  async single(word: Word): Promise<string> {
    return (await this.pieces(word.parts)).map((p) => (p.brk ? ' ' : p.text)).join('');
  }

  /** a pattern for case / ${x#pat}: quoted characters match literally */
  async pattern(word: Word): Promise<PatChar[]> {
    const out: PatChar[] = [];
    for (const p of await this.pieces(word.parts)) for (const c of p.text) out.push({ c, active: !p.quoted });
    return out;
  }

  private async pieces(parts: WordPart[]): Promise<Piece[]> {
    const out: Piece[] = [];
    for (const part of parts) {
      switch (part.kind) {
        case 'lit':
          out.push({ text: part.text, quoted: part.quoted, split: false });
          break;
        case 'tilde': {
          const home = part.user === '' ? (this.sh.get('HOME') ?? '') : part.user === 'root' ? '/root' : undefined;
          out.push({ text: home ?? `~${part.user}`, quoted: true, split: false });
          break;
        }
        case 'param':
          await this.param(part, out);
          break;
        case 'cmd': {
          const text = (await this.runSub(this.sh, part.body, this.io)).replace(/\n+$/, '');
          out.push({ text, quoted: part.quoted, split: !part.quoted });
          break;
        }
        case 'arith': {
          const expr = await this.single({ parts: reparseArith(part.expr), raw: part.expr });
          let v: number;
          try {
            v = evalArith(
              expr,
              (n) => this.sh.get(n) ?? '',
              (n, val) => this.sh.set(n, val),
            );
          } catch (e) {
            if (!(e instanceof ArithError)) throw e;
            throw new ExpansionError(e.message, 'arith');
          }
          out.push({ text: String(v), quoted: part.quoted, split: !part.quoted });
          break;
        }
      }
    }
    // one word may hold at most STRING_MAX characters (`g(){ g $1$1; }`): past it the shell is out of memory
    let size = 0;
    for (const p of out) size += p.text.length;
    checkStringSize(size);
    return out;
  }

  private value(name: string): string | undefined {
    const sh = this.sh;
    switch (name) {
      case '?':
        return String(sh.status);
      case '$':
        return String(sh.pid);
      case '#':
        return String(sh.positional.length);
      case '!':
        return sh.lastBackground === undefined ? '' : String(sh.lastBackground);
      case '-':
        return optionLetters(sh);
      case '0':
        return sh.name;
      case '*':
      case '@':
        return sh.positional.join(' ');
    }
    if (/^[1-9]$/.test(name)) return sh.positional[Number(name) - 1];
    return sh.get(name);
  }

  private async param(part: Extract<WordPart, { kind: 'param' }>, out: Piece[]): Promise<void> {
    const { name, quoted, op } = part;
    if (name === '@' && quoted && !op) {
      this.sh.positional.forEach((a, i) => {
        if (i > 0) out.push({ text: '', quoted: true, split: false, brk: true });
        out.push({ text: a, quoted: true, split: false });
      });
      return;
    }
    let v = this.value(name);
    if (v === undefined && this.sh.nounset && !TOLERATES_UNSET.has(op ?? '') && name !== '@' && name !== '*') {
      throw new ExpansionError(this.sh.flavor === 'bash' ? `${name}: unbound variable` : `${name}: parameter not set`, 'fatal');
    }
    const push = (text: string) => out.push({ text, quoted, split: !quoted });
    const arg = async () => (part.arg ? this.single(part.arg) : '');
    switch (op) {
      case undefined:
        push(v ?? '');
        return;
      case 'len':
        push(String(charCount(v ?? '')));
        return;
      case ':-':
      case '-':
        if (v === undefined || (op === ':-' && v === '')) {
          if (part.arg) out.push(...(await this.pieces(part.arg.parts)).map((p) => ({ ...p, quoted: p.quoted || quoted, split: !quoted && !p.quoted })));
          return;
        }
        push(v);
        return;
      case ':=':
      case '=':
        if (v === undefined || (op === ':=' && v === '')) {
          v = await arg();
          this.sh.set(name, v);
        }
        push(v);
        return;
      case ':+':
      case '+':
        if (v === undefined || (op === ':+' && v === '')) return;
        push(await arg());
        return;
      case ':?':
      case '?':
        if (v === undefined || (op === ':?' && v === '')) {
          const msg = (await arg()) || defaultUnsetMessage(this.sh, op === ':?');
          throw new ExpansionError(`${name}: ${msg}`, 'fatal');
        }
        push(v);
        return;
      default: {
        const pat = part.arg ? await this.pattern(part.arg) : [];
        push(removePattern(v ?? '', pat, op));
      }
    }
  }
}

/** operators that give a value for an unset variable (set -u leaves them alone) */
const TOLERATES_UNSET = new Set([':-', '-', ':=', '=', ':+', '+', ':?', '?']);

/** `${x:?}` / `${x?}` without a message: bash and ash word it differently */
function defaultUnsetMessage(sh: ShellState, colon: boolean): string {
  if (sh.flavor === 'bash') return colon ? 'parameter null or not set' : 'parameter not set';
  return colon ? 'parameter not set or null' : 'parameter not set';
}

/** ${#x}: characters, not UTF-16 units (an astral character counts once), without copying the string */
export function charCount(v: string): number {
  let n = v.length;
  for (let i = 0; i < v.length - 1; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** $name / ${name} inside $((…)) */
function reparseArith(expr: string): WordPart[] {
  const parts: WordPart[] = [];
  const re = /\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])\}|\$([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])/g;
  let last = 0;
  for (let m = re.exec(expr); m; m = re.exec(expr)) {
    if (m.index > last) parts.push({ kind: 'lit', text: expr.slice(last, m.index), quoted: true });
    parts.push({ kind: 'param', name: m[1] ?? m[2], quoted: true });
    last = m.index + m[0].length;
  }
  if (last < expr.length) parts.push({ kind: 'lit', text: expr.slice(last), quoted: true });
  return parts;
}

/** a run of a field's text: quoted (inactive: matches itself in a pattern) or not */
interface Segment {
  text: string;
  active: boolean;
}

/**
 * IFS field splitting of the pieces of one word: each field a list of
 * segments (slices of the pieces, never a character at a time: a word may be
 * megabytes long)
 */
function splitFields(pieces: Piece[], ifs: string): Segment[][] {
  const fields: Segment[][] = [];
  let cur: Segment[] | null = null;
  for (const p of pieces) {
    if (p.brk) {
      fields.push(cur ?? []);
      cur = null;
      continue;
    }
    if (!p.split) {
      cur ??= [];
      if (p.text !== '') cur.push({ text: p.text, active: !p.quoted });
      continue;
    }
    const t = p.text;
    const sep = separators(ifs);
    sep.lastIndex = 0;
    let start = 0;
    for (;;) {
      const m = sep.exec(t);
      const end = m ? m.index : t.length;
      if (end > start) {
        cur ??= [];
        cur.push({ text: t.slice(start, end), active: true });
      }
      if (!m) break;
      if (cur !== null) {
        fields.push(cur);
        cur = null;
      } else if (m[1] !== undefined) fields.push([]); // `a::b` with IFS=: — a delimiter that is not white space ends an empty field
      start = sep.lastIndex;
    }
  }
  if (cur !== null) fields.push(cur);
  return fields;
}

let lastIfs: { ifs: string; re: RegExp } | undefined;

/**
 * one field delimiter of IFS, as a global regular expression: IFS white space
 * around one other IFS character (group 1), or a run of IFS white space; one
 * that never matches when IFS is empty
 */
function separators(ifs: string): RegExp {
  if (lastIfs?.ifs !== ifs) {
    const esc = (cs: string[]) => cs.map((c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`).join('');
    const chars = [...ifs];
    const white = esc(chars.filter((c) => c === ' ' || c === '\t' || c === '\n'));
    const other = esc(chars.filter((c) => c !== ' ' && c !== '\t' && c !== '\n'));
    const ws = white ? `[${white}]*` : '';
    const alts = [...(other ? [`${ws}([${other}])${ws}`] : []), ...(white ? [`[${white}]+`] : [])];
    lastIfs = { ifs, re: new RegExp(alts.length ? alts.join('|') : '(?!)', 'gu') };
  }
  return lastIfs.re;
}

/** an unquoted `*`, `?` or `[` somewhere: the field may be a pattern (hasGlob decides) */
function mayHoldGlob(field: Segment[]): boolean {
  return field.some((s) => s.active && /[*?[]/.test(s.text));
}

/** a field as the glob matcher takes it, character by character */
function patChars(field: Segment[]): PatChar[] {
  const out: PatChar[] = [];
  for (const s of field) for (const c of s.text) out.push({ c, active: s.active });
  return out;
}
