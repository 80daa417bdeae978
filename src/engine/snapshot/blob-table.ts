/**
 * Content-addressed bytes for sandbox snapshots: file contents of layers,
 * container writable layers, volumes and the host filesystem are stored once
 * by "sha256:…" digest, however many snapshots (undo history, IndexedDB,
 * export files) refer to them.
 *
 * Digests are remembered per Uint8Array (the filesystems replace a file's
 * bytes on write, they never change them in place), so taking a snapshot
 * after every command hashes only what is new.
 */
import { sha256Digest } from '../layers/digest';

const digestCache = new WeakMap<Uint8Array, string>();

/** the sha256 digest of `data`, hashed once per array */
export function blobDigest(data: Uint8Array): string {
  let d = digestCache.get(data);
  if (!d) {
    d = sha256Digest(data);
    digestCache.set(data, d);
  }
  return d;
}

/** what snapshot code writes blobs to */
export interface BlobSink {
  /** store `data`, return its digest */
  put(data: Uint8Array): string;
}

/** what restore code reads blobs from */
export interface BlobSource {
  /** throws when the blob is missing (a damaged snapshot) */
  get(digest: string): Uint8Array;
}

export class BlobTable implements BlobSink, BlobSource {
  private readonly blobs = new Map<string, Uint8Array>();

  put(data: Uint8Array): string {
    const d = blobDigest(data);
    if (!this.blobs.has(d)) this.blobs.set(d, data);
    return d;
  }

  /** add bytes known by digest (persisted storage, an imported file); false when the digest does not match */
  add(digest: string, data: Uint8Array): boolean {
    if (blobDigest(data) !== digest) return false;
    this.blobs.set(digest, data);
    return true;
  }

  has(digest: string): boolean {
    return this.blobs.has(digest);
  }

  get(digest: string): Uint8Array {
    const b = this.blobs.get(digest);
    if (!b) throw new Error(`missing blob ${digest}`);
    return b;
  }

  /** the blob or undefined */
  find(digest: string): Uint8Array | undefined {
    return this.blobs.get(digest);
  }

  get size(): number {
    return this.blobs.size;
  }

  /** drop every blob not in `keep` (after old snapshots are gone) */
  retainOnly(keep: ReadonlySet<string>): void {
    for (const d of [...this.blobs.keys()]) if (!keep.has(d)) this.blobs.delete(d);
  }
}

/** a sink that also records which digests one snapshot uses */
export class RecordingSink implements BlobSink {
  readonly used = new Set<string>();
  constructor(private readonly table: BlobSink) {}
  put(data: Uint8Array): string {
    const d = this.table.put(data);
    this.used.add(d);
    return d;
  }
  /** record a digest used without putting bytes (a cached snapshot part) */
  note(digests: Iterable<string>): void {
    for (const d of digests) this.used.add(d);
  }
}
