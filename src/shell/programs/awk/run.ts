/** Running an awk program: values (numbers, strings, strnums), records and fields, statements, builtins. */
import { toJsRegex } from '../regex';
import { awkSprintf, numberToString } from './format';
import type { AwkProgram, Expr, Stmt } from './parse';

/** a value: number, string, or a string from input that looks like a number (strnum) */
type Val = number | string | { s: string; n: number };

const NUMERIC_INPUT = /^[ \t\n]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0[xX][0-9a-fA-F]+)[ \t\n]*$/;

function strnum(s: string): Val {
  return NUMERIC_INPUT.test(s) && !/0[xX]/.test(s) ? { s, n: Number(s.trim()) } : s;
}

/** awk's string → number: the longest numeric prefix */
export function toNumber(s: string): number {
  const m = /^[ \t\n]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(s);
  return m ? Number(m[0].trim()) : 0;
}

class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  constructor(readonly status: number) {}
}
class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  constructor(readonly value: Val) {}
}

export class AwkRuntimeError extends Error {}

export interface AwkHost {
  /** write to stdout */
  out(text: string): void;
  /** print > file / >> file / | cmd */
  redirect(mode: '>' | '>>' | '|', target: string, text: string): void;
  close(target: string): number;
  /** next line of the main input, null at the end; updates FILENAME through `setFile` */
  readRecord(rs: string): Promise<string | null>;
  /** getline < file */
  readFrom(file: string, rs: string): string | null;
  system(cmd: string): Promise<number>;
  flush(): void;
  env: Record<string, string>;
}

const MAX_STEPS = 50_000_000;

export class AwkRun {
  private globals = new Map<string, Val>();
  private arrays = new Map<string, Map<string, Val>>();
  private frames: { vars: Map<string, Val>; arrays: Map<string, Map<string, Val>> }[] = [];
  private fields: string[] = [''];
  private nf = 0;
  private rangeActive: boolean[];
  private steps = 0;
  private seed = 0;
  private randState = 0;
  private regexCache = new Map<string, RegExp>();

  constructor(
    private readonly prog: AwkProgram,
    private readonly host: AwkHost,
    argv: string[],
  ) {
    this.rangeActive = prog.items.map(() => false);
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, NF: 0, FNR: 0, SUBSEP: '\x1c', RSTART: 0, RLENGTH: -1, CONVFMT: '%.6g', OFMT: '%.6g', FILENAME: '' })) this.globals.set(k, v);
    const env = new Map<string, Val>();
    for (const [k, v] of Object.entries(host.env)) env.set(k, strnum(v));
    this.arrays.set('ENVIRON', env);
    const args = new Map<string, Val>();
    for (const [i, a] of argv.entries()) args.set(String(i), strnum(a));
    this.arrays.set('ARGV', args);
    this.globals.set('ARGC', argv.length);
  }

  setVar(name: string, value: string): void {
    this.globals.set(name, strnum(value));
  }

  get(name: string): Val {
    const f = this.frames[this.frames.length - 1];
    if (f?.vars.has(name)) return f.vars.get(name) as Val;
    if (name === 'NF') return this.nf;
    return this.globals.get(name) ?? '';
  }

  private set(name: string, v: Val): void {
    const f = this.frames[this.frames.length - 1];
    if (f?.vars.has(name)) {
      f.vars.set(name, v);
      return;
    }
    if (name === 'NF') {
      this.setNF(Math.trunc(this.num(v)));
      return;
    }
    this.globals.set(name, v);
  }

  private array(name: string): Map<string, Val> {
    const f = this.frames[this.frames.length - 1];
    if (f) {
      const a = f.arrays.get(name);
      if (a) return a;
      if (f.vars.has(name)) {
        const fresh = new Map<string, Val>();
        f.arrays.set(name, fresh);
        f.vars.delete(name);
        return fresh;
      }
    }
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  num(v: Val): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return toNumber(v);
    return v.n;
  }

  str(v: Val): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return numberToString(v, String(this.get('CONVFMT')));
    return v.s;
  }

  private outStr(v: Val): string {
    if (typeof v === 'number') return numberToString(v, String(this.get('OFMT')));
    return this.str(v);
  }

  private bool(v: Val): boolean {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    return v.n !== 0;
  }

  regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      try {
        re = new RegExp(toJsRegex(src, true));
      } catch {
        throw new AwkRuntimeError(`regular expression compile failed (missing operand)\n${src}`);
      }
      if (this.regexCache.size > 500) this.regexCache.clear();
      this.regexCache.set(src, re);
    }
    return re;
  }

  private regexOf(e: Expr): RegExp {
    return e.k === 're' ? this.regex(e.v) : this.regex(this.str(this.eval(e)));
  }

  // ---- records and fields ----
  setRecord(text: string): void {
    this.fields = [text];
    const fs = this.str(this.get('FS'));
    let parts: string[];
    if (fs === ' ') parts = text.split(/[ \t\n]+/).filter((x, i, arr) => x !== '' || (i > 0 && i < arr.length - 1));
    else if (text === '') parts = [];
    else if (fs.length === 1 && fs !== '\\') parts = text.split(fs === '\t' ? '\t' : fs);
    else parts = text.split(this.regex(fs));
    if (fs === ' ') parts = parts.filter((x) => x !== '');
    this.fields.push(...parts);
    this.nf = parts.length;
  }

  private getField(i: number): Val {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) return strnum(this.fields[0]);
    return i <= this.nf ? strnum(this.fields[i] ?? '') : '';
  }

  private rebuild(): void {
    const ofs = this.str(this.get('OFS'));
    this.fields[0] = this.fields.slice(1, this.nf + 1).join(ofs);
  }

  private setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    if (i > this.nf) this.nf = i;
    this.rebuild();
  }

  private setNF(n: number): void {
    while (this.fields.length <= n) this.fields.push('');
    this.fields.length = n + 1;
    this.nf = n;
    this.rebuild();
  }

  // ---- expressions ----
  eval(e: Expr): Val {
    if (++this.steps > MAX_STEPS) throw new AwkRuntimeError('program ran too long');
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.v).test(this.fields[0]) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
        return this.get(e.name);
      case 'field':
        return this.getField(Math.trunc(this.num(this.eval(e.e))));
      case 'index': {
        const key = this.subscript(e.subs);
        const a = this.array(e.name);
        if (!a.has(key)) a.set(key, '');
        return a.get(key) as Val;
      }
      case 'in':
        return this.array(e.name).has(this.subscript(e.subs)) ? 1 : 0;
      case 'assign': {
        let v = this.eval(e.e);
        if (e.op !== '=') v = this.arith(e.op.slice(0, -1), this.num(this.eval(e.target)), this.num(v));
        else if (typeof v === 'object') v = { ...v };
        this.assign(e.target, v);
        return v;
      }
      case 'cond':
        return this.bool(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'and':
        return this.bool(this.eval(e.a)) && this.bool(this.eval(e.b)) ? 1 : 0;
      case 'or':
        return this.bool(this.eval(e.a)) || this.bool(this.eval(e.b)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.eval(e.a));
        const r = this.regexOf(e.re).test(s);
        return r !== e.neg ? 1 : 0;
      }
      case 'unary': {
        const v = this.eval(e.e);
        if (e.op === '!') return this.bool(v) ? 0 : 1;
        return e.op === '-' ? -this.num(v) : this.num(v);
      }
      case 'incdec': {
        const old = this.num(this.eval(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'bin':
        return this.binary(e.op, e.a, e.b);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'call':
        throw new AwkRuntimeError('internal: call outside callFunction');
      case 'getline':
        throw new AwkRuntimeError('internal: getline outside run');
    }
  }

  private subscript(subs: Expr[]): string {
    return subs.map((s) => this.str(this.eval(s))).join(this.str(this.get('SUBSEP')));
  }

  private assign(target: Expr, v: Val): void {
    if (target.k === 'var') this.set(target.name, v);
    else if (target.k === 'field') this.setField(Math.trunc(this.num(this.eval(target.e))), this.str(v));
    else if (target.k === 'index') this.array(target.name).set(this.subscript(target.subs), v);
    else if (target.k === 'group') this.assign(target.e, v);
    else throw new AwkRuntimeError('assignment to a non-variable');
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new AwkRuntimeError('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new AwkRuntimeError('division by zero in %');
        return a % b;
      case '^':
        return a ** b;
    }
    return 0;
  }

  private isNumeric(v: Val): boolean {
    return typeof v === 'number' || typeof v === 'object';
  }

  private binary(op: string, ea: Expr, eb: Expr): Val {
    const a = this.eval(ea);
    const b = this.eval(eb);
    switch (op) {
      case 'concat':
        return this.str(a) + this.str(b);
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '==':
      case '!=': {
        let c: number;
        if (this.isNumeric(a) && this.isNumeric(b)) c = this.num(a) - this.num(b);
        else {
          const x = this.str(a);
          const y = this.str(b);
          c = x < y ? -1 : x > y ? 1 : 0;
        }
        const r = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
        return r ? 1 : 0;
      }
    }
    return this.arith(op, this.num(a), this.num(b));
  }

  private builtin(name: string, args: Expr[]): Val {
    const s = (i: number) => (args[i] ? this.str(this.eval(args[i])) : '');
    const n = (i: number) => (args[i] ? this.num(this.eval(args[i])) : 0);
    switch (name) {
      case 'length':
        if (args.length === 0) return [...this.fields[0]].length;
        if (args[0].k === 'var' && (this.arrays.has(args[0].name) || this.frames[this.frames.length - 1]?.arrays.has(args[0].name))) return this.array(args[0].name).size;
        return [...s(0)].length;
      case 'substr': {
        const chars = [...s(0)];
        const start = Math.round(n(1));
        const len = args.length > 2 ? Math.round(n(2)) : Number.POSITIVE_INFINITY;
        const from = Math.max(1, start);
        const to = Math.min(chars.length + 1, start + len);
        return to <= from ? '' : chars.slice(from - 1, to - 1).join('');
      }
      case 'index': {
        const i = s(0).indexOf(s(1));
        return i < 0 ? 0 : [...s(0).slice(0, i)].length + 1;
      }
      case 'split': {
        const text = s(0);
        const target = args[1];
        if (target?.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
        const arr = this.array(target.name);
        arr.clear();
        let parts: string[];
        if (args[2]) {
          const sep = args[2].k === 're' ? args[2].v : this.str(this.eval(args[2]));
          if (sep === ' ') parts = text.split(/[ \t\n]+/).filter((x) => x !== '');
          else if (text === '') parts = [];
          else parts = args[2].k !== 're' && sep.length === 1 ? text.split(sep) : text.split(this.regex(sep));
        } else {
          const saved = this.fields;
          const savedNf = this.nf;
          this.setRecord(text);
          parts = this.fields.slice(1);
          this.fields = saved;
          this.nf = savedNf;
        }
        for (const [i, p] of parts.entries()) arr.set(String(i + 1), strnum(p));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = this.regexOf(args[0]);
        const repl = s(1);
        const target = args[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Expr);
        const text = this.str(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, name === 'gsub' ? 'g' : '');
        const out = text.replace(g, (m) => {
          count++;
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count > 0) this.assign(target, out);
        return count;
      }
      case 'match': {
        const m = this.regexOf(args[1]).exec(s(0));
        const start = m ? [...s(0).slice(0, m.index)].length + 1 : 0;
        this.globals.set('RSTART', start);
        this.globals.set('RLENGTH', m ? [...m[0]].length : -1);
        return start;
      }
      case 'sprintf': {
        if (args.length === 0) return '';
        const vals = args.slice(1).map((a) => this.eval(a));
        return awkSprintf(s(0), { count: vals.length, num: (i) => this.num(vals[i]), str: (i) => this.str(vals[i]), isNum: (i) => typeof vals[i] === 'number' });
      }
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(n(0));
      case 'sqrt':
        return Math.sqrt(n(0));
      case 'exp':
        return Math.exp(n(0));
      case 'log':
        return Math.log(n(0));
      case 'sin':
        return Math.sin(n(0));
      case 'cos':
        return Math.cos(n(0));
      case 'atan2':
        return Math.atan2(n(0), n(1));
      case 'rand': {
        // a fixed-seed generator: the same program prints the same numbers, as with awk's default seed
        this.randState = (Math.imul(this.randState ^ 0x5deece66, 1103515245) + 12345 + this.seed) >>> 0;
        return this.randState / 4294967296;
      }
      case 'srand': {
        const old = this.seed;
        this.seed = args.length ? Math.trunc(n(0)) : 0;
        this.randState = this.seed;
        return old;
      }
      case 'close':
        return this.host.close(s(0));
      case 'fflush':
        this.host.flush();
        return 0;
      case 'system':
        throw new AwkRuntimeError('internal: system outside run');
    }
    throw new AwkRuntimeError(`function ${name} never defined`);
  }

  // ---- async parts: calls, getline and system may wait ----
  /** expressions that may call functions, getline or system are evaluated here */
  async evalAsync(e: Expr): Promise<Val> {
    if (!needsAsync(e)) return this.eval(e);
    switch (e.k) {
      case 'call':
        return this.callFunction(e.name, e.args);
      case 'getline': {
        let line: string | null;
        if (e.file) line = this.host.readFrom(this.str(await this.evalAsync(e.file)), this.str(this.get('RS')));
        else {
          line = await this.host.readRecord(this.str(this.get('RS')));
          if (line !== null) {
            this.globals.set('NR', this.num(this.get('NR')) + 1);
            this.globals.set('FNR', this.num(this.get('FNR')) + 1);
          }
        }
        if (line === null) return 0;
        if (e.target) this.assign(e.target, strnum(line));
        else this.setRecord(line);
        return 1;
      }
      case 'builtin':
        if (e.name === 'system') {
          this.host.flush();
          return this.host.system(this.str(await this.evalAsync(e.args[0] ?? { k: 'str', v: '' })));
        }
        return this.eval(await this.resolved(e));
      default:
        return this.eval(await this.resolved(e));
    }
  }

  /** the expression with its async parts computed (as constants) */
  private async resolved(e: Expr): Promise<Expr> {
    const sub = async (x: Expr): Promise<Expr> => {
      if (!needsAsync(x)) return x;
      if (x.k === 'call' || x.k === 'getline' || (x.k === 'builtin' && x.name === 'system')) {
        const v = await this.evalAsync(x);
        return typeof v === 'number' ? { k: 'num', v } : typeof v === 'string' ? { k: 'str', v } : { k: 'str', v: v.s };
      }
      return this.resolved(x);
    };
    const out: Record<string, unknown> = { ...e };
    for (const [key, val] of Object.entries(e)) {
      if (val && typeof val === 'object' && 'k' in (val as object)) out[key] = await sub(val as Expr);
      else if (Array.isArray(val)) out[key] = await Promise.all(val.map((x) => (x && typeof x === 'object' && 'k' in x ? sub(x as Expr) : x)));
    }
    return out as Expr;
  }

  private async callFunction(name: string, args: Expr[]): Promise<Val> {
    const fn = this.prog.functions.get(name);
    if (!fn) throw new AwkRuntimeError('call to undefined function');
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep');
    const vars = new Map<string, Val>();
    const arrays = new Map<string, Map<string, Val>>();
    for (let i = 0; i < fn.params.length; i++) {
      const a = args[i];
      const pname = fn.params[i];
      if (a && a.k === 'var' && (this.arrays.has(a.name) || this.frames[this.frames.length - 1]?.arrays.has(a.name))) arrays.set(pname, this.array(a.name));
      else if (a) vars.set(pname, await this.evalAsync(a));
      else vars.set(pname, '');
    }
    this.frames.push({ vars, arrays });
    try {
      await this.execList(fn.body);
      return '';
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.frames.pop();
    }
  }

  async exec(s: Stmt): Promise<void> {
    switch (s.k) {
      case 'expr':
        await this.evalAsync(s.e);
        return;
      case 'print': {
        const vals = s.args.length === 0 ? [this.fields[0]] : await Promise.all(s.args.map(async (a) => this.outStr(await this.evalAsync(a))));
        this.emit(`${vals.join(this.str(this.get('OFS')))}${this.str(this.get('ORS'))}`, s.dest);
        return;
      }
      case 'printf': {
        const vals: Val[] = [];
        for (const a of s.args) vals.push(await this.evalAsync(a));
        const text = awkSprintf(this.str(vals[0]), {
          count: vals.length - 1,
          num: (i) => this.num(vals[i + 1]),
          str: (i) => this.str(vals[i + 1]),
          isNum: (i) => typeof vals[i + 1] === 'number',
        });
        this.emit(text, s.dest);
        return;
      }
      case 'if':
        if (this.bool(await this.evalAsync(s.c))) await this.exec(s.then);
        else if (s.else) await this.exec(s.else);
        return;
      case 'while':
        while (this.bool(await this.evalAsync(s.c))) {
          if (await this.loopBody(s.body)) break;
        }
        return;
      case 'do':
        do {
          if (await this.loopBody(s.body)) break;
        } while (this.bool(await this.evalAsync(s.c)));
        return;
      case 'for':
        if (s.init) await this.exec(s.init);
        while (!s.c || this.bool(await this.evalAsync(s.c))) {
          if (await this.loopBody(s.body)) break;
          if (s.step) await this.exec(s.step);
        }
        return;
      case 'forin': {
        for (const key of [...this.array(s.arr).keys()]) {
          if (!this.array(s.arr).has(key)) continue;
          this.set(s.v, strnum(key));
          if (await this.loopBody(s.body)) break;
        }
        return;
      }
      case 'block':
        await this.execList(s.body);
        return;
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'exit':
        throw new ExitSignal(s.e ? Math.trunc(this.num(await this.evalAsync(s.e))) : -1);
      case 'return':
        throw new ReturnSignal(s.e ? await this.evalAsync(s.e) : '');
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.subscript(s.subs));
        else this.array(s.name).clear();
        return;
      case 'getline':
        await this.evalAsync(s.e);
        return;
    }
  }

  /** true when the loop ends (break) */
  private async loopBody(body: Stmt): Promise<boolean> {
    try {
      await this.exec(body);
    } catch (e) {
      if (e instanceof BreakSignal) return true;
      if (e instanceof ContinueSignal) return false;
      throw e;
    }
    if (++this.steps > MAX_STEPS) throw new AwkRuntimeError('program ran too long');
    return false;
  }

  private async execList(list: Stmt[]): Promise<void> {
    for (const s of list) await this.exec(s);
  }

  private emit(text: string, dest?: { mode: '>' | '>>' | '|'; e: Expr }): void {
    if (!dest) this.host.out(text);
    else this.host.redirect(dest.mode, this.str(this.eval(dest.e)), text);
  }

  /** run BEGIN, the records, END; returns the exit status */
  async run(): Promise<number> {
    let status = 0;
    let exiting = false;
    const items = this.prog.items;
    try {
      for (const it of items) if (it.begin) await this.execList(it.action ?? []);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      exiting = true;
      if (e.status >= 0) status = e.status;
    }
    const main = items.filter((it) => !it.begin && !it.end);
    const hasEnd = items.some((it) => it.end);
    if (!exiting && (main.length > 0 || hasEnd)) {
      try {
        for (let line = await this.host.readRecord(this.str(this.get('RS'))); line !== null; line = await this.host.readRecord(this.str(this.get('RS')))) {
          this.globals.set('NR', this.num(this.get('NR')) + 1);
          this.globals.set('FNR', this.num(this.get('FNR')) + 1);
          this.setRecord(line);
          try {
            for (let i = 0; i < items.length; i++) {
              const it = items[i];
              if (it.begin || it.end) continue;
              if (await this.matches(i)) {
                if (it.action) await this.execList(it.action);
                else this.host.out(`${this.fields[0]}${this.str(this.get('ORS'))}`);
              }
            }
          } catch (e) {
            if (!(e instanceof NextSignal) && !(e instanceof NextFileSignal)) throw e;
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        if (e.status >= 0) status = e.status;
      }
    }
    try {
      for (const it of items) if (it.end) await this.execList(it.action ?? []);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      if (e.status >= 0) status = e.status;
    }
    return status;
  }

  private async matches(i: number): Promise<boolean> {
    const it = this.prog.items[i];
    if (it.range) {
      if (!this.rangeActive[i]) {
        if (!this.bool(await this.evalAsync(it.range[0]))) return false;
        this.rangeActive[i] = true;
      }
      if (this.bool(await this.evalAsync(it.range[1]))) this.rangeActive[i] = false;
      return true;
    }
    return it.pattern ? this.bool(await this.evalAsync(it.pattern)) : true;
  }

  /** FILENAME and FNR when the main input moves to the next file */
  startFile(name: string): void {
    this.globals.set('FILENAME', name);
    this.globals.set('FNR', 0);
  }
}

const asyncCache = new WeakMap<Expr, boolean>();

function needsAsync(e: Expr): boolean {
  const c = asyncCache.get(e);
  if (c !== undefined) return c;
  let r = false;
  if (e.k === 'call' || e.k === 'getline' || (e.k === 'builtin' && e.name === 'system')) r = true;
  else {
    for (const val of Object.values(e)) {
      if (val && typeof val === 'object' && 'k' in (val as object) && needsAsync(val as Expr)) r = true;
      else if (Array.isArray(val) && val.some((x) => x && typeof x === 'object' && 'k' in x && needsAsync(x as Expr))) r = true;
      if (r) break;
    }
  }
  asyncCache.set(e, r);
  return r;
}
