/**
 * The session's workspace on the server's disk: <workspace>/host mirrors the
 * learner's host folders that bind mounts use. Files are written in place
 * (same inode), so a container that has the folder mounted sees each edit.
 * Only plain files and directories are materialised (no symlinks, devices or
 * hard links), every name is checked to stay inside, and the workspace has a
 * byte cap. What containers write there comes back as a diff (workspace-diff.ts).
 */
import { materialize } from '../../lib/content';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { DaemonError } from '../../api/errors';
import type { WorkspaceApi } from '../../client/protocol/workspace-api';
import { iterateTar } from '../../lib/tar';
import type { WorkspacePaths } from '../policy/workspace-paths';
import { WorkspaceLedger } from './workspace-diff';

export function createWorkspace(paths: WorkspacePaths, capBytes: number): WorkspaceApi {
  const used = () => du(paths.hostRoot);
  const ledger = new WorkspaceLedger(paths);
  return {
    async workspaceWrite(dir, tar) {
      const base = paths.map(dir);
      if (used() + tar.length > capBytes) throw new DaemonError('Forbidden', `the session's workspace is full (${Math.round(capBytes / 1024 / 1024)} MiB)`);
      mkdirSync(base, { recursive: true });
      const written: string[] = [];
      for (const e of iterateTar(tar)) {
        const name = posix.normalize(e.name).replace(/\/+$/, '');
        if (name === '.' || name === '') continue;
        if (name.startsWith('/') || name === '..' || name.startsWith('../')) throw new DaemonError('Forbidden', `a workspace path outside ${dir}: ${e.name}`);
        // the real path is checked by map() (symlinks in the workspace cannot exist: none are written)
        const target = paths.map(posix.join(dir, name));
        if (e.type === 'dir') {
          if (existsSync(target) && !lstatSync(target).isDirectory()) rmSync(target, { force: true });
          mkdirSync(target, { recursive: true, mode: e.mode || 0o755 });
        } else if (e.type === 'file') {
          mkdirSync(posix.dirname(target), { recursive: true });
          if (existsSync(target) && lstatSync(target).isDirectory()) rmSync(target, { recursive: true, force: true });
          writeFileSync(target, e.data ? materialize(e.data) : new Uint8Array(e.size), { mode: e.mode || 0o644 });
        } else continue;
        written.push(posix.join(dir, name));
      }
      for (const p of written) ledger.recordWrite(p);
    },
    async workspaceRemove(path) {
      const target = paths.map(path);
      if (target === paths.hostRoot) throw new DaemonError('Forbidden', 'removing the whole workspace');
      rmSync(target, { recursive: true, force: true });
      ledger.recordRemove(posix.normalize(path).replace(/\/+$/, ''));
    },
    async workspaceDiff(roots) {
      return ledger.diff(roots);
    },
  };
}

function du(root: string): number {
  if (!existsSync(root)) return 0;
  let total = 0;
  const walk = (p: string) => {
    for (const e of readdirSync(p, { withFileTypes: true })) {
      const full = posix.join(p, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) total += statSync(full).size;
    }
  };
  walk(root);
  return total;
}
