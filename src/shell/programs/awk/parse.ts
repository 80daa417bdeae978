/** The awk language (POSIX): tokens and a recursive-descent parser into an AST. */

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target?: Expr; file?: Expr; cmd?: Expr }
  | { k: 'group'; e: Expr };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; dest?: { mode: '>' | '>>' | '|'; e: Expr } }
  | { k: 'printf'; args: Expr[]; dest?: { mode: '>' | '>>' | '|'; e: Expr } }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'getline'; e: Expr };

export interface Item {
  pattern?: Expr;
  range?: [Expr, Expr];
  begin?: boolean;
  end?: boolean;
  action?: Stmt[];
}

export interface AwkProgram {
  items: Item[];
  functions: Map<string, { params: string[]; body: Stmt[] }>;
  /** the names of the user functions the program calls, in the order they appear */
  calls: string[];
}

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly near: string,
  ) {
    super(message);
  }
}

interface Tok {
  t: 'num' | 'str' | 're' | 'name' | 'func' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';
  v: string;
  n?: number;
  line: number;
  /** a space came before it (concatenation vs call) */
  sp?: boolean;
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

function unescapeAwk(s: string): string {
  return s.replace(/\\(?:([0-7]{1,3})|(.))/gs, (_m, oct: string | undefined, c: string | undefined) => {
    if (oct !== undefined) return String.fromCharCode(Number.parseInt(oct, 8));
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '\\':
        return '\\';
      case '"':
        return '"';
      case '/':
        return '/';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
    }
    return `\\${c}`;
  });
}

export { unescapeAwk as awkUnescape };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let sp = false;
  const regexAllowed = () => {
    const p = toks[toks.length - 1];
    if (!p) return true;
    if (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 're' || p.t === 'builtin') return false;
    if (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')) return false;
    if (p.t === 'kw' && p.v === 'getline') return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      sp = true;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const push = (t: Tok['t'], v: string, extra: Partial<Tok> = {}) => {
      toks.push({ t, v, line, sp, ...extra });
      sp = false;
    };
    if (c === '\n') {
      push('nl', '\n');
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          raw += src[j] + src[j + 1];
          j += 2;
        } else {
          if (src[j] === '\n') throw new AwkSyntaxError('runaway string constant', line, raw);
          raw += src[j++];
        }
      }
      if (j >= src.length) throw new AwkSyntaxError('runaway string constant', line, `"${raw}`);
      push('str', unescapeAwk(raw));
      i = j + 1;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let raw = '';
      let inBracket = false;
      while (j < src.length && (src[j] !== '/' || inBracket)) {
        if (src[j] === '\n') throw new AwkSyntaxError('runaway regular expression', line, `/${raw}`);
        if (src[j] === '\\' && j + 1 < src.length) {
          raw += src[j + 1] === '/' ? '/' : src[j] + src[j + 1];
          j += 2;
          continue;
        }
        if (src[j] === '[') inBracket = true;
        else if (src[j] === ']') inBracket = false;
        raw += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('runaway regular expression', line, `/${raw}`);
      push('re', raw);
      i = j + 1;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(src.slice(i));
    if (num && /[\d.]/.test(c)) {
      push('num', num[0], { n: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      const w = name[0];
      i += w.length;
      if (KEYWORDS.has(w)) push('kw', w === 'func' ? 'function' : w);
      else if (BUILTINS.has(w)) push('builtin', w);
      else if (src[i] === '(') push('func', w);
      else push('name', w);
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError('invalid char', line, c);
    push('op', op);
    i += op.length;
  }
  toks.push({ t: 'eof', v: '', line, sp: false });
  return toks;
}

export function parseAwk(src: string): AwkProgram {
  const toks = tokenize(src);
  let p = 0;
  const functions: AwkProgram['functions'] = new Map();
  const calls: string[] = [];
  const peek = (o = 0) => toks[p + o];
  const fail = (): never => {
    const t = peek();
    throw new AwkSyntaxError('syntax error', t.line, t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.v);
  };
  const is = (v: string, t: Tok['t'] = 'op') => peek().t === t && peek().v === v;
  const eat = (v: string, t: Tok['t'] = 'op') => {
    if (!is(v, t)) fail();
    return toks[p++];
  };
  const optNl = () => {
    while (peek().t === 'nl') p++;
  };
  const terminators = () => {
    while (peek().t === 'nl' || is(';')) p++;
  };

  // ---- expressions (lowest to highest precedence) ----
  let noIn = 0;
  let noGt = 0;
  const expr = (): Expr => ternary();
  const ternary = (): Expr => {
    const c = orExpr();
    if (is('?')) {
      p++;
      optNl();
      const a = ternary();
      optNl();
      eat(':');
      optNl();
      const b = ternary();
      return { k: 'cond', c, a, b };
    }
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^=', '**='].includes(peek().v) && isLvalue(c)) {
      const op = toks[p++].v;
      optNl();
      return { k: 'assign', op: op === '**=' ? '^=' : op, target: c, e: ternary() };
    }
    return c;
  };
  const isLvalue = (e: Expr) => e.k === 'var' || e.k === 'field' || e.k === 'index';
  const orExpr = (): Expr => {
    let a = andExpr();
    while (is('||')) {
      p++;
      optNl();
      a = { k: 'or', a, b: andExpr() };
    }
    return a;
  };
  const andExpr = (): Expr => {
    let a = inExpr();
    while (is('&&')) {
      p++;
      optNl();
      a = { k: 'and', a, b: inExpr() };
    }
    return a;
  };
  const inExpr = (): Expr => {
    let a = matchExpr();
    while (!noIn && is('in', 'kw')) {
      p++;
      const name = eat(peek().v, 'name').v;
      a = { k: 'in', subs: a.k === 'group' && (a as { multi?: Expr[] }).multi ? ((a as { multi?: Expr[] }).multi as Expr[]) : [a], name };
    }
    return a;
  };
  const matchExpr = (): Expr => {
    let a = relExpr();
    while (is('~') || is('!~')) {
      const neg = toks[p++].v === '!~';
      a = { k: 'match', neg, a, re: relExpr() };
    }
    return a;
  };
  const relExpr = (): Expr => {
    const a = concatExpr();
    const t = peek();
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(t.v)) {
      p++;
      return { k: 'bin', op: t.v, a, b: concatExpr() };
    }
    return a;
  };
  const startsOperand = (t: Tok) =>
    t.t === 'num' || t.t === 'str' || t.t === 're' || t.t === 'name' || t.t === 'func' || t.t === 'builtin' || (t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v)) || (t.t === 'kw' && t.v === 'getline');
  const concatExpr = (): Expr => {
    let a = additive();
    while (startsOperand(peek()) && !(is('in', 'kw')) && !(peek().t === 'op' && (peek().v === '-' || peek().v === '+') && !peek().sp)) {
      if (peek().t === 'op' && (peek().v === '-' || peek().v === '+')) break;
      a = { k: 'bin', op: 'concat', a, b: additive() };
    }
    return a;
  };
  const additive = (): Expr => {
    let a = multiplicative();
    while (is('+') || is('-')) {
      const op = toks[p++].v;
      a = { k: 'bin', op, a, b: multiplicative() };
    }
    return a;
  };
  const multiplicative = (): Expr => {
    let a = unary();
    while (is('*') || is('/') || is('%')) {
      const op = toks[p++].v;
      a = { k: 'bin', op, a, b: unary() };
    }
    return a;
  };
  const unary = (): Expr => {
    if (is('!')) {
      p++;
      return { k: 'unary', op: '!', e: unary() };
    }
    if (is('-') || is('+')) {
      const op = toks[p++].v;
      return { k: 'unary', op, e: unary() };
    }
    return power();
  };
  const power = (): Expr => {
    const a = postfix();
    if (is('^') || is('**')) {
      p++;
      return { k: 'bin', op: '^', a, b: unaryPow() };
    }
    return a;
  };
  const unaryPow = (): Expr => {
    if (is('-') || is('+') || is('!')) {
      const op = toks[p++].v;
      return { k: 'unary', op, e: unaryPow() };
    }
    return power();
  };
  const postfix = (): Expr => {
    if (is('++') || is('--')) {
      const op = toks[p++].v as '++' | '--';
      return { k: 'incdec', op, prefix: true, target: primary() };
    }
    const e = primary();
    if (isLvalue(e) && (is('++') || is('--'))) {
      const op = toks[p++].v as '++' | '--';
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  };
  const args = (): Expr[] => {
    eat('(');
    const out: Expr[] = [];
    optNl();
    if (!is(')')) {
      out.push(expr());
      optNl();
      while (is(',')) {
        p++;
        optNl();
        out.push(expr());
        optNl();
      }
    }
    eat(')');
    return out;
  };
  const primary = (): Expr => {
    const t = peek();
    switch (t.t) {
      case 'num':
        p++;
        return { k: 'num', v: t.n ?? 0 };
      case 'str':
        p++;
        return { k: 'str', v: t.v };
      case 're':
        p++;
        return { k: 're', v: t.v };
      case 'func': {
        p++;
        calls.push(t.v);
        return { k: 'call', name: t.v, args: args() };
      }
      case 'builtin': {
        p++;
        if (t.v === 'length' && !is('(')) return { k: 'builtin', name: 'length', args: [] };
        return { k: 'builtin', name: t.v, args: args() };
      }
      case 'name': {
        p++;
        if (is('[')) {
          p++;
          const subs = [expr()];
          while (is(',')) {
            p++;
            subs.push(expr());
          }
          eat(']');
          return { k: 'index', name: t.v, subs };
        }
        return { k: 'var', name: t.v };
      }
      case 'kw':
        if (t.v === 'getline') {
          p++;
          let target: Expr | undefined;
          if (peek().t === 'name' || is('$')) target = primary();
          let file: Expr | undefined;
          if (is('<')) {
            p++;
            file = primary();
          }
          return { k: 'getline', target, file };
        }
        break;
      case 'op':
        if (t.v === '$') {
          p++;
          if (is('++') || is('--')) return { k: 'field', e: postfix() };
          return { k: 'field', e: primary() };
        }
        if (t.v === '(') {
          p++;
          noIn = 0;
          const first = expr();
          if (is(',')) {
            const multi = [first];
            while (is(',')) {
              p++;
              multi.push(expr());
            }
            eat(')');
            return { k: 'group', e: first, multi } as Expr;
          }
          eat(')');
          return { k: 'group', e: first };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return unary();
        break;
    }
    return fail();
  };

  // ---- statements ----
  const simpleOrBlock = (): Stmt => {
    optNl();
    if (is(';')) {
      p++;
      return { k: 'block', body: [] };
    }
    return statement();
  };
  const endSimple = () => {
    if (is(';') || peek().t === 'nl') {
      p++;
      return;
    }
    if (is('}') || peek().t === 'eof') return;
    fail();
  };
  const printArgs = (): Expr[] => {
    noGt++;
    try {
      if (is('(')) {
        // print (a, b) > "f"  vs  print (a) b
        const save = p;
        p++;
        const list = [expr()];
        while (is(',')) {
          p++;
          optNl();
          list.push(expr());
        }
        if (is(')')) {
          p++;
          if (is(';') || is('}') || is('>') || is('>>') || is('|') || peek().t === 'nl' || peek().t === 'eof') return list;
        }
        p = save;
      }
      if (is(';') || is('}') || peek().t === 'nl' || peek().t === 'eof' || is('>') || is('>>') || is('|')) return [];
      const list = [expr()];
      while (is(',')) {
        p++;
        optNl();
        list.push(expr());
      }
      return list;
    } finally {
      noGt--;
    }
  };
  const destination = (): { mode: '>' | '>>' | '|'; e: Expr } | undefined => {
    if (is('>') || is('>>') || is('|')) {
      const mode = toks[p++].v as '>' | '>>' | '|';
      return { mode, e: concatExpr() };
    }
    return undefined;
  };
  const statement = (): Stmt => {
    const t = peek();
    if (is('{')) {
      p++;
      const body = stmtList();
      eat('}');
      return { k: 'block', body };
    }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          p++;
          eat('(');
          const c = expr();
          eat(')');
          const then = simpleOrBlock();
          const save = p;
          terminators();
          if (is('else', 'kw')) {
            p++;
            return { k: 'if', c, then, else: simpleOrBlock() };
          }
          p = save;
          return { k: 'if', c, then };
        }
        case 'while': {
          p++;
          eat('(');
          const c = expr();
          eat(')');
          if (is(';')) {
            p++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: simpleOrBlock() };
        }
        case 'do': {
          p++;
          const body = simpleOrBlock();
          terminators();
          eat('while', 'kw');
          eat('(');
          const c = expr();
          eat(')');
          endSimple();
          return { k: 'do', c, body };
        }
        case 'for': {
          p++;
          eat('(');
          if (peek().t === 'name' && peek(1).t === 'kw' && peek(1).v === 'in' && peek(2).t === 'name' && peek(3).t === 'op' && peek(3).v === ')') {
            const v = toks[p].v;
            const arr = toks[p + 2].v;
            p += 4;
            return { k: 'forin', v, arr, body: simpleOrBlock() };
          }
          const init = is(';') ? undefined : simple();
          eat(';');
          optNl();
          const c = is(';') ? undefined : expr();
          eat(';');
          optNl();
          const step = is(')') ? undefined : simple();
          eat(')');
          if (is(';')) {
            p++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          return { k: 'for', init, c, step, body: simpleOrBlock() };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          p++;
          endSimple();
          return { k: t.v } as Stmt;
        case 'exit':
        case 'return': {
          p++;
          const e = is(';') || is('}') || peek().t === 'nl' || peek().t === 'eof' ? undefined : expr();
          endSimple();
          return { k: t.v, e } as Stmt;
        }
        case 'delete': {
          p++;
          const name = eat(peek().v, 'name').v;
          let subs: Expr[] | undefined;
          if (is('[')) {
            p++;
            subs = [expr()];
            while (is(',')) {
              p++;
              subs.push(expr());
            }
            eat(']');
          }
          endSimple();
          return { k: 'delete', name, subs };
        }
      }
    }
    if (is(';')) {
      p++;
      return { k: 'block', body: [] };
    }
    const s = simple();
    endSimple();
    return s;
  };
  const simple = (): Stmt => {
    if (is('print', 'kw') || is('printf', 'kw')) {
      const kind = toks[p++].v as 'print' | 'printf';
      const a = printArgs();
      if (kind === 'printf' && a.length === 0) fail();
      return { k: kind, args: a, dest: destination() };
    }
    return { k: 'expr', e: expr() };
  };
  const stmtList = (): Stmt[] => {
    const out: Stmt[] = [];
    terminators();
    while (!is('}') && peek().t !== 'eof') {
      out.push(statement());
      terminators();
    }
    return out;
  };

  // ---- program ----
  const items: Item[] = [];
  terminators();
  while (peek().t !== 'eof') {
    if (is('function', 'kw')) {
      p++;
      const name = peek().t === 'func' || peek().t === 'name' ? toks[p++].v : fail();
      eat('(');
      const params: string[] = [];
      while (!is(')')) {
        params.push(eat(peek().v, 'name').v);
        if (is(',')) {
          p++;
          optNl();
        }
      }
      p++;
      optNl();
      eat('{');
      const body = stmtList();
      eat('}');
      functions.set(name, { params, body });
    } else if (is('BEGIN', 'kw') || is('END', 'kw')) {
      const which = toks[p++].v;
      optNl();
      eat('{');
      const action = stmtList();
      eat('}');
      items.push(which === 'BEGIN' ? { begin: true, action } : { end: true, action });
    } else {
      const item: Item = {};
      if (!is('{')) {
        const a = expr();
        if (is(',')) {
          p++;
          optNl();
          item.range = [a, expr()];
        } else item.pattern = a;
      }
      if (is('{')) {
        p++;
        item.action = stmtList();
        eat('}');
      }
      items.push(item);
    }
    terminators();
  }
  return { items, functions, calls };
}
