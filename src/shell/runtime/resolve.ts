/**
 * Finding programs inside a container: PATH lookup in the container's
 * filesystem, then our implementation chosen by the resolved file (busybox
 * applets by name, bash, dash, the stand-ins, shebang scripts).
 */
import type { FileSystem } from '../../api/fs';
import { textDecoder } from '../../api/fs';
import { ExecError } from '../../api/runtime';
import type { ProgramResolver, Resolved } from '../interpreter/state';
import type { Program } from '../interpreter/types';
import { texts } from '../i18n';
import { ping, pingIputils } from '../programs/container-tools';
import { BUSYBOX_APPLETS, GNU_BINARIES } from '../programs/program-tables';
import { apk } from '../programs/pkg/apk';
import { apt, aptGet } from '../programs/pkg/apt';
import { yum } from '../programs/pkg/yum';
import { make } from '../programs/make/make';
import { ar, gcc, ranlib } from '../programs/toolchain';
import { df, id, kill, uname } from '../programs/sysinfo';
import { wgetBusybox, wgetGnu } from '../programs/wget';
import { flavored } from '../programs/flavor';
import { makeEcho } from '../programs/echo';
import { makeScriptRunner, makeShellProgram, shebang } from '../programs/script';
import { AccessFs, mayAccess } from '../vfs/access-fs';
import { baseName, dirName, joinPath, resolvePath } from '../vfs/path';
import { curl } from '../programs/curl';
import { makeEditor } from '../programs/editor';
import { httpd } from '../programs/httpd';
import { nginxBinary } from './standins/nginx';
import { mongodBinary, redisBinary } from './standins/servers';
import { hello, registry } from './standins/services';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const resolverFor = (ctx: { fs: FileSystem }) => containerResolver(ctx.fs);
const bash = makeShellProgram(resolverFor, { flavor: 'bash', saveHistory: true });
const dash = makeShellProgram(resolverFor, { flavor: 'dash' });
const ash = makeShellProgram(resolverFor, { flavor: 'ash' });

/** vi, vim, nano: the container's editor host (ContainerInfo.editor) shows the file */
const editor = makeEditor();

/** busybox applets we implement (the applet's words, whatever the image) */
const APPLETS: Record<string, Program> = { ...flavored({ ...BUSYBOX_APPLETS, echo: makeEcho(false), sh: ash, ash, ping, httpd, wget: wgetBusybox, id, uname, df, kill }, 'busybox'), vi: editor };

/** binaries (not scripts) of the images, by file name: GNU's tools where an image ships them */
const BINARIES: Record<string, Program> = {
  ...flavored(GNU_BINARIES, 'gnu'),
  hello,
  registry,
  nginx: nginxBinary,
  'redis-server': redisBinary,
  mongod: mongodBinary,
  curl,
  wget: wgetGnu,
  ping: pingIputils,
  'apt-get': aptGet,
  make,
  gcc,
  cc: gcc,
  'gcc-6': gcc,
  'x86_64-linux-gnu-gcc-6': gcc,
  ar,
  ranlib,
  apt,
  apk,
  yum,
  vim: editor,
  'vim.basic': editor,
  'vim.tiny': editor,
  vi: editor,
  nano: editor,
};

const unsupportedCache = new Map<string, Program>();
function unsupported(name: string): Program {
  let p = unsupportedCache.get(name);
  if (!p) {
    p = async (ctx) => {
      ctx.io.stderr.write(texts(ctx.lang).unsupported(name));
      return 1;
    };
    unsupportedCache.set(name, p);
  }
  return p;
}

/** follow a chain of symlinks; returns the final path (or the last resolvable one) */
function finalTarget(fs: FileSystem, path: string): string {
  let p = path;
  for (let i = 0; i < 40; i++) {
    let st: ReturnType<FileSystem['lstat']>;
    try {
      st = fs.lstat(p);
    } catch {
      return p;
    }
    if (st.type !== 'symlink' || st.target === undefined) return p;
    p = resolvePath(dirName(p), st.target);
  }
  return p;
}

/**
 * which implementation runs the executable at `path` (invoked under `path`'s own name).
 * A script (shebang) runs as written in our shell, whatever its name; `script`
 * is then its interpreter line ("/bin/sh"), which the process table shows first.
 */
export function implementationFor(fs: FileSystem, path: string): { program: Program; script?: string[] } {
  const real = finalTarget(fs, path);
  const name = baseName(real);
  if (name === 'busybox') {
    const applet = baseName(path);
    return { program: (Object.hasOwn(APPLETS, applet) ? APPLETS[applet] : undefined) ?? unsupported(applet) };
  }
  if (name === 'bash') return { program: bash };
  if (name === 'dash') return { program: dash };
  try {
    if (fs.stat(real).size < 65536) {
      const words = shebangWords(textDecoder.decode(fs.readFile(real).subarray(0, 256)));
      if (words !== undefined) return { program: scriptRunner(fs, words[0]), script: words };
    }
  } catch {
    // unreadable: treated as a binary
  }
  const program: Program | undefined = Object.hasOwn(BINARIES, name) ? BINARIES[name] : undefined;
  return { program: program ?? unsupported(baseName(path)) };
}

/** "#!/bin/sh" → ["/bin/sh"], "#!/usr/bin/env bash" → ["/usr/bin/env", "bash"] */
function shebangWords(text: string): string[] | undefined {
  const first = shebang(text);
  if (first === undefined) return undefined;
  const line = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1).replace(/^#!\s*/, '').trim();
  const m = /^(\S+)(?:\s+(.*))?$/.exec(line);
  return m?.[2] ? [m[1], m[2].trim()] : [first];
}

export function programFor(fs: FileSystem, path: string): Program {
  return implementationFor(fs, path).program;
}

function scriptRunner(fs: FileSystem, interpreter: string): Program {
  const target = baseName(finalTarget(fs, interpreter));
  const flavor = target === 'bash' ? 'bash' : target === 'dash' ? 'dash' : 'ash';
  return makeScriptRunner(resolverFor, flavor);
}

/** a script found by PATH gets its full path as $0, as the kernel passes it to the interpreter */
function withPath(p: Program, path: string): Program {
  return (ctx) => p({ ...ctx, argv: [path, ...ctx.argv.slice(1)] });
}

type Lookup = { path: string } | { error: 'not-found' | 'no-such-file' | 'permission-denied' | 'is-dir' };

export function lookupExecutable(fs: FileSystem, name: string, env: Record<string, string>, cwd: string): Lookup {
  const check = (p: string): Lookup => {
    try {
      const st = fs.stat(p);
      if (st.type === 'dir') return { error: 'is-dir' };
      if ((st.mode & 0o111) === 0) return { error: 'permission-denied' };
      const creds = AccessFs.credentialsOf(fs);
      if (creds && !mayAccess(st, creds, 1)) return { error: 'permission-denied' };
      return { path: p };
    } catch {
      return { error: 'no-such-file' };
    }
  };
  if (name.includes('/')) return check(resolvePath(cwd, name));
  if (name === '') return { error: 'not-found' };
  let denied = false;
  for (const dir of (env.PATH ?? DEFAULT_PATH).split(':')) {
    const r = check(joinPath(resolvePath(cwd, dir || '.'), name));
    if ('path' in r) return r;
    if (r.error === 'permission-denied') denied = true;
  }
  return { error: denied ? 'permission-denied' : 'not-found' };
}

function resolveUncached(fs: FileSystem, name: string, env: Record<string, string>, cwd: string): Resolved {
  const r = lookupExecutable(fs, name, env, cwd);
  if ('path' in r) {
    const impl = implementationFor(fs, r.path);
    if (!impl.script) return { kind: 'program', program: impl.program, path: r.path };
    return { kind: 'program', program: withPath(impl.program, r.path), path: r.path, interpreter: impl.script };
  }
  return { kind: 'error', status: r.error === 'not-found' || r.error === 'no-such-file' ? 127 : 126, reason: r.error };
}

/**
 * What names resolved to in a filesystem, kept while its generation stays the
 * same (FileSystem.generation): a loop running `sleep 1` looks PATH up once,
 * and `apt-get install curl` (a change) makes the next `curl` look again.
 */
interface ResolveCache {
  generation: number;
  /** by name (the parsed command's own string: no key is built per lookup), one entry per PATH and working directory */
  entries: Map<string, CacheEntry[]>;
  size: number;
}

interface CacheEntry {
  path: string;
  cwd: string;
  resolved: Resolved;
}

/** names kept per filesystem at most (a loop over generated names must not grow it without end) */
const CACHE_MAX = 256;
const caches = new WeakMap<FileSystem, ResolveCache>();

function cacheOf(fs: FileSystem): ResolveCache | undefined {
  const g = fs.generation?.();
  // untracked, or a part that cannot tell (NaN): look up every time
  if (g === undefined || Number.isNaN(g)) return undefined;
  let c = caches.get(fs);
  if (c === undefined) {
    c = { generation: g, entries: new Map(), size: 0 };
    caches.set(fs, c);
  } else if (c.generation !== g) {
    c.generation = g;
    c.entries.clear();
    c.size = 0;
  }
  return c;
}

/** resolve `name` as a container's shell does: PATH lookup, then the implementation of the file found */
export function resolveInContainer(fs: FileSystem, name: string, env: Record<string, string>, cwd: string): Resolved {
  const c = cacheOf(fs);
  if (c === undefined) return resolveUncached(fs, name, env, cwd);
  // relative PATH entries and names with a slash depend on the working directory
  const path = env.PATH ?? DEFAULT_PATH;
  let list = c.entries.get(name);
  if (list !== undefined) {
    for (const e of list) if (e.path === path && e.cwd === cwd) return e.resolved;
  }
  const resolved = resolveUncached(fs, name, env, cwd);
  if (c.size >= CACHE_MAX) {
    c.entries.clear();
    c.size = 0;
    list = undefined;
  }
  if (list === undefined) {
    list = [];
    c.entries.set(name, list);
  }
  list.push({ path, cwd, resolved });
  c.size++;
  return resolved;
}

export function containerResolver(fs: FileSystem): ProgramResolver {
  return { resolve: (name, env, cwd) => resolveInContainer(fs, name, env, cwd) };
}

/** runc's message for a program that cannot be started */
export function execError(name: string, reason: 'not-found' | 'no-such-file' | 'permission-denied' | 'is-dir', path: string): ExecError {
  if (reason === 'not-found') return new ExecError('not-found', `exec: "${name}": executable file not found in $PATH`);
  if (reason === 'no-such-file') return new ExecError('no-such-file', `exec: "${name}": stat ${path}: no such file or directory`);
  return new ExecError('permission-denied', `exec: "${name}": permission denied`);
}
