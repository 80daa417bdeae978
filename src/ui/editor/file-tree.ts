/**
 * The file tree's view of the virtual host filesystem and its edits (new
 * file, new folder, rename, delete), as plain functions over FileSystem so
 * they are tested without a browser. Errors come back as codes the component
 * translates; nothing throws for bad input.
 */
import { type FileSystem, FsError } from '../../api/fs';
import { dirname, isValidName, join } from './paths';

export interface TreeEntry {
  name: string;
  path: string;
  type: 'file' | 'dir' | 'symlink';
}

export type TreeError = 'invalid-name' | 'exists' | 'not-found' | 'not-empty' | 'failed';

export type TreeResult = { ok: true; path: string } | { ok: false; error: TreeError };

/** a directory's entries: folders first, then files, each by name; [] when it cannot be read */
export function listDir(fs: FileSystem, dir: string): TreeEntry[] {
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  const entries: TreeEntry[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const st = fs.lstat(path);
      const type = st.type === 'symlink' && fs.exists(path) && fs.stat(path).type === 'dir' ? 'dir' : st.type;
      entries.push({ name, path, type });
    } catch {
      // vanished meanwhile
    }
  }
  return entries.sort((a, b) => (a.type === 'dir') === (b.type === 'dir') ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.type === 'dir' ? -1 : 1);
}

function failure(e: unknown): TreeResult {
  if (e instanceof FsError) {
    if (e.code === 'EEXIST') return { ok: false, error: 'exists' };
    if (e.code === 'ENOENT') return { ok: false, error: 'not-found' };
    if (e.code === 'ENOTEMPTY') return { ok: false, error: 'not-empty' };
  }
  return { ok: false, error: 'failed' };
}

export function createFile(fs: FileSystem, dir: string, name: string): TreeResult {
  if (!isValidName(name)) return { ok: false, error: 'invalid-name' };
  const path = join(dir, name);
  if (fs.exists(path)) return { ok: false, error: 'exists' };
  try {
    fs.writeFile(path, '', 0o644);
    return { ok: true, path };
  } catch (e) {
    return failure(e);
  }
}

export function createFolder(fs: FileSystem, dir: string, name: string): TreeResult {
  if (!isValidName(name)) return { ok: false, error: 'invalid-name' };
  const path = join(dir, name);
  if (fs.exists(path)) return { ok: false, error: 'exists' };
  try {
    fs.mkdir(path, { mode: 0o755 });
    return { ok: true, path };
  } catch (e) {
    return failure(e);
  }
}

/** rename within the same directory */
export function renameEntry(fs: FileSystem, path: string, newName: string): TreeResult {
  if (!isValidName(newName)) return { ok: false, error: 'invalid-name' };
  const to = join(dirname(path), newName);
  if (to === path) return { ok: true, path };
  if (fs.exists(to)) return { ok: false, error: 'exists' };
  try {
    fs.rename(path, to);
    return { ok: true, path: to };
  } catch (e) {
    return failure(e);
  }
}

/** files, symlinks, and folders with everything in them */
export function deleteEntry(fs: FileSystem, path: string): TreeResult {
  try {
    const st = fs.lstat(path);
    if (st.type === 'dir') fs.rmdir(path, { recursive: true });
    else fs.unlink(path);
    return { ok: true, path };
  } catch (e) {
    return failure(e);
  }
}

/** after a rename or delete of `from`: where an open file at `p` now lives (undefined: gone) */
export function movedPath(p: string, from: string, to: string | undefined): string | undefined {
  if (p === from) return to;
  if (p.startsWith(`${from}/`)) return to === undefined ? undefined : `${to}${p.slice(from.length)}`;
  return p;
}
