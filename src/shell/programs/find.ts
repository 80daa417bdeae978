/**
 * find [PATH…] [EXPRESSION] (GNU findutils and busybox): tests -name -iname
 * -path -ipath -type -size -empty -newer -mtime -mmin -user -group -uid -gid
 * -perm -regex, actions -print -print0 -printf -exec … \; / + -delete -prune
 * -quit, operators ! -not -a -and -o -or ( ), options -maxdepth -mindepth
 * -depth -xdev -L. Directory entries come in the filesystem's order.
 */
import { type FileStat, FsError } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { baseName, joinPath } from '../vfs/path';
import { nameTables } from './accounts';
import { globToRegex } from './glob-match';
import { abs, errText, isBusybox } from './util';

interface Visit {
  path: string;
  shown: string;
  st: FileStat;
  depth: number;
}

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; expr: Node }
  | { kind: 'test'; run: (v: Visit) => boolean | Promise<boolean>; action?: boolean };

class FindError extends Error {}

/** bytes a file takes on disk as find, du and stat count them: a directory is one 4 KiB block */
export function apparentSize(st: FileStat): number {
  return st.type === 'dir' ? 4096 : st.size;
}

/** "+N", "-N", "N" against a value */
function compareNum(spec: string, value: number, unit = 1): boolean {
  const m = /^([+-]?)(\d+)$/.exec(spec);
  if (!m) throw new FindError(`invalid argument \`${spec}'`);
  const n = Number(m[2]);
  const v = Math.ceil(value / unit);
  return m[1] === '+' ? v > n : m[1] === '-' ? v < n : v === n;
}

const SIZE_UNITS: Record<string, number> = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1024 * 1024, G: 1024 * 1024 * 1024 };

interface State {
  ctx: ProgramContext;
  out: string[];
  maxdepth: number;
  mindepth: number;
  depthFirst: boolean;
  printed: boolean;
  status: number;
  quit: boolean;
  pendingBatches: { argv: string[]; paths: string[] }[];
}

function parseExpression(args: string[], s: State): Node | undefined {
  let i = 0;
  const ctx = s.ctx;
  const bb = isBusybox(ctx);
  const next = (opt: string): string => {
    const v = args[i++];
    if (v === undefined) throw new FindError(bb ? `${opt}: requires an argument` : `missing argument to \`${opt}'`);
    return v;
  };
  const primary = (): Node => {
    const a = args[i++];
    if (a === '(') {
      const e = or();
      if (args[i++] !== ')') throw new FindError(bb ? 'unrecognized: (' : 'invalid expression; I was expecting to find a \')\' somewhere but did not see one.');
      return e;
    }
    if (a === '!' || a === '-not') return { kind: 'not', expr: primary() };
    const test = (run: (v: Visit) => boolean | Promise<boolean>, action = false): Node => ({ kind: 'test', run, action });
    switch (a) {
      case '-name':
      case '-iname': {
        const re = globToRegex(next(a), a === '-iname');
        return test((v) => re.test(v.shown === '/' ? '/' : baseName(v.shown)));
      }
      case '-path':
      case '-wholename':
      case '-ipath':
      case '-iwholename': {
        const re = globToRegex(next(a), a.startsWith('-i'));
        return test((v) => re.test(v.shown));
      }
      case '-regex':
      case '-iregex': {
        const re = new RegExp(`^(?:${next(a)})$`, a === '-iregex' ? 'i' : '');
        return test((v) => re.test(v.shown));
      }
      case '-type': {
        const t = next(a);
        const want = t === 'f' ? 'file' : t === 'd' ? 'dir' : t === 'l' ? 'symlink' : undefined;
        if (!want && !'bcps'.includes(t)) throw new FindError(bb ? `invalid argument '${t}' to '-type'` : `Unknown argument to -type: ${t}`);
        return test((v) => v.st.type === want);
      }
      case '-size': {
        const spec = next(a);
        const m = /^([+-]?\d+)([bcwkMG]?)$/.exec(spec);
        if (!m) throw new FindError(bb ? `invalid argument '${spec}' to '-size'` : `invalid -size type \`${spec.slice(-1)}'`);
        return test((v) => compareNum(m[1], apparentSize(v.st), SIZE_UNITS[m[2]]));
      }
      case '-empty':
        return test((v) => (v.st.type === 'dir' ? ctx.fs.readdir(v.path).length === 0 : v.st.type === 'file' && v.st.size === 0));
      case '-newer': {
        const ref = next(a);
        let t: number;
        try {
          t = ctx.fs.stat(abs(ctx, ref)).mtime;
        } catch (e) {
          throw new FindError(bb ? `${ref}: ${errText(e)}` : `‘${ref}’: ${errText(e)}`);
        }
        return test((v) => v.st.mtime > t);
      }
      case '-mtime':
      case '-mmin': {
        const spec = next(a);
        const unit = a === '-mtime' ? 86_400_000 : 60_000;
        return test((v) => {
          const age = Math.floor((ctx.clock.now() - v.st.mtime) / unit);
          const m = /^([+-]?)(\d+)$/.exec(spec);
          if (!m) return false;
          return m[1] === '+' ? age > Number(m[2]) : m[1] === '-' ? age < Number(m[2]) : age === Number(m[2]);
        });
      }
      case '-user':
      case '-group': {
        const name = next(a);
        const t = nameTables(ctx);
        const id = /^\d+$/.test(name) ? Number(name) : a === '-user' ? t.uidOf(name) : t.gidOf(name);
        if (id === undefined) throw new FindError(bb ? `unknown ${a.slice(1)} '${name}'` : `‘${name}’ is not the name of a known ${a.slice(1)}`);
        return test((v) => (a === '-user' ? v.st.uid : v.st.gid) === id);
      }
      case '-uid':
      case '-gid': {
        const spec = next(a);
        return test((v) => compareNum(spec, a === '-uid' ? v.st.uid : v.st.gid));
      }
      case '-perm': {
        const spec = next(a);
        const m = /^([-/+]?)([0-7]+)$/.exec(spec);
        if (!m) throw new FindError(`invalid mode \`${spec}'`);
        const mode = Number.parseInt(m[2], 8);
        return test((v) => (m[1] === '-' ? (v.st.mode & mode) === mode : m[1] ? (v.st.mode & mode) !== 0 || mode === 0 : (v.st.mode & 0o7777) === mode));
      }
      case '-true':
        return test(() => true);
      case '-false':
        return test(() => false);
      case '-maxdepth':
      case '-mindepth': {
        const n = next(a);
        if (!/^\d+$/.test(n)) throw new FindError(bb ? `invalid number '${n}'` : `Expected a positive decimal integer argument to ${a}, but got ‘${n}’`);
        if (a === '-maxdepth') s.maxdepth = Number(n);
        else s.mindepth = Number(n);
        return test(() => true);
      }
      case '-depth':
      case '-d':
        s.depthFirst = true;
        return test(() => true);
      case '-xdev':
      case '-mount':
      case '-follow':
      case '-noleaf':
        return test(() => true);
      case '-print':
        s.printed = true;
        return test((v) => {
          s.out.push(`${v.shown}\n`);
          return true;
        }, true);
      case '-print0':
        s.printed = true;
        return test((v) => {
          s.out.push(`${v.shown}\0`);
          return true;
        }, true);
      case '-printf': {
        const fmt = next(a);
        s.printed = true;
        return test((v) => {
          s.out.push(printfFind(ctx, fmt, v));
          return true;
        }, true);
      }
      case '-prune':
        return test((v) => {
          (v as Visit & { prune?: boolean }).prune = true;
          return true;
        });
      case '-quit':
        return test(() => {
          s.quit = true;
          return true;
        });
      case '-delete':
        s.printed = true;
        s.depthFirst = true;
        return test((v) => {
          try {
            if (v.st.type === 'dir') ctx.fs.rmdir(v.path);
            else ctx.fs.unlink(v.path);
            return true;
          } catch (e) {
            ctx.io.stderr.write(bb ? `find: ${v.shown}: ${errText(e)}\n` : `find: cannot delete ‘${v.shown}’: ${errText(e)}\n`);
            s.status = 1;
            return false;
          }
        }, true);
      case '-exec':
      case '-ok':
      case '-execdir': {
        const cmd: string[] = [];
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && args[i - 1] === '{}')) cmd.push(args[i++]);
        const end = args[i++];
        if (end === undefined || cmd.length === 0) throw new FindError(bb ? `-exec CMD must end by ';' or '+'` : `missing argument to \`${a}'`);
        s.printed = true;
        if (end === '+') {
          const batch = { argv: cmd, paths: [] as string[] };
          s.pendingBatches.push(batch);
          return test((v) => {
            batch.paths.push(v.shown);
            return true;
          }, true);
        }
        return test(async (v) => {
          const argv = cmd.map((c) => c.split('{}').join(v.shown));
          await flush(s);
          const status = await ctx.exec(argv, ctx.io);
          if (status === 127 && !ctx.lookup(argv[0])) {
            ctx.io.stderr.write(bb ? `find: ${argv[0]}: No such file or directory\n` : `find: ‘${argv[0]}’: No such file or directory\n`);
            s.status = 1;
          }
          return status === 0;
        }, true);
      }
      default:
        throw new FindError(a?.startsWith('-') ? (bb ? `unrecognized: ${a}` : `unknown predicate \`${a}'`) : bb ? `unrecognized: ${a}` : `paths must precede expression: \`${a}'`);
    }
  };
  const and = (): Node => {
    let left = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')' && args[i] !== ',') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  if (args.length === 0) return undefined;
  const e = or();
  if (i < args.length) throw new FindError(bb ? `unrecognized: ${args[i]}` : `unexpected extra predicate '${args[i]}'`);
  return e;
}

async function evaluate(n: Node, v: Visit): Promise<boolean> {
  switch (n.kind) {
    case 'and':
      return (await evaluate(n.left, v)) && evaluate(n.right, v);
    case 'or':
      return (await evaluate(n.left, v)) || evaluate(n.right, v);
    case 'not':
      return !(await evaluate(n.expr, v));
    case 'test':
      return n.run(v);
  }
}

function printfFind(ctx: ProgramContext, fmt: string, v: Visit): string {
  const t = nameTables(ctx);
  return fmt
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/%([pfhsmugMTy%])/g, (_m, c: string) => {
      switch (c) {
        case 'p':
          return v.shown;
        case 'f':
          return baseName(v.shown);
        case 'h': {
          const i = v.shown.lastIndexOf('/');
          return i < 0 ? '.' : v.shown.slice(0, i) || '/';
        }
        case 's':
          return String(apparentSize(v.st));
        case 'm':
          return (v.st.mode & 0o7777).toString(8);
        case 'u':
          return t.user(v.st.uid) ?? String(v.st.uid);
        case 'g':
          return t.group(v.st.gid) ?? String(v.st.gid);
        case 'y':
          return v.st.type === 'dir' ? 'd' : v.st.type === 'symlink' ? 'l' : 'f';
        case '%':
          return '%';
      }
      return '';
    });
}

async function flush(s: State): Promise<void> {
  if (s.out.length) {
    s.ctx.io.stdout.write(s.out.join(''));
    s.out = [];
  }
}

export const find: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const bb = isBusybox(ctx);
  let i = 0;
  while (args[i] === '-L' || args[i] === '-H' || args[i] === '-P') i++;
  const paths: string[] = [];
  while (i < args.length && !(args[i].startsWith('-') && args[i].length > 1) && args[i] !== '!' && args[i] !== '(') paths.push(args[i++]);
  const s: State = { ctx, out: [], maxdepth: Number.POSITIVE_INFINITY, mindepth: 0, depthFirst: false, printed: false, status: 0, quit: false, pendingBatches: [] };
  let expr: Node | undefined;
  try {
    expr = parseExpression(args.slice(i), s);
  } catch (e) {
    ctx.io.stderr.write(`find: ${(e as Error).message}\n`);
    return 1;
  }
  const print = !s.printed;
  const walk = async (path: string, shown: string, depth: number): Promise<void> => {
    if (s.quit) return;
    let st: FileStat;
    try {
      st = ctx.fs.lstat(path);
    } catch (e) {
      ctx.io.stderr.write(bb ? `find: ${shown}: ${errText(e)}\n` : `find: ‘${shown}’: ${errText(e)}\n`);
      s.status = 1;
      return;
    }
    const v: Visit & { prune?: boolean } = { path, shown, st, depth };
    const visit = async () => {
      if (depth < s.mindepth) return;
      const ok = expr ? await evaluate(expr, v) : true;
      if (ok && print) s.out.push(`${shown}\n`);
      if (s.out.length > 256) await flush(s);
    };
    if (!s.depthFirst) await visit();
    if (st.type === 'dir' && depth < s.maxdepth && !v.prune) {
      let names: string[] = [];
      try {
        names = ctx.fs.readdir(path);
      } catch (e) {
        await flush(s);
        const text = e instanceof FsError ? e.text : errText(e);
        ctx.io.stderr.write(bb ? `find: ${shown}: ${text}\n` : `find: ‘${shown}’: ${text}\n`);
        s.status = 1;
      }
      for (const n of names) await walk(joinPath(path, n), shown.endsWith('/') ? shown + n : `${shown}/${n}`, depth + 1);
    }
    if (s.depthFirst) await visit();
  };
  for (const p of paths.length ? paths : ['.']) await walk(abs(ctx, p), p, 0);
  await flush(s);
  for (const b of s.pendingBatches) {
    if (b.paths.length === 0) continue;
    const argv = b.argv.flatMap((c) => (c === '{}' ? b.paths : [c]));
    const status = await ctx.exec(argv, ctx.io);
    if (status !== 0) s.status = 1;
  }
  return s.status;
};
