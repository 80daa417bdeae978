/** cat, mkdir, rmdir, touch, rm, cp, mv, ln, chmod (GNU texts on the host, busybox texts in containers) */
import { type FileSystem, FsError } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { baseName, joinPath } from '../vfs/path';
import { abs, errText, isBusybox, parseArgs, readInputs, usageError } from './util';

export const cat: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'uAn');
  if ('error' in a) return usageError(ctx, a.error);
  let failed = false;
  for (const file of a.operands.length ? a.operands : ['-']) {
    if (file === '-' && !a.flags.has('n')) {
      for (let chunk = await ctx.io.stdin.read(); chunk !== null; chunk = await ctx.io.stdin.read()) {
        ctx.io.stdout.write(chunk);
        // into a full pipe: wait for its reader, as write(2) would
        const full = ctx.io.stdout.drain?.();
        if (full) await full;
      }
      continue;
    }
    const r = await readInputs(ctx, [file]);
    failed ||= r.failed;
    const inp = r.inputs[0];
    if (!inp) continue;
    if (a.flags.has('n')) {
      const text = new TextDecoder().decode(inp.data);
      const ls = text.split('\n');
      const last = ls.pop();
      ctx.io.stdout.write(ls.map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('') + (last ? `${String(ls.length + 1).padStart(6)}\t${last}` : ''));
    } else ctx.io.stdout.write(inp.data);
  }
  return failed ? 1 : 0;
};

function missing(ctx: ProgramContext, _name: string): number {
  return usageError(ctx, 'missing operand');
}

export const mkdir: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'pv', 'm', { parents: 'p' });
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length === 0) return missing(ctx, 'mkdir');
  let status = 0;
  for (const d of a.operands) {
    try {
      const p = abs(ctx, d);
      if (a.flags.has('p')) {
        if (ctx.fs.exists(p) && ctx.fs.stat(p).type !== 'dir') throw new FsError('EEXIST', p);
        ctx.fs.mkdir(p, { recursive: true });
      } else ctx.fs.mkdir(p);
    } catch (e) {
      ctx.io.stderr.write(isBusybox(ctx) ? `mkdir: can't create directory '${d}': ${errText(e)}\n` : `mkdir: cannot create directory '${d}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rmdir: Program = async (ctx) => {
  let status = 0;
  const ops = ctx.argv.slice(1).filter((x) => !x.startsWith('-'));
  if (ops.length === 0) return missing(ctx, 'rmdir');
  for (const d of ops) {
    try {
      ctx.fs.rmdir(abs(ctx, d));
    } catch (e) {
      ctx.io.stderr.write(isBusybox(ctx) ? `rmdir: '${d}': ${errText(e)}\n` : `rmdir: failed to remove '${d}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const touch: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'acm');
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length === 0) return missing(ctx, 'touch');
  let status = 0;
  for (const f of a.operands) {
    const p = abs(ctx, f);
    try {
      if (ctx.fs.exists(p)) ctx.fs.utimes(p, ctx.clock.now());
      else if (!a.flags.has('c')) ctx.fs.writeFile(p, new Uint8Array(0));
    } catch (e) {
      ctx.io.stderr.write(isBusybox(ctx) ? `touch: ${f}: ${errText(e)}\n` : `touch: cannot touch '${f}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

function removeTree(fs: FileSystem, p: string): void {
  const st = fs.lstat(p);
  if (st.type === 'dir') fs.rmdir(p, { recursive: true });
  else fs.unlink(p);
}

export const rm: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'rRfiv', '', { recursive: 'r', force: 'f' });
  if ('error' in a) return usageError(ctx, a.error);
  const force = a.flags.has('f');
  const recursive = a.flags.has('r') || a.flags.has('R');
  if (a.operands.length === 0) return force ? 0 : missing(ctx, 'rm');
  let status = 0;
  const bb = isBusybox(ctx);
  for (const f of a.operands) {
    const p = abs(ctx, f);
    try {
      const st = ctx.fs.lstat(p);
      if (st.type === 'dir' && !recursive) {
        ctx.io.stderr.write(bb ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`);
        status = 1;
        continue;
      }
      if (p === '/') {
        ctx.io.stderr.write(bb ? "rm: can't remove '/'\n" : "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        status = 1;
        continue;
      }
      removeTree(ctx.fs, p);
    } catch (e) {
      if (force && e instanceof FsError && e.code === 'ENOENT') continue;
      ctx.io.stderr.write(bb ? `rm: can't remove '${f}': ${errText(e)}\n` : `rm: cannot remove '${f}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

/** copy `src` to `dst` (recursively for directories), keeping modes */
export function copyTree(fs: FileSystem, src: string, dst: string): void {
  const st = fs.lstat(src);
  if (st.type === 'symlink') {
    if (fs.exists(dst)) fs.unlink(dst);
    fs.symlink(st.target ?? '', dst);
  } else if (st.type === 'dir') {
    if (!fs.exists(dst)) fs.mkdir(dst, { mode: st.mode });
    for (const n of fs.readdir(src)) copyTree(fs, joinPath(src, n), joinPath(dst, n));
  } else {
    fs.writeFile(dst, fs.readFile(src).slice(), st.mode);
  }
}

async function copyOrMove(ctx: ProgramContext, move: boolean): Promise<number> {
  const name = move ? 'mv' : 'cp';
  const a = parseArgs(ctx.argv.slice(1), move ? 'fiunv' : 'rRapfivdL', '', { recursive: 'r', force: 'f' });
  if ('error' in a) return usageError(ctx, a.error);
  const bb = isBusybox(ctx);
  if (a.operands.length === 0) return missing(ctx, name);
  if (a.operands.length === 1) return usageError(ctx, `missing destination file operand after '${a.operands[0]}'`);
  const dest = a.operands[a.operands.length - 1];
  const sources = a.operands.slice(0, -1);
  const destAbs = abs(ctx, dest);
  const destIsDir = ctx.fs.exists(destAbs) && ctx.fs.stat(destAbs).type === 'dir';
  if (sources.length > 1 && !destIsDir) {
    ctx.io.stderr.write(bb ? `${name}: '${dest}' is not a directory\n` : `${name}: target '${dest}' is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const s of sources) {
    const src = abs(ctx, s);
    const target = destIsDir ? joinPath(destAbs, baseName(src)) : destAbs;
    try {
      const st = ctx.fs.lstat(src);
      if (move) {
        ctx.fs.rename(src, target);
        continue;
      }
      if (st.type === 'dir' && !(a.flags.has('r') || a.flags.has('R') || a.flags.has('a'))) {
        ctx.io.stderr.write(bb ? `cp: omitting directory '${s}'\n` : `cp: -r not specified; omitting directory '${s}'\n`);
        status = 1;
        continue;
      }
      if (st.type === 'dir' && (target + '/').startsWith(src + '/')) {
        ctx.io.stderr.write(`cp: cannot copy a directory, '${s}', into itself, '${dest}'\n`);
        status = 1;
        continue;
      }
      copyTree(ctx.fs, src, target);
    } catch (e) {
      const verb = e instanceof FsError && e.code === 'ENOENT' && !ctx.fs.exists(src) ? 'stat' : move ? 'move' : 'create';
      ctx.io.stderr.write(bb ? `${name}: can't ${verb === 'move' ? 'rename' : verb} '${s}': ${errText(e)}\n` : `${name}: cannot ${verb} '${verb === 'stat' ? s : dest}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export const cp: Program = (ctx) => copyOrMove(ctx, false);
export const mv: Program = (ctx) => copyOrMove(ctx, true);

export const ln: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'sfnv');
  if ('error' in a) return usageError(ctx, a.error);
  if (!a.flags.has('s')) {
    ctx.io.stderr.write('ln: hard links are not supported in Dockyard; use ln -s\n');
    return 1;
  }
  const [target, link] = a.operands;
  if (target === undefined) return missing(ctx, 'ln');
  let p = abs(ctx, link ?? baseName(target));
  if (ctx.fs.exists(p) && ctx.fs.stat(p).type === 'dir') p = joinPath(p, baseName(target));
  try {
    if (a.flags.has('f') && ctx.fs.exists(p)) ctx.fs.unlink(p);
    ctx.fs.symlink(target, p);
    return 0;
  } catch (e) {
    ctx.io.stderr.write(`ln: failed to create symbolic link '${link ?? baseName(target)}': ${errText(e)}\n`);
    return 1;
  }
};

export const chmod: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const recursive = args.some((x) => x === '-R' || x === '--recursive');
  const [mode, ...files] = args.filter((x) => x !== '-R' && x !== '--recursive' && x !== '-f' && x !== '-v');
  if (mode === undefined) return missing(ctx, 'chmod');
  if (files.length === 0) return usageError(ctx, `missing operand after '${mode}'`);
  const bb = isBusybox(ctx);
  let status = 0;
  const apply = (p: string, shown: string) => {
    try {
      const st = ctx.fs.stat(p);
      let next: number;
      try {
        next = applyMode(st.mode, mode);
      } catch {
        ctx.io.stderr.write(bb ? `chmod: invalid mode '${mode}'\n` : `chmod: invalid mode: '${mode}'\nTry 'chmod --help' for more information.\n`);
        status = 1;
        return false;
      }
      ctx.fs.chmod(p, next);
      if (recursive && st.type === 'dir' && ctx.fs.lstat(p).type === 'dir') {
        for (const n of ctx.fs.readdir(p)) if (!apply(joinPath(p, n), shown.endsWith('/') ? shown + n : `${shown}/${n}`)) return false;
      }
    } catch (e) {
      if (bb) ctx.io.stderr.write(`chmod: ${shown}: ${errText(e)}\n`);
      else if (e instanceof FsError && e.code === 'ENOENT') ctx.io.stderr.write(`chmod: cannot access '${shown}': ${errText(e)}\n`);
      else ctx.io.stderr.write(`chmod: changing permissions of '${shown}': ${errText(e)}\n`);
      status = 1;
    }
    return true;
  };
  for (const f of files) if (!apply(abs(ctx, f), f)) break;
  return status;
};

/** octal modes and symbolic ones like u+x, a-w, go=r, +x */
export function applyMode(cur: number, spec: string): number {
  if (/^[0-7]+$/.test(spec)) return Number.parseInt(spec, 8);
  let mode = cur;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
    if (!m) throw new FsError('EINVAL', spec);
    const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
    let bits = 0;
    for (const w of who) {
      const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
      for (const p of m[3]) bits |= (p === 'r' ? 4 : p === 'w' ? 2 : 1) << shift;
    }
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else {
      let clear = 0;
      for (const w of who) clear |= 7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
      mode = (mode & ~clear) | bits;
    }
  }
  return mode;
}
