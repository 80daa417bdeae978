/**
 * Applying a workspace diff (what containers wrote into bind sources on the
 * server) to the learner's host filesystem, as a real host would show it:
 * new folders and files, changed contents and modes, removed entries. Entries
 * the containers made are owned by whoever made them there (root, mostly);
 * what the learner already has keeps its owner.
 *
 * The diff is checked first (its schema, with caps); then every path must be
 * an absolute, normalised path inside one of the roots that were asked for,
 * and no existing part of it below the root (nor the root itself) may be a
 * symbolic link on the learner's side, so nothing is written through a link.
 * A diff that fails the check changes nothing.
 */
import type { FileSystem } from '../../api/fs';
import { type WorkspaceDiff, workspaceDiffSchema } from '../protocol/workspace-api';

export interface ApplyResult {
  /** entries written or removed */
  applied: number;
  /** files the server would not copy (too large), with their sizes */
  skipped: { path: string; size: number }[];
  /** entries left alone, with why (a link in the way, outside the roots) */
  refused: string[];
}

const inside = (p: string, root: string) => p === root || p.startsWith(`${root}/`);

function isCleanAbsolute(p: string): boolean {
  return p.startsWith('/') && p.length > 1 && !p.endsWith('/') && !p.split('/').slice(1).some((s) => s === '' || s === '.' || s === '..') && !p.includes('\0');
}

/** the diff as received, or undefined when it is not a diff */
export function parseWorkspaceDiff(raw: unknown): WorkspaceDiff | undefined {
  const r = workspaceDiffSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}

export function applyWorkspaceDiff(fs: FileSystem, roots: string[], diff: WorkspaceDiff): ApplyResult {
  const result: ApplyResult = { applied: 0, skipped: diff.skipped.slice(), refused: [] };
  const rootOf = (p: string) => (isCleanAbsolute(p) ? roots.find((r) => inside(p, r)) : undefined);
  const lstat = (p: string) => {
    try {
      return fs.lstat(p);
    } catch {
      return undefined;
    }
  };
  /** no symbolic link at `p` or between its root and it (the root's own parents are the learner's) */
  const noLinkOnTheWay = (p: string, root: string) => {
    for (let q = p; ; q = q.slice(0, q.lastIndexOf('/'))) {
      if (lstat(q)?.type === 'symlink') return false;
      if (q === root || q.length <= root.length) return true;
    }
  };
  const guard = (p: string): boolean => {
    const root = rootOf(p);
    if (!root) {
      result.refused.push(`${p}: not inside a bind source`);
      return false;
    }
    if (!noLinkOnTheWay(p, root)) {
      result.refused.push(`${p}: a symbolic link is in the way`);
      return false;
    }
    return true;
  };

  for (const p of diff.removed) {
    if (!guard(p)) continue;
    const st = lstat(p);
    if (!st) continue;
    try {
      if (st.type === 'dir') fs.rmdir(p, { recursive: true });
      else fs.unlink(p);
      result.applied++;
    } catch (err) {
      result.refused.push(`${p}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const e of diff.changed) {
    if (!guard(e.path)) continue;
    const before = lstat(e.path);
    try {
      const parent = e.path.slice(0, e.path.lastIndexOf('/')) || '/';
      if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true });
      if (e.type === 'dir') {
        if (before && before.type !== 'dir') fs.unlink(e.path);
        if (before?.type !== 'dir') fs.mkdir(e.path, { mode: e.mode });
      } else {
        if (before?.type === 'dir') fs.rmdir(e.path, { recursive: true });
        fs.writeFile(e.path, e.data, e.mode);
      }
      fs.chmod(e.path, e.mode);
      if (!before || before.type !== e.type) fs.chown(e.path, e.uid, e.gid);
      fs.utimes(e.path, e.mtime);
      result.applied++;
    } catch (err) {
      result.refused.push(`${e.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return result;
}
