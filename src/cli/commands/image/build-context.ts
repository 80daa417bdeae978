/**
 * The docker CLI's side of `docker build` (docker/cli cli/command/image/build
 * context.go, 20.10): find the context directory and the Dockerfile on the
 * host, read .dockerignore, tar the context the way pkg/archive does (root
 * 0:0, type bits in the mode, excluded paths left out), or take the context
 * or the Dockerfile from stdin. Errors carry docker's texts; the caller adds
 * "unable to prepare context: ".
 */
import { FsError, type FileSystem, readContent, textDecoder, textEncoder } from '../../../api/fs';
import { type Content, contentSize, isLazy, materialize } from '../../../lib/content';
import { cleanPath, matchesPatterns, PatternMatcher, readDockerignore } from '../../../lib/dockerignore';
import { looksLikeTar, readTar, type TarEntry, writeTarContent } from '../../../lib/tar';

export class ContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContextError';
  }
}

const TAR_OPTS = { format: 'posix' as const, typeBitsInMode: true, blockingFactor: 1 };

export function absPath(cwd: string, p: string): string {
  return cleanPath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

/** filepath.EvalSymlinks: the error names the first missing component, as lstat does */
export function evalSymlinks(fs: FileSystem, path: string): string {
  const todo = path.split('/').filter((s) => s !== '');
  const done: string[] = [];
  let hops = 0;
  while (todo.length > 0) {
    const seg = todo.shift() as string;
    if (seg === '.') continue;
    if (seg === '..') {
      done.pop();
      continue;
    }
    const cur = `/${[...done, seg].join('/')}`;
    let st: ReturnType<FileSystem['lstat']>;
    try {
      st = fs.lstat(cur);
    } catch (err) {
      const text = err instanceof FsError ? err.text.toLowerCase() : 'no such file or directory';
      throw new ContextError(`lstat ${cur}: ${text}`);
    }
    if (st.type === 'symlink') {
      if (++hops > 255) throw new ContextError(`lstat ${cur}: too many links`);
      const target = fs.readlink(cur);
      if (target.startsWith('/')) done.length = 0;
      todo.unshift(...target.split('/').filter((s) => s !== ''));
      continue;
    }
    done.push(seg);
  }
  return `/${done.join('/')}`;
}

function relPath(base: string, target: string): string {
  if (target === base) return '.';
  if (target.startsWith(base === '/' ? '/' : `${base}/`)) return target.slice(base === '/' ? 1 : base.length + 1);
  const b = base.split('/').filter(Boolean);
  const t = target.split('/').filter(Boolean);
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  return [...b.slice(i).map(() => '..'), ...t.slice(i)].join('/');
}

/** GetContextFromLocalDir: the absolute context dir and the Dockerfile relative to it */
export function localContext(fs: FileSystem, cwd: string, dir: string, dockerfile: string): { contextDir: string; relDockerfile: string } {
  let contextDir: string;
  try {
    contextDir = evalSymlinks(fs, absPath(cwd, dir));
  } catch (err) {
    throw new ContextError(`unable to evaluate symlinks in context path: ${(err as Error).message}`);
  }
  if (fs.lstat(contextDir).type !== 'dir') throw new ContextError(`context must be a directory: ${contextDir}`);
  if (dockerfile === '-') return { contextDir, relDockerfile: '-' };
  let abs = dockerfile !== '' ? absPath(cwd, dockerfile) : `${contextDir === '/' ? '' : contextDir}/Dockerfile`;
  if (dockerfile === '' && !fs.exists(abs)) {
    const alt = `${contextDir === '/' ? '' : contextDir}/dockerfile`;
    if (fs.exists(alt)) abs = alt;
  }
  let real: string;
  try {
    real = evalSymlinks(fs, abs);
  } catch (err) {
    throw new ContextError(`unable to evaluate symlinks in Dockerfile path: ${(err as Error).message}`);
  }
  return { contextDir, relDockerfile: relPath(contextDir, real) };
}

/** ReadDockerignore */
export function readExcludes(fs: FileSystem, contextDir: string): string[] {
  const p = `${contextDir === '/' ? '' : contextDir}/.dockerignore`;
  if (!fs.exists(p)) return [];
  return readDockerignore(textDecoder.decode(fs.readFile(p)));
}

/** TrimBuildFilesFromExcludes: .dockerignore and the Dockerfile always go to the daemon */
export function keepBuildFiles(excludes: string[], relDockerfile: string, dockerfileFromStdin: boolean): string[] {
  const out = [...excludes];
  if (matchesPatterns('.dockerignore', out)) out.push('!.dockerignore');
  if (matchesPatterns(relDockerfile, out) && !dockerfileFromStdin) out.push(`!${relDockerfile}`);
  return out;
}

/** archive.TarWithOptions(contextDir, {ExcludePatterns, ChownOpts: 0:0}) */
export function tarDirectory(fs: FileSystem, contextDir: string, excludes: string[]): Content {
  let pm: PatternMatcher;
  try {
    pm = new PatternMatcher(excludes);
  } catch (err) {
    throw new ContextError(`error checking context: ${(err as Error).message}`);
  }
  const entries: TarEntry[] = [];
  const visit = (abs: string, rel: string) => {
    const st = fs.lstat(abs);
    if (rel !== '') {
      if (pm.matches(rel)) {
        if (st.type !== 'dir') return;
        if (!pm.exclusions) return;
        const dirSlash = `${rel}/`;
        if (!pm.patterns.some((p) => p.exclusion && `${p.cleaned}/`.startsWith(dirSlash))) return;
      } else entries.push(entryOf(fs, abs, rel, st));
    }
    if (st.type === 'dir') for (const name of fs.readdir(abs)) visit(`${abs === '/' ? '' : abs}/${name}`, rel === '' ? name : `${rel}/${name}`);
  };
  visit(contextDir, '');
  return writeTarContent(entries, TAR_OPTS);
}

function entryOf(fs: FileSystem, abs: string, rel: string, st: ReturnType<FileSystem['lstat']>): TarEntry {
  const base = { mode: st.mode & 0o7777, uid: 0, gid: 0, mtime: Math.floor(st.mtime / 1000) * 1000 };
  if (st.type === 'dir') return { ...base, name: `${rel}/`, type: 'dir', size: 0 };
  if (st.type === 'symlink') return { ...base, name: rel, type: 'symlink', size: 0, linkname: fs.readlink(abs) };
  const data = readContent(fs, abs);
  return { ...base, name: rel, type: 'file', size: contentSize(data), data };
}

/** IsArchive: a tar header, or the magic of a compressed stream */
export function isArchive(data: Content): boolean {
  const b = isLazy(data) ? data.read(0, 6) : data;
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return true;
  if (b.length >= 3 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return true;
  if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0x00) return true;
  try {
    return contentSize(data) >= 512 && looksLikeTar(data);
  } catch {
    return false;
  }
}

/** GetContextFromReader: stdin is the context tar, or a Dockerfile alone */
export function contextFromStdin(data: Content, dockerfileName: string, now: number): { tar: Content; relDockerfile: string } {
  if (isArchive(data)) return { tar: data, relDockerfile: dockerfileName };
  if (dockerfileName === '-') throw new ContextError('build context is not an archive');
  const entry: TarEntry = { name: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: Math.floor(now / 1000) * 1000, size: contentSize(data), data };
  return { tar: writeTarContent([entry], TAR_OPTS), relDockerfile: 'Dockerfile' };
}

/** AddDockerfileToBuildContext: the Dockerfile under a random name, listed in .dockerignore */
export function addDockerfile(tar: Content, dockerfile: Uint8Array, randomName: string, now: number): Content {
  const mtime = Math.floor(now / 1000) * 1000;
  const entries = readTar(tar);
  const tmpl = { type: 'file' as const, mode: 0o600, uid: 0, gid: 0, mtime };
  const ignoreIdx = entries.findIndex((e) => cleanPath(e.name) === '.dockerignore');
  const old = ignoreIdx >= 0 ? textDecoder.decode(materialize((entries[ignoreIdx] as TarEntry).data ?? new Uint8Array())) : '.dockerignore';
  const ignore = textEncoder.encode(`${old}\n${randomName}\n`);
  const ignoreEntry: TarEntry = ignoreIdx >= 0 ? { ...(entries[ignoreIdx] as TarEntry), size: ignore.length, data: ignore } : { ...tmpl, name: '.dockerignore', size: ignore.length, data: ignore };
  if (ignoreIdx >= 0) entries[ignoreIdx] = ignoreEntry;
  else entries.push(ignoreEntry);
  entries.push({ ...tmpl, name: randomName, size: dockerfile.length, data: dockerfile });
  return writeTarContent(entries, TAR_OPTS);
}
