/**
 * What the store needs from the composition root to make sandboxes: fresh
 * ones, restored ones (storage, undo/redo, import) and their snapshots. The
 * browser's implementation is src/app/sandbox (createSandboxFactory); the
 * store never sees the engine, only opaque snapshot data plus the digests of
 * the content-addressed blobs it refers to.
 */
import type { SandboxSession } from './contract';

/** one sandbox at one moment: JSON-able `data`, file contents in the blob table by digest */
export interface SessionSnapshot {
  readonly data: unknown;
  /** every blob digest `data` refers to */
  readonly blobs: readonly string[];
}

/** a SandboxSession the store owns */
export interface ManagedSession extends SandboxSession {
  /** the sandbox now (structure shared with earlier snapshots where nothing changed) */
  snapshot(): SessionSnapshot;
  /** did anything change since the last snapshot() (engine events, host file writes, a shell's cwd or variables) */
  changedSinceSnapshot(): boolean;
  /** forget terminal `id`'s shell */
  closeTerminal(id: string): void;
  /** stop it for good: its containers' processes end, no timer of it stays behind */
  dispose(): void;
}

/** the content-addressed table snapshots share */
export interface SandboxBlobs {
  find(digest: string): Uint8Array | undefined;
  has(digest: string): boolean;
  /** add bytes known by digest; false when the bytes do not hash to it */
  add(digest: string, data: Uint8Array): boolean;
  /** drop every blob not in `keep` */
  retainOnly(keep: ReadonlySet<string>): void;
}

export interface SandboxFactory {
  readonly blobs: SandboxBlobs;
  /** a new, empty sandbox */
  fresh(): ManagedSession;
  /**
   * a sandbox from a snapshot whose blobs are in `blobs` or in `incoming` (an
   * imported file's: checked against their digests, added to `blobs` only
   * when the sandbox is made); throws an Error (its message says what is
   * wrong) when the data is not a sandbox, and then `blobs` is as it was
   */
  restore(snapshot: SessionSnapshot, incoming?: ReadonlyMap<string, Uint8Array>): ManagedSession;
}
