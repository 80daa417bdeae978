/**
 * The texts the editor's tabs show, wherever they live: host files straight
 * from the sandbox's filesystem, files inside containers through the archive
 * API (GET /containers/{id}/archive to read, PUT to write, as `docker cp`
 * does, so `docker diff` shows the edit). One SessionDocuments per sandbox
 * session (documentsFor), shared by the editor host (vi/vim/nano) and the
 * editor pane.
 */
import { GO_MODE_DIR } from '../../api/archive';
import { EditError } from '../../api/editor';
import { ClientError } from '../../api/errors';
import { textEncoder } from '../../api/fs';
import { readTar, writeTar } from '../../lib/tar';
import type { SandboxSession } from '../../store/contract';
import { containerKey, parseKey } from './document-keys';
import { basename, dirname } from './paths';

interface ContainerFile {
  bytes: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
}

export interface DocumentStore {
  exists(key: string): boolean;
  /** the file's bytes; throws when it cannot be read */
  read(key: string): Uint8Array;
  /** write the text; a container's file is written asynchronously (the promise) */
  write(key: string, text: string): void | Promise<void>;
  isDirectory(key: string): boolean;
  readOnly(key: string): boolean;
}

function daemonText(e: unknown): string {
  if (e instanceof ClientError) return e.daemonMessage || e.message;
  return e instanceof Error ? e.message : String(e);
}

export class SessionDocuments implements DocumentStore {
  /** files opened by vi/vim/nano that do not exist yet: empty until the learner types (vim's [New]) */
  private readonly fresh = new Set<string>();
  private readonly locked = new Set<string>();
  private readonly containerFiles = new Map<string, ContainerFile>();
  private readonly names = new Map<string, string>();
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly session: SandboxSession) {}

  /** a file that does not exist yet but is open (vim newfile) */
  markNew(key: string): void {
    this.fresh.add(key);
  }

  /** the tab was closed: a new file never written is forgotten */
  forget(key: string): void {
    this.fresh.delete(key);
    this.locked.delete(key);
    if (!this.writes.has(key)) this.containerFiles.delete(key);
  }

  setReadOnly(key: string, readOnly: boolean): void {
    if (readOnly) this.locked.add(key);
    else this.locked.delete(key);
  }

  readOnly(key: string): boolean {
    return this.locked.has(key);
  }

  /** the name a container had when its file was opened ("web") */
  containerName(id: string): string | undefined {
    return this.names.get(id);
  }

  exists(key: string): boolean {
    if (this.fresh.has(key)) return true;
    const ref = parseKey(key);
    if (ref.kind === 'container') return this.containerFiles.has(key);
    return this.session.hostFs.exists(ref.path);
  }

  isDirectory(key: string): boolean {
    const ref = parseKey(key);
    if (ref.kind !== 'host') return false;
    try {
      return this.session.hostFs.stat(ref.path).type === 'dir';
    } catch {
      return false;
    }
  }

  read(key: string): Uint8Array {
    const ref = parseKey(key);
    if (ref.kind === 'container') {
      const f = this.containerFiles.get(key);
      if (f) return f.bytes;
      if (this.fresh.has(key)) return new Uint8Array();
      throw new Error(`${ref.path}: not loaded`);
    }
    if (this.fresh.has(key) && !this.session.hostFs.exists(ref.path)) return new Uint8Array();
    return this.session.hostFs.readFile(ref.path);
  }

  write(key: string, text: string): void | Promise<void> {
    const ref = parseKey(key);
    if (ref.kind === 'host') {
      this.session.hostFs.writeFile(ref.path, text);
      this.fresh.delete(key);
      return;
    }
    const old = this.containerFiles.get(key) ?? { bytes: new Uint8Array(), mode: 0o644, uid: 0, gid: 0 };
    const file: ContainerFile = { ...old, bytes: textEncoder.encode(text) };
    this.containerFiles.set(key, file);
    const tar = writeTar([
      { name: basename(ref.path), type: 'file', mode: file.mode, uid: file.uid, gid: file.gid, mtime: this.session.now(), size: file.bytes.length, data: file.bytes },
    ]);
    const before = this.writes.get(key) ?? Promise.resolve();
    const done = before
      .catch(() => {})
      .then(() => this.session.client.copyToContainer(ref.container, dirname(ref.path), tar))
      .then(
        () => {
          this.fresh.delete(key);
        },
        (e: unknown) => {
          throw new Error(daemonText(e));
        },
      )
      .finally(() => {
        if (this.writes.get(key) === done) this.writes.delete(key);
      });
    this.writes.set(key, done);
    return done;
  }

  /** resolves when the writes started so far for `key` are done (rejects with the last one's error) */
  async settled(key: string): Promise<void> {
    await this.writes.get(key);
  }

  /**
   * Fetch a container's file into the editor (GET /containers/{id}/archive).
   * Its symlink is followed as vim follows it; a missing file in an existing
   * folder opens empty, to be created when saved. Returns the tab's key.
   */
  async loadContainerFile(container: string, path: string): Promise<string> {
    const client = this.session.client;
    let name: string;
    try {
      const info = await client.containerInspect(container);
      name = info.Name.replace(/^\//, '');
      container = info.Id;
    } catch (e) {
      throw new EditError(daemonText(e));
    }
    this.names.set(container, name);
    let target = path;
    for (let hops = 0; hops < 8; hops++) {
      const key = containerKey(container, target);
      let got: Awaited<ReturnType<typeof client.copyFromContainer>>;
      try {
        got = await client.copyFromContainer(container, target);
      } catch (e) {
        if (!(e instanceof ClientError) || e.kind !== 'NotFound') throw new EditError(daemonText(e));
        try {
          await client.containerStatPath(container, dirname(target));
        } catch (e2) {
          throw new EditError(daemonText(e2));
        }
        this.markNew(key);
        return key;
      }
      if ((got.stat.mode & GO_MODE_DIR) !== 0) throw new EditError(`"${target}" is a directory`);
      if (got.stat.linkTarget) {
        target = got.stat.linkTarget.startsWith('/') ? got.stat.linkTarget : `${dirname(target).replace(/\/$/, '')}/${got.stat.linkTarget}`;
        continue;
      }
      const entry = readTar(got.content).find((e) => e.type === 'file');
      if (!entry) throw new EditError(`"${target}" is not a regular file`);
      this.containerFiles.set(key, { bytes: entry.data ?? new Uint8Array(entry.size), mode: entry.mode, uid: entry.uid, gid: entry.gid });
      return key;
    }
    throw new EditError(`${path}: Too many levels of symbolic links`);
  }

  /** read an open container file again (a change made from a terminal); false when it is gone */
  async reloadContainerFile(key: string): Promise<boolean> {
    const ref = parseKey(key);
    if (ref.kind !== 'container' || this.writes.has(key)) return true;
    try {
      const got = await this.session.client.copyFromContainer(ref.container, ref.path);
      const entry = readTar(got.content).find((e) => e.type === 'file');
      if (!entry) return false;
      this.containerFiles.set(key, { bytes: entry.data ?? new Uint8Array(entry.size), mode: entry.mode, uid: entry.uid, gid: entry.gid });
      this.fresh.delete(key);
      return true;
    } catch {
      return this.fresh.has(key);
    }
  }
}

const bySession = new WeakMap<SandboxSession, SessionDocuments>();

export function documentsFor(session: SandboxSession): SessionDocuments {
  let d = bySession.get(session);
  if (!d) {
    d = new SessionDocuments(session);
    bySession.set(session, d);
  }
  return d;
}
