/**
 * Bind mounts on a real engine: before a container is created, every absolute
 * bind source is packed from the learner's (virtual) host filesystem and
 * written to the session's workspace on the server; afterwards each change
 * under a synced folder (an editor save, a shell redirect) is sent as it
 * happens, so the container sees it. The other way, `pull` asks the server
 * what containers changed in those folders (a source the daemon created,
 * files a container wrote) and applies it (workspace-apply.ts), without
 * sending it back.
 */
import type { HostConfig } from '../../api/container';
import type { FileSystem } from '../../api/fs';
import { type TarEntry, writeTar } from '../../lib/tar';
import type { WorkspaceApi } from '../protocol/workspace-api';
import { type ApplyResult, applyWorkspaceDiff, parseWorkspaceDiff } from './workspace-apply';

export interface WatchableFs extends FileSystem {
  onChange?(fn: (c: { path: string; action: string; from?: string }) => void): () => void;
}

const dirname = (p: string) => p.replace(/\/[^/]*$/, '') || '/';
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** the absolute host paths a create request binds */
export function bindSources(h: Partial<HostConfig> | undefined): string[] {
  const out: string[] = [];
  for (const b of h?.Binds ?? []) {
    const src = b.split(':')[0];
    if (src.startsWith('/')) out.push(src);
  }
  for (const m of h?.Mounts ?? []) if (m.Type === 'bind' && m.Source?.startsWith('/')) out.push(m.Source);
  return out;
}

/** the tar of `path` (a file or a tree) with names relative to its parent */
export function packPath(fs: FileSystem, path: string): Uint8Array {
  const entries: TarEntry[] = [];
  const walk = (abs: string, rel: string) => {
    const st = fs.lstat(abs);
    const base = { mode: st.mode & 0o7777, uid: 0, gid: 0, mtime: st.mtime };
    if (st.type === 'dir') {
      entries.push({ ...base, name: `${rel}/`, type: 'dir', size: 0 });
      for (const n of fs.readdir(abs)) walk(`${abs === '/' ? '' : abs}/${n}`, `${rel}/${n}`);
    } else if (st.type === 'file') {
      const data = fs.readFile(abs);
      entries.push({ ...base, name: rel, type: 'file', size: data.length, data });
    }
  };
  walk(path, basename(path) || '.');
  return writeTar(entries);
}

/** the most bind sources a session keeps in step (the oldest is let go past it) */
const MAX_ROOTS = 64;
/** diffs asked in a row while the server says there is more */
const MAX_ROUNDS = 16;

const normal = (p: string) => {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
};

export class WorkspaceSync {
  private readonly roots = new Set<string>();
  private off: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** set while a diff from the server is applied: those changes are not sent back */
  private applying = false;

  constructor(
    private readonly fs: WatchableFs,
    private readonly api: WorkspaceApi,
  ) {}

  /** send `paths` (each a file or tree) and keep them in step from now on */
  async sync(paths: string[]): Promise<void> {
    for (const raw of paths) {
      const p = normal(raw);
      if (p === '/') continue;
      // a source the learner does not have yet is made by the daemon, and comes back with pull()
      if (this.fs.exists(p)) await this.api.workspaceWrite(dirname(p), packPath(this.fs, p));
      this.roots.delete(p);
      this.roots.add(p);
      if (this.roots.size > MAX_ROOTS) this.roots.delete(this.roots.values().next().value as string);
    }
    if (!this.off && this.roots.size > 0 && this.fs.onChange) this.off = this.fs.onChange((c) => this.changed(c.path, c.from));
  }

  /** whether any folder is kept in step (a pull has something to ask) */
  get active(): boolean {
    return this.roots.size > 0;
  }

  /**
   * Bring what containers changed in the bind sources to the learner's host
   * filesystem. Waits for the learner's own changes to be sent first. Never
   * throws: a failed or garbled diff changes nothing.
   */
  pull(): Promise<ApplyResult | undefined> {
    if (this.roots.size === 0) return Promise.resolve(undefined);
    const run = async (): Promise<ApplyResult | undefined> => {
      const roots = [...this.roots];
      let total: ApplyResult | undefined;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const diff = parseWorkspaceDiff(await this.api.workspaceDiff(roots).catch(() => undefined));
        if (!diff) break;
        this.applying = true;
        let r: ApplyResult;
        try {
          r = applyWorkspaceDiff(this.fs, roots, diff);
        } finally {
          this.applying = false;
        }
        total = total ? { applied: total.applied + r.applied, skipped: [...total.skipped, ...r.skipped], refused: [...total.refused, ...r.refused] } : r;
        if (!diff.more) break;
      }
      return total;
    };
    const p = this.queue.then(run, run);
    this.queue = p.then(
      () => {},
      () => {},
    );
    return p.catch(() => undefined);
  }

  private changed(path: string, from?: string): void {
    if (this.applying) return;
    const inside = (p: string) => [...this.roots].some((r) => p === r || p.startsWith(`${r}/`));
    const send = (p: string) => {
      if (!inside(p)) return;
      this.queue = this.queue
        .then(() => (this.fs.exists(p) ? this.api.workspaceWrite(dirname(p), packPath(this.fs, p)) : this.api.workspaceRemove(p)))
        .catch(() => {});
    };
    if (from) send(from);
    send(path);
  }

  /** what is still being sent */
  flush(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
  }
}
