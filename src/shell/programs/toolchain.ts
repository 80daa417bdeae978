/**
 * The C toolchain of Debian's gcc and binutils packages, as far as a build
 * needs it: gcc/cc compile each .c named to a .o (-c) or link objects,
 * archives and sources into a program (-o, default a.out); ar collects
 * objects into an archive, ranlib indexes one. Nothing is parsed or run: the
 * outputs are synthetic contents whose seed and size follow from the inputs,
 * so the same build makes the same files. Errors in gcc's and binutils' words.
 */
import { type Content, readContent } from '../../api/fs';
import { contentSize, synthetic } from '../../lib/content';
import type { Program, ProgramContext } from '../interpreter/types';
import { abs } from './util';

/** options of gcc that take the next word as their value */
const WITH_VALUE = new Set(['-o', '-I', '-L', '-D', '-U', '-include', '-isystem', '-x', '-MF', '-MT', '-MQ', '-Xlinker', '-imacros']);

function stat(ctx: ProgramContext, path: string): Content | undefined {
  try {
    const p = abs(ctx, path);
    if (ctx.fs.stat(p).type !== 'file') return undefined;
    return readContent(ctx.fs, p);
  } catch {
    return undefined;
  }
}

function write(ctx: ProgramContext, path: string, seed: string, size: number, mode: number): string | undefined {
  try {
    ctx.fs.writeFile(abs(ctx, path), synthetic(seed, Math.max(1, Math.round(size))), mode);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export const gcc: Program = async (ctx) => {
  const name = (ctx.argv[0] ?? 'gcc').slice((ctx.argv[0] ?? 'gcc').lastIndexOf('/') + 1);
  const err = (s: string) => ctx.io.stderr.write(`${name}: ${s}\n`);
  const args = ctx.argv.slice(1);
  let output: string | undefined;
  let compileOnly = false;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c') compileOnly = true;
    else if (a === '-o') output = args[++i];
    else if (a === '--version') {
      ctx.io.stdout.write(`${name} (Debian 6.3.0-18+deb9u1) 6.3.0 20170516\nCopyright (C) 2016 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n`);
      return 0;
    } else if (a === '-E' || a === '-S' || a === '-M' || a === '-MM') {
      err(`the ${a} option is not simulated`);
      return 1;
    } else if (WITH_VALUE.has(a)) i++;
    else if (a.startsWith('-')) continue;
    else inputs.push(a);
  }
  if (inputs.length === 0) {
    ctx.io.stderr.write(`${name}: fatal error: no input files\ncompilation terminated.\n`);
    return 1;
  }
  const found: { path: string; content: Content }[] = [];
  let missing = false;
  for (const f of inputs) {
    const c = stat(ctx, f);
    if (!c) {
      err(`error: ${f}: No such file or directory`);
      missing = true;
    } else found.push({ path: f, content: c });
  }
  if (missing) return 1;
  if (compileOnly && output !== undefined && found.length > 1) {
    ctx.io.stderr.write(`${name}: fatal error: cannot specify -o with -c, -S or -E with multiple files\ncompilation terminated.\n`);
    return 1;
  }
  const sources = found.filter((f) => /\.c$/.test(f.path));
  if (compileOnly) {
    for (const s of sources) {
      const out = output ?? s.path.slice(s.path.lastIndexOf('/') + 1).replace(/\.c$/, '.o');
      // an object with debug information weighs about what its source does
      const failure = write(ctx, out, `cc1 ${s.path} ${contentSize(s.content)}`, contentSize(s.content) * 1.1 + 1200, 0o644);
      if (failure) {
        ctx.io.stderr.write(`Assembler messages:\nFatal error: can't create ${out}: ${failure}\n`);
        return 1;
      }
    }
    return 0;
  }
  const size = found.reduce((n, f) => n + contentSize(f.content) * (/\.c$/.test(f.path) ? 1.1 : 0.85), 8_000);
  const out = output ?? 'a.out';
  const failure = write(ctx, out, `ld ${out} ${found.map((f) => `${f.path}:${contentSize(f.content)}`).join(' ')}`, size, 0o755);
  if (failure) {
    ctx.io.stderr.write(`/usr/bin/ld: cannot open output file ${out}: ${failure}\ncollect2: error: ld returned 1 exit status\n`);
    return 1;
  }
  return 0;
};

/** ar (binutils): r/q add members (c: silently create the archive), s writes the index, t lists */
export const ar: Program = async (ctx) => {
  const [ops, archive, ...members] = ctx.argv.slice(1);
  if (!ops || !archive) {
    ctx.io.stderr.write('Usage: ar [emulation options] [-]{dmpqrstx}[abcDfilMNoPsSTuvV] [--plugin <name>] [member-name] [count] archive-file file...\n');
    return 1;
  }
  const mode = ops.replace(/^-/, '');
  const existing = stat(ctx, archive);
  if (mode.includes('t')) {
    if (!existing) {
      ctx.io.stderr.write(`ar: ${archive}: No such file or directory\n`);
      return 1;
    }
    return 0;
  }
  let size = existing ? contentSize(existing) : 8;
  for (const m of members) {
    const c = stat(ctx, m);
    if (!c) {
      ctx.io.stderr.write(`ar: ${m}: No such file or directory\n`);
      return 1;
    }
    size += 60 + contentSize(c) + (contentSize(c) % 2);
  }
  if (!existing && !mode.includes('c')) ctx.io.stderr.write(`ar: creating ${archive}\n`);
  const failure = write(ctx, archive, `ar ${archive} ${members.join(' ')} ${size}`, size, 0o644);
  if (failure) {
    ctx.io.stderr.write(`ar: ${archive}: ${failure}\n`);
    return 1;
  }
  return 0;
};

export const ranlib: Program = async (ctx) => {
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  for (const f of files) {
    if (!stat(ctx, f)) {
      ctx.io.stderr.write(`ranlib: '${f}': No such file\n`);
      return 1;
    }
  }
  return 0;
};
