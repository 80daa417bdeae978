/** expr EXPRESSION: | & = > >= < <= != + - * / % : length substr index match ( ) — exit 1 when the result is 0 or empty */
import type { Program } from '../interpreter/types';
import { toJsRegex } from './regex';

class ExprError extends Error {}

const INT = /^[-+]?\d+$/;

export function evaluateExpr(tokens: string[]): string {
  let i = 0;
  const peek = () => tokens[i];
  const isNull = (v: string) => v === '' || (INT.test(v) && Number(v) === 0);
  const num = (v: string) => {
    if (!INT.test(v)) throw new ExprError('non-integer argument');
    return BigInt(v);
  };
  const orE = (): string => {
    let a = andE();
    while (peek() === '|') {
      i++;
      const b = andE();
      a = !isNull(a) ? a : !isNull(b) ? b : '0';
    }
    return a;
  };
  const andE = (): string => {
    let a = cmp();
    while (peek() === '&') {
      i++;
      const b = cmp();
      a = isNull(a) || isNull(b) ? '0' : a;
    }
    return a;
  };
  const cmp = (): string => {
    let a = add();
    while (['=', '==', '!=', '<', '<=', '>', '>='].includes(peek())) {
      const op = tokens[i++];
      const b = add();
      const c = INT.test(a) && INT.test(b) ? Number(BigInt(a) - BigInt(b)) : a < b ? -1 : a > b ? 1 : 0;
      const r = op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      a = r ? '1' : '0';
    }
    return a;
  };
  const add = (): string => {
    let a = mul();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++];
      const b = mul();
      a = String(op === '+' ? num(a) + num(b) : num(a) - num(b));
    }
    return a;
  };
  const mul = (): string => {
    let a = match();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = tokens[i++];
      const b = match();
      if ((op === '/' || op === '%') && num(b) === 0n) throw new ExprError('division by zero');
      a = String(op === '*' ? num(a) * num(b) : op === '/' ? num(a) / num(b) : num(a) % num(b));
    }
    return a;
  };
  const regexMatch = (s: string, re: string): string => {
    const m = new RegExp(`^(?:${toJsRegex(re, false)})`).exec(s);
    if (!m) return /\\\(/.test(re) ? '' : '0';
    return m[1] !== undefined ? m[1] : String(m[0].length);
  };
  const match = (): string => {
    let a = primary();
    while (peek() === ':') {
      i++;
      a = regexMatch(a, primary());
    }
    return a;
  };
  const primary = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new ExprError('syntax error');
    if (t === '(') {
      const v = orE();
      if (tokens[i++] !== ')') throw new ExprError('syntax error');
      return v;
    }
    if (t === 'length' && i < tokens.length) return String([...primary()].length);
    if (t === 'substr' && i + 2 < tokens.length + 1) {
      const s = primary();
      const pos = Number(primary());
      const len = Number(primary());
      return pos < 1 || len < 1 ? '' : [...s].slice(pos - 1, pos - 1 + len).join('');
    }
    if (t === 'index' && i < tokens.length) {
      const s = primary();
      const chars = primary();
      const idx = [...s].findIndex((c) => chars.includes(c));
      return String(idx + 1);
    }
    if (t === 'match' && i < tokens.length) {
      const s = primary();
      return regexMatch(s, primary());
    }
    if (t === '+' && i < tokens.length) return tokens[i++];
    return t;
  };
  const v = orE();
  if (i < tokens.length) throw new ExprError('syntax error');
  return v;
}

export const expr: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.io.stderr.write('expr: missing operand\n');
    return 2;
  }
  try {
    const v = evaluateExpr(args);
    ctx.io.stdout.write(`${v}\n`);
    return v === '' || (INT.test(v) && Number(v) === 0) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    ctx.io.stderr.write(`expr: ${e.message}\n`);
    return 2;
  }
};
