/** grep [-ivncEFoqlhHrwx] [-e PATTERN] PATTERN [FILE]… */
import type { Program } from '../interpreter/types';
import type { FileStat, FileSystem } from '../../api/fs';
import { joinPath } from '../vfs/path';
import { toJsRegex } from './regex';
import { abs, decode, errText, isBusybox, lines, linkTarget, parseArgs, usageError } from './util';

/** every -e PATTERN / -ePATTERN / --regexp=PATTERN, in order (parseArgs keeps only the last) */
function patternOptions(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === '-e' && i + 1 < args.length) out.push(args[++i]);
    else if (a.startsWith('--regexp=')) out.push(a.slice(9));
    else if (/^-[^-]/.test(a)) {
      // a cluster such as -ne PATTERN or -iePATTERN
      const j = a.indexOf('e');
      const before = a.slice(1, j < 0 ? a.length : j);
      if (j > 0 && !/[ABCm]/.test(before)) out.push(j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ''));
      else if (/^-[ABCm]$/.test(a)) i++;
    }
  }
  return out;
}

/** at most this many files in one walk: busybox -R goes round a loop of links until the kernel's ELOOP, twice as many times for two loops */
const MAX_WALK = 100_000;

/** a path with every link along it resolved */
function realPath(fs: FileSystem, p: string): string {
  let out = '/';
  for (const part of p.split('/')) if (part) out = linkTarget(fs, joinPath(out, part));
  return out;
}

export const grep: Program = async (ctx) => {
  const name = ctx.argv[0].replace(/^.*\//, '');
  const a = parseArgs(ctx.argv.slice(1), 'ivncEFoqslLhHrRwx', 'eABCm', {
    'ignore-case': 'i',
    'invert-match': 'v',
    count: 'c',
    'line-number': 'n',
    quiet: 'q',
    recursive: 'r',
    'after-context': 'A',
    'before-context': 'B',
    context: 'C',
    'files-with-matches': 'l',
    'files-without-match': 'L',
    'max-count': 'm',
    'extended-regexp': 'E',
    'fixed-strings': 'F',
    'only-matching': 'o',
    'word-regexp': 'w',
    'line-regexp': 'x',
    'no-filename': 'h',
    'with-filename': 'H',
  });
  if ('error' in a) return usageError(ctx, a.error);
  const f = a.flags;
  const ops = [...a.operands];
  const given = patternOptions(ctx.argv.slice(1));
  const patterns = given.length ? given : ops.length ? [ops.shift() as string] : undefined;
  if (!patterns) {
    ctx.io.stderr.write(isBusybox(ctx) ? 'BusyBox: grep: missing pattern\n' : `Usage: ${name} [OPTION]... PATTERNS [FILE]...\nTry '${name} --help' for more information.\n`);
    return 2;
  }
  const extended = f.has('E') || name === 'egrep';
  const fixed = f.has('F') || name === 'fgrep';
  let src = patterns
    .flatMap((p) => p.split('\n'))
    .map((p) => (fixed ? p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : toJsRegex(p, extended)))
    .join('|');
  if (f.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (f.has('x')) src = `^(?:${src})$`;
  let re: RegExp;
  try {
    re = new RegExp(src, f.has('i') ? 'gi' : 'g');
  } catch {
    ctx.io.stderr.write(`${name}: Invalid regular expression\n`);
    return 2;
  }
  /** the files to read in order; `quiet`: a link found by -r that leads nowhere, reported without failing (busybox) */
  let files: { name: string; quiet?: boolean; error?: unknown }[] = ops.map((name) => ({ name }));
  let failed = false;
  /** -r names the files when an operand is a directory (one file operand is read as without -r) */
  let walkedDir = false;
  if (f.has('r') || f.has('R')) {
    // grep -r follows an operand that is a link; below it, GNU grep skips every link and busybox
    // reads a link to a file but not one to a directory; -R follows every link. An entry that
    // cannot be read is reported in its place while the walk goes on (busybox: a link that leads
    // nowhere does not change the status)
    const busybox = isBusybox(ctx);
    const expanded: typeof files = [];
    const follow = f.has('R');
    /** the directories being walked, as their links resolve (GNU grep -R stops at a loop) */
    const open = new Set<string>();
    const walk = (p: string, shown: string, top: boolean) => {
      if (expanded.length >= MAX_WALK) return;
      let st: FileStat;
      try {
        st = top || follow ? ctx.fs.stat(p) : ctx.fs.lstat(p);
        if (st.type === 'symlink') {
          if (!busybox) return;
          st = ctx.fs.stat(p);
        }
      } catch {
        expanded.push({ name: shown, quiet: !top && busybox });
        return;
      }
      if (st.type !== 'dir') expanded.push({ name: shown });
      else if (top || follow || ctx.fs.lstat(p).type === 'dir') {
        if (top) walkedDir = true;
        let names: string[];
        try {
          names = ctx.fs.readdir(p);
        } catch (error) {
          expanded.push({ name: shown, error });
          return;
        }
        const real = follow && !busybox ? realPath(ctx.fs, p) : '';
        if (real && open.has(real)) {
          ctx.io.stderr.write(`${name}: ${shown}: warning: recursive directory loop\n`);
          return;
        }
        if (real) open.add(real);
        for (const n of names) walk(joinPath(p, n), shown.endsWith('/') ? shown + n : `${shown}/${n}`, false);
        open.delete(real);
      }
    };
    for (const o of ops.length ? ops : ['.']) walk(abs(ctx, o), o, true);
    files = expanded;
  }
  const showNames = f.has('H') || (!f.has('h') && (files.length > 1 || walkedDir));
  const ctxNum = (k: string): number | undefined => {
    const v = a.values.get(k) ?? a.values.get('C');
    return v === undefined ? undefined : Number(v);
  };
  const after = ctxNum('A') ?? 0;
  const before = ctxNum('B') ?? 0;
  const maxCount = a.values.has('m') ? Number(a.values.get('m')) : Number.POSITIVE_INFINITY;
  for (const [k, v] of [
    ['A', after],
    ['B', before],
    ['m', maxCount],
  ] as const) {
    if (Number.isNaN(v) || v < 0) {
      ctx.io.stderr.write(isBusybox(ctx) ? `${name}: invalid number '${a.values.get(k) ?? a.values.get('C')}'\n` : `${name}: ${a.values.get(k) ?? a.values.get('C')}: invalid ${k === 'm' ? 'max count' : 'context length argument'}\n`);
      return 2;
    }
  }
  const withContext = (after > 0 || before > 0) && !f.has('o');
  let matched = false;
  let out = '';
  /** the lines of each file, read once however many links lead to it (busybox's applet links in /bin) */
  const linesOf = new Map<string, string[]>();
  const cannotRead = (file: string, e: unknown) => ctx.io.stderr.write(`${name}: ${file}: ${errText(e)}\n`);
  for (const entry of files.length ? files : [{ name: '-' }]) {
    const file = entry.name;
    if (entry.error !== undefined) {
      cannotRead(file, entry.error);
      failed = true;
      continue;
    }
    let all: string[];
    if (file === '-') all = lines(decode(await ctx.io.stdin.readAll()));
    else {
      try {
        const p = abs(ctx, file);
        if (ctx.fs.stat(p).type === 'dir') {
          ctx.io.stderr.write(`${name}: ${file}: Is a directory\n`);
          continue;
        }
        const key = linkTarget(ctx.fs, p);
        const known = linesOf.get(key);
        if (known) all = known;
        else {
          all = lines(decode(ctx.fs.readFile(p)));
          linesOf.set(key, all);
        }
      } catch (e) {
        cannotRead(file, e);
        if (!entry.quiet) failed = true;
        continue;
      }
    }
    const label = file === '-' ? '(standard input)' : file;
    let count = 0;
    /** the last line printed (context separators "--" go between groups) */
    let lastShown = -1;
    let afterLeft = 0;
    const show = (idx: number, sep: ':' | '-') => {
      if (withContext && lastShown >= 0 && idx > lastShown + 1) out += '--\n';
      out += `${showNames ? `${label}${sep}` : ''}${f.has('n') ? `${idx + 1}${sep}` : ''}${all[idx]}\n`;
      lastShown = idx;
    };
    for (let idx = 0; idx < all.length; idx++) {
      const line = all[idx];
      re.lastIndex = 0;
      const hit = count < maxCount && re.test(line) !== f.has('v');
      if (!hit) {
        if (afterLeft > 0 && !(f.has('q') || f.has('l') || f.has('L') || f.has('c'))) {
          show(idx, '-');
          afterLeft--;
        }
        if (count >= maxCount && afterLeft === 0) break;
        continue;
      }
      count++;
      matched = true;
      // -q, -l and -L need one matching line: the rest of the file is not read
      if (f.has('q') || f.has('l') || f.has('L')) break;
      if (f.has('c')) continue;
      if (f.has('o') && !f.has('v')) {
        const prefix = (showNames ? `${label}:` : '') + (f.has('n') ? `${idx + 1}:` : '');
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix}${m[0]}\n`;
        continue;
      }
      for (let b = Math.max(lastShown + 1, idx - before); b < idx; b++) show(b, '-');
      show(idx, ':');
      afterLeft = after;
    }
    if (f.has('c') && !f.has('q')) out += showNames ? `${label}:${count}\n` : `${count}\n`;
    if (f.has('l') && count > 0 && !f.has('q')) out += `${label}\n`;
    if (f.has('L') && count === 0 && !f.has('q')) out += `${label}\n`;
    if (f.has('q') && matched) break;
  }
  ctx.io.stdout.write(out);
  if (failed && !(f.has('q') && matched)) return f.has('s') ? 2 : 2;
  return matched ? 0 : 1;
};
