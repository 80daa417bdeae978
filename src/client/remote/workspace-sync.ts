/**
 * Bind mounts on a real engine: before a container is created, every absolute
 * bind source is packed from the learner's (virtual) host filesystem and
 * written to the session's workspace on the server; afterwards each change
 * under a synced folder (an editor save, a shell redirect) is sent as it
 * happens, so the container sees it.
 */
import type { HostConfig } from '../../api/container';
import type { FileSystem } from '../../api/fs';
import { type TarEntry, writeTar } from '../../lib/tar';
import type { WorkspaceApi } from '../protocol/workspace-api';

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

export class WorkspaceSync {
  private readonly roots = new Set<string>();
  private off: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly fs: WatchableFs,
    private readonly api: WorkspaceApi,
  ) {}

  /** send `paths` (each a file or tree) and keep them in step from now on */
  async sync(paths: string[]): Promise<void> {
    for (const p of paths) {
      if (!this.fs.exists(p)) continue;
      await this.api.workspaceWrite(dirname(p), packPath(this.fs, p));
      this.roots.add(p);
    }
    if (!this.off && this.roots.size > 0 && this.fs.onChange) this.off = this.fs.onChange((c) => this.changed(c.path, c.from));
  }

  private changed(path: string, from?: string): void {
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
