/** $((…)): integer arithmetic with variables, + - * / % ** comparisons, && || ! and parentheses. */

export class ArithError extends Error {}

export function evalArith(expr: string, get: (name: string) => string, set?: (name: string, value: string) => void): number {
  const toks = expr.match(/\s+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||\+\+|--|[-+*/%()<>!=]/g) ?? [];
  const tokens = toks.filter((t) => !/^\s+$/.test(t));
  if (tokens.join('') !== expr.replace(/\s+/g, '')) throw new ArithError(`${expr}: syntax error: invalid arithmetic operator`);
  let i = 0;
  const peek = () => tokens[i];
  const num = (name: string): number => {
    const v = get(name);
    if (v === '') return 0;
    const n = Number.parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithError(`${expr}: syntax error: operand expected`);
    if (t === '(') {
      const v = orExpr();
      if (tokens[i++] !== ')') throw new ArithError(`${expr}: syntax error: missing ')'`);
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '=' && set) {
        i++;
        const v = orExpr();
        set(t, String(v));
        return v;
      }
      if ((peek() === '++' || peek() === '--') && set) {
        const v = num(t);
        set(t, String(tokens[i++] === '++' ? v + 1 : v - 1));
        return v;
      }
      return num(t);
    }
    throw new ArithError(`${expr}: syntax error: operand expected (error token is "${tokens.slice(i - 1).join(' ')}")`);
  };
  const power = (): number => {
    const b = primary();
    if (peek() === '**') {
      i++;
      return b ** power();
    }
    return b;
  };
  const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let v = next();
    while (peek() !== undefined && Object.hasOwn(ops, peek())) {
      const op = ops[tokens[i++]];
      v = op(v, next());
    }
    return v;
  };
  const div = (a: number, b: number) => {
    if (b === 0) throw new ArithError(`${expr}: division by 0 (error token is "${tokens.slice(i - 1).join('')}")`);
    return Math.trunc(a / b);
  };
  const mul = binary(power, { '*': (a, b) => a * b, '/': div, '%': (a, b) => (b === 0 ? div(a, b) : a % b) });
  const add = binary(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = binary(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b) });
  const eq = binary(cmp, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = binary(eq, { '&&': (a, b) => +(a !== 0 && b !== 0) });
  const orExpr = binary(and, { '||': (a, b) => +(a !== 0 || b !== 0) });
  if (tokens.length === 0) return 0;
  const v = orExpr();
  if (i < tokens.length) throw new ArithError(`${expr}: syntax error: invalid arithmetic operator (error token is "${tokens.slice(i).join(' ')}")`);
  return Math.trunc(v);
}
