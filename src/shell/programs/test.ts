/** test EXPR / [ EXPR ]: file tests, string and integer comparisons, ! -a -o ( ) */
import type { Program, ProgramContext } from '../interpreter/types';
import { resolvePath } from '../vfs/path';

class TestError extends Error {}

function fileTest(ctx: ProgramContext, op: string, name: string): boolean {
  const p = resolvePath(ctx.cwd, name);
  try {
    if (op === '-L' || op === '-h') return ctx.fs.lstat(p).type === 'symlink';
    const st = ctx.fs.stat(p);
    switch (op) {
      case '-e':
      case '-a':
        return true;
      case '-f':
        return st.type === 'file';
      case '-d':
        return st.type === 'dir';
      case '-s':
        return st.size > 0;
      case '-x':
        return (st.mode & 0o111) !== 0;
      case '-r':
      case '-w':
        return true;
    }
  } catch {
    return false;
  }
  return false;
}

const UNARY_FILE = new Set(['-e', '-f', '-d', '-s', '-x', '-r', '-w', '-L', '-h']);
const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

function int(s: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
  return Number(s);
}

function evaluate(ctx: ProgramContext, args: string[]): boolean {
  let i = 0;
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[i] === '-a') {
      i++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[i] === '!' && i + 1 < args.length) {
      i++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = orExpr();
      if (args[i] !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    const b = args[i + 1];
    const c = args[i + 2];
    if (b !== undefined && c !== undefined && (Object.hasOwn(INT_OPS, b) || ['=', '==', '!=', '<', '>'].includes(b))) {
      i += 3;
      if (Object.hasOwn(INT_OPS, b)) return INT_OPS[b](int(a), int(c));
      if (b === '=' || b === '==') return a === c;
      if (b === '!=') return a !== c;
      return b === '<' ? a < c : a > c;
    }
    if ((a === '-z' || a === '-n') && b !== undefined) {
      i += 2;
      return a === '-z' ? b === '' : b !== '';
    }
    if (UNARY_FILE.has(a) && b !== undefined) {
      i += 2;
      return fileTest(ctx, a, b);
    }
    i++;
    return a !== '';
  };
  if (args.length === 0) return false;
  const v = orExpr();
  if (i < args.length) throw new TestError(`${args[i]}: unexpected operator`);
  return v;
}

export function makeTest(bracket: boolean): Program {
  return async (ctx) => {
    const name = bracket ? '[' : 'test';
    let args = ctx.argv.slice(1);
    if (bracket) {
      if (args[args.length - 1] !== ']') {
        ctx.io.stderr.write(`${name}: missing \`]'\n`);
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evaluate(ctx, args) ? 0 : 1;
    } catch (e) {
      ctx.io.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  };
}
