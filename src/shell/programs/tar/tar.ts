/** tar -c/-x/-t [-v] [-f FILE|-] [-C DIR] [paths…] over the virtual filesystem */
import { type Content, type FileSystem, readContent } from '../../../api/fs';
import { readAllContent, writeContentTo } from '../../../api/io';
import { contentSize, gunzipped, gzipContent, isLazy, materialize, zeros } from '../../../lib/content';
import { gunzipBytes, gzipBytes } from '../gzip';
import type { Program, ProgramContext } from '../../interpreter/types';
import { joinPath, normalizePath, resolvePath } from '../../vfs/path';
import { modeString } from '../ls';
import { abs, errText, isBusybox, usageError } from '../util';
import { readTar, type TarEntry, TarFormatError, writeTarContent } from '../../../lib/tar';

interface TarOpts {
  mode?: 'c' | 'x' | 't';
  verbose: boolean;
  file?: string;
  dir?: string;
  gzip: boolean;
  /** --strip-components=N: leading path elements dropped from member names on extraction */
  strip: number;
  paths: string[];
}

const LONG_FLAGS: Record<string, string> = { create: 'c', extract: 'x', get: 'x', list: 't', verbose: 'v', gzip: 'z', gunzip: 'z', ungzip: 'z' };

function parse(args: string[]): TarOpts | string {
  const o: TarOpts = { verbose: false, gzip: false, strip: 0, paths: [] };
  const rest = [...args];
  if (rest[0] && !rest[0].startsWith('-')) rest[0] = `-${rest[0]}`;
  while (rest.length) {
    const a = rest.shift() as string;
    if (a === '--') {
      o.paths.push(...rest);
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      o.paths.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const flag = LONG_FLAGS[name];
      if (flag !== undefined && eq < 0) {
        rest.unshift(`-${flag}`);
        continue;
      }
      if (name === 'strip-components' || name === 'file' || name === 'directory') {
        const v = eq >= 0 ? a.slice(eq + 1) : rest.shift();
        if (v === undefined) return `option '--${name}' requires an argument`;
        if (name === 'file') o.file = v;
        else if (name === 'directory') o.dir = v;
        else if (!/^\d+$/.test(v)) return `${v}: Invalid number of elements`;
        else o.strip = Number(v);
        continue;
      }
      return `unrecognized option '${a}'`;
    }
    for (let i = 1; i < a.length; i++) {
      const c = a[i];
      if (c === 'c' || c === 'x' || c === 't') {
        if (o.mode && o.mode !== c) return "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option";
        o.mode = c;
      } else if (c === 'v') o.verbose = true;
      else if (c === 'z') o.gzip = true;
      else if (c === 'f' || c === 'C') {
        const v = i + 1 < a.length ? a.slice(i + 1) : rest.shift();
        if (v === undefined) return `option requires an argument -- '${c}'`;
        if (c === 'f') o.file = v;
        else o.dir = v;
        break;
      } else if (c !== 'p' && c !== 'o') return `invalid option -- '${c}'`;
    }
  }
  return o;
}

function collect(fs: FileSystem, base: string, name: string, out: TarEntry[]): void {
  const p = resolvePath(base, name);
  const st = fs.lstat(p);
  const common = { mode: st.mode, uid: st.uid, gid: st.gid, uname: st.uid === 0 ? 'root' : '', gname: st.gid === 0 ? 'root' : '', mtime: st.mtime };
  if (st.type === 'dir') {
    out.push({ ...common, name: name.endsWith('/') ? name : `${name}/`, type: 'dir', size: 0 });
    for (const n of fs.readdir(p)) collect(fs, base, name === '.' ? n : `${name.replace(/\/$/, '')}/${n}`, out);
  } else if (st.type === 'symlink') out.push({ ...common, name, type: 'symlink', size: 0, linkname: st.target ?? '' });
  else {
    const data = readContent(fs, p);
    out.push({ ...common, name, type: 'file', size: contentSize(data), data });
  }
}

function verboseLine(e: TarEntry): string {
  const st = { type: e.type === 'dir' ? 'dir' : e.type === 'symlink' ? 'symlink' : 'file', mode: e.mode } as const;
  const d = new Date(e.mtime);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
  const owner = `${e.uname || e.uid}/${e.gname || e.gid}`;
  const link = e.type === 'symlink' ? ` -> ${e.linkname}` : e.type === 'hardlink' ? ` link to ${e.linkname}` : '';
  return `${modeString({ ...st, uid: e.uid, gid: e.gid, size: e.size, mtime: 0 })} ${owner} ${String(e.size).padStart(Math.max(1, 19 - owner.length))} ${when} ${e.name}${link}`;
}

/** a member name without its first `n` elements ("" when nothing is left) */
function stripped(name: string, n: number): string {
  const rel = normalizePath(name).slice(1);
  return n === 0 ? rel : rel.split('/').slice(n).join('/');
}

function extract(ctx: ProgramContext, entries: TarEntry[], dir: string, verbose: boolean, strip = 0): void {
  for (const e of entries) {
    const rel = stripped(e.name, strip);
    if (rel === '') continue;
    const p = joinPath(dir, rel);
    if (verbose) ctx.io.stdout.write(`${e.name}\n`);
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (!ctx.fs.exists(parent)) ctx.fs.mkdir(parent, { recursive: true });
    if (e.type === 'dir') {
      if (!ctx.fs.exists(p)) ctx.fs.mkdir(p, { mode: e.mode });
    } else {
      if (ctx.fs.exists(p) || isLink(ctx.fs, p)) ctx.fs.unlink(p);
      if (e.type === 'symlink') ctx.fs.symlink(e.linkname ?? '', p);
      else if (e.type === 'hardlink') ctx.fs.writeFile(p, readContent(ctx.fs, joinPath(dir, stripped(e.linkname ?? '', strip))));
      else if (e.type === 'file') ctx.fs.writeFile(p, e.data ?? zeros(e.size), e.mode);
      else continue;
    }
    try {
      if (e.type !== 'symlink') ctx.fs.utimes(p, e.mtime);
    } catch {
      // keep going: times are cosmetic
    }
  }
}

function isLink(fs: FileSystem, p: string): boolean {
  try {
    return fs.lstat(p).type === 'symlink';
  } catch {
    return false;
  }
}

export const tar: Program = async (ctx) => {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') return usageError(ctx, o);
  if (!o.mode) return usageError(ctx, "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
  const dir = o.dir ? abs(ctx, o.dir) : ctx.cwd;
  try {
    if (o.mode === 'c') {
      if (o.paths.length === 0) {
        ctx.io.stderr.write(isBusybox(ctx) ? 'tar: empty archive\n' : 'tar: Cowardly refusing to create an empty archive\n');
        if (!isBusybox(ctx)) ctx.io.stderr.write("Try 'tar --help' or 'tar --usage' for more information.\n");
        return 2;
      }
      const entries: TarEntry[] = [];
      for (const p of o.paths) collect(ctx.fs, dir, p, entries);
      if (o.verbose) ctx.io.stderr.write(entries.map((e) => `${e.name}\n`).join(''));
      const archive = writeTarContent(entries, isBusybox(ctx) ? { format: 'gnu' } : { format: 'gnu', blockingFactor: 20 });
      // -z: a lazy archive (large synthetic files) gets a lazy gzip file, a small one real deflate
      const data = !o.gzip ? archive : isLazy(archive) ? gzipContent(archive, { mtime: 0 }) : gzipBytes(archive);
      if (!o.file || o.file === '-') await writeContentTo(ctx.io.stdout, data);
      else ctx.fs.writeFile(abs(ctx, o.file), data);
      return 0;
    }
    let data: Content;
    if (!o.file || o.file === '-') data = await readAllContent(ctx.io.stdin);
    else {
      try {
        data = readContent(ctx.fs, abs(ctx, o.file));
      } catch (e) {
        ctx.io.stderr.write(isBusybox(ctx) ? `tar: can't open '${o.file}': ${errText(e)}\n` : `tar: ${o.file}: Cannot open: ${errText(e)}\ntar: Error is not recoverable: exiting now\n`);
        return 2;
      }
    }
    if (o.gzip) {
      const inner = gunzipped(data);
      if (inner) data = inner;
      else {
        try {
          data = gunzipBytes(materialize(data));
        } catch (e) {
          const why = (e as Error).message;
          ctx.io.stderr.write(isBusybox(ctx) ? 'tar: invalid magic\n' : `\ngzip: stdin: ${why}\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n`);
          return 2;
        }
      }
    }
    const entries = readTar(data);
    if (o.mode === 't') ctx.io.stdout.write(entries.map((e) => `${o.verbose ? verboseLine(e) : e.name}\n`).join(''));
    else extract(ctx, entries, dir, o.verbose, o.strip);
    return 0;
  } catch (e) {
    if (e instanceof TarFormatError) {
      ctx.io.stderr.write(isBusybox(ctx) ? 'tar: invalid tar magic\n' : 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n');
      return 2;
    }
    ctx.io.stderr.write(`tar: ${errText(e)}\n`);
    return 2;
  }
};
