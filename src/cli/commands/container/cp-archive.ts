/**
 * The host side of `docker cp` (docker/cli + moby pkg/archive copy rules):
 * CopyInfo of a source or destination, PrepareArchiveCopy's decision table
 * (extract into a directory, or rename the top entry to the destination's
 * name), tar of a host path and extraction onto the host filesystem. Texts
 * are pkg/archive's ("no such directory", "cannot copy directory", …).
 */
import type { FileSystem } from '../../../api/fs';
import { FsError } from '../../../api/fs';
import { memberPath, type TarEntry } from '../../../lib/tar';
import { CliError } from '../../framework/command';

export interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  rebaseName?: string;
}

/** SplitPathDirEntry: "/a/b/" → ["/a", "b"], "/a/b/." → ["/a/b", "."] */
export function splitPathDirEntry(path: string): [string, string] {
  let clean = path;
  if (clean.endsWith('/.')) return [clean.slice(0, -2) || '/', '.'];
  clean = clean.replace(/\/+$/, '') || '/';
  const i = clean.lastIndexOf('/');
  return [i <= 0 ? '/' : clean.slice(0, i), clean.slice(i + 1) || '/'];
}

const assertsDirectory = (p: string) => p.endsWith('/') || p.endsWith('/.');

function fsText(err: unknown): string {
  return err instanceof FsError ? err.text.toLowerCase() : String(err);
}

/** CopyInfoSourcePath: lstat the source (following a last-element link with -L) */
export function sourceInfo(fs: FileSystem, path: string, followLink: boolean): CopyInfo {
  const clean = path.replace(/\/\.?$/, '') || '/';
  let resolved = clean;
  let rebaseName: string | undefined;
  try {
    let st = fs.lstat(clean);
    if (followLink && st.type === 'symlink') {
      const target = fs.readlink(clean);
      resolved = target.startsWith('/') ? target : `${splitPathDirEntry(clean)[0]}/${target}`;
      rebaseName = splitPathDirEntry(clean)[1];
      st = fs.lstat(resolved);
    }
    if (assertsDirectory(path) && st.type !== 'dir') throw new CliError(`lstat ${path}: not a directory`);
    const finalPath = path.endsWith('/.') ? `${resolved}/.` : path.endsWith('/') ? `${resolved}/` : resolved;
    return { path: finalPath, exists: true, isDir: st.type === 'dir', rebaseName };
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`lstat ${clean}: ${fsText(err)}`);
  }
}

/** CopyInfoDestinationPath on the host: follows symlinks; a missing path needs an existing parent directory */
export function destinationInfo(fs: FileSystem, path: string): CopyInfo {
  const strip = (p: string) => p.replace(/\/\.?$/, '') || '/';
  let cur = path;
  for (let n = 0; ; n++) {
    let st: ReturnType<FileSystem['lstat']> | undefined;
    try {
      st = fs.lstat(strip(cur));
    } catch {
      st = undefined;
    }
    if (st && st.type !== 'symlink') {
      if (assertsDirectory(cur) && st.type !== 'dir') throw new CliError(`lstat ${cur}: not a directory`);
      return { path: cur, exists: true, isDir: st.type === 'dir' };
    }
    if (!st) {
      const [parent] = splitPathDirEntry(cur);
      let pst: ReturnType<FileSystem['stat']>;
      try {
        pst = fs.stat(parent);
      } catch (err) {
        throw new CliError(`stat ${parent}: ${fsText(err)}`);
      }
      if (pst.type !== 'dir') throw new CliError('not a directory');
      return { path: cur, exists: false, isDir: false };
    }
    if (n >= 10) throw new CliError(`too many symlinks in ${path}`);
    const target = fs.readlink(strip(cur));
    cur = target.startsWith('/') ? target : `${splitPathDirEntry(strip(cur))[0]}/${target}`;
  }
}

/**
 * RebaseArchiveEntries: the first occurrence of `from` in every member name
 * (and hard link target) becomes `to`, as strings.Replace(name, from, to, 1)
 * does ("./a.txt" with "." → "contents" gives "contents/a.txt"; "/" counts as "").
 */
export function rebaseEntries(entries: TarEntry[], from: string, to: string): TarEntry[] {
  if (from === to) return entries;
  const old = from === '/' ? '' : from;
  const replaceFirst = (s: string) => {
    const i = s.indexOf(old);
    return i < 0 ? s : `${s.slice(0, i)}${to}${s.slice(i + old.length)}`;
  };
  return entries.map((e) => ({
    ...e,
    name: replaceFirst(e.name),
    ...(e.type === 'hardlink' && e.linkname !== undefined ? { linkname: replaceFirst(e.linkname) } : {}),
  }));
}

/** PrepareArchiveCopy: the directory to extract into and the (renamed) members */
export function prepareArchiveCopy(entries: TarEntry[], src: CopyInfo, dst: CopyInfo): { dir: string; entries: TarEntry[] } {
  const [dstDir, dstBase] = splitPathDirEntry(dst.path);
  const srcBase = src.rebaseName ?? splitPathDirEntry(src.path)[1];
  if (dst.exists && dst.isDir) return { dir: dst.path.replace(/\/\.?$/, '') || '/', entries };
  if (dst.exists && src.isDir) throw new CliError('cannot copy directory');
  if (dst.exists || src.isDir) return { dir: dstDir, entries: rebaseEntries(entries, srcBase, dstBase) };
  if (assertsDirectory(dst.path)) throw new CliError('no such directory');
  return { dir: dstDir, entries: rebaseEntries(entries, srcBase, dstBase) };
}

/** a tar of a host path, its top entry named `name` (TarResource) */
export function hostEntries(fs: FileSystem, path: string, name: string, out: TarEntry[] = []): TarEntry[] {
  const st = fs.lstat(path);
  const owner = (id: number) => (id === 0 ? 'root' : '');
  const base = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, uname: owner(st.uid), gname: owner(st.gid), mtime: st.mtime };
  if (st.type === 'dir') {
    out.push({ ...base, name: name === '.' ? './' : `${name}/`, type: 'dir', size: 0 });
    for (const child of fs.readdir(path)) hostEntries(fs, path === '/' ? `/${child}` : `${path}/${child}`, `${name}/${child}`, out);
  } else if (st.type === 'symlink') {
    out.push({ ...base, name, type: 'symlink', size: 0, linkname: fs.readlink(path) });
  } else {
    const data = fs.readFile(path);
    out.push({ ...base, name, type: 'file', size: data.length, data });
  }
  return out;
}

/** Untar onto the host (NoLchown: the files belong to the user running docker) */
export function extractToHost(fs: FileSystem, dir: string, entries: TarEntry[]): void {
  for (const t of entries) {
    const rel = memberPath(t.name);
    if (!rel) continue;
    const dest = rel === '/' ? dir : dir === '/' ? rel : `${dir}${rel}`;
    if (rel === '/') continue;
    let prev: ReturnType<FileSystem['lstat']> | undefined;
    try {
      prev = fs.lstat(dest);
    } catch {
      prev = undefined;
    }
    if (prev && prev.type === 'dir' && t.type !== 'dir') throw new CliError(`cannot overwrite directory "${dest}" with non-directory "${dest}"`);
    if (prev && prev.type !== 'dir' && t.type === 'dir') throw new CliError(`cannot overwrite non-directory "${dest}" with directory "${dest}"`);
    try {
      if (t.type === 'dir') {
        if (!prev) fs.mkdir(dest, { recursive: true, mode: t.mode });
        fs.chmod(dest, t.mode);
      } else if (t.type === 'symlink') {
        if (prev) fs.unlink(dest);
        fs.symlink(t.linkname ?? '', dest);
        continue;
      } else if (t.type === 'file') {
        fs.writeFile(dest, t.data ?? new Uint8Array(t.size), t.mode);
        fs.chmod(dest, t.mode);
      } else {
        continue;
      }
      fs.utimes(dest, t.mtime);
    } catch (err) {
      throw new CliError(`open ${dest}: ${fsText(err)}`);
    }
  }
}
