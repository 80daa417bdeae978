/**
 * sha256 of a content without making all of it at once: lazy contents are
 * hashed chunk by chunk (1 MiB), and the digest is kept per lazy object (they
 * never change). Costly for large contents (about 40–300 MB/s): programs that
 * show a digest (sha256sum) use it; identities (layer diff IDs of layers made
 * here) use `contentKey`, which hashes a lazy content's descriptor instead.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { contentBlob } from './describe';
import { isLazy } from './lazy';
import type { Content, LazyContent } from './types';

const HASH_CHUNK = 1 << 20;
const digests = new WeakMap<LazyContent, string>();
const keys = new WeakMap<LazyContent, string>();

function hex(data: Uint8Array): string {
  return bytesToHex(sha256(data));
}

/** "sha256:<hex>" of every byte of `c` */
export function contentSha256(c: Content): string {
  if (!isLazy(c)) return `sha256:${hex(c)}`;
  let d = digests.get(c);
  if (!d) {
    const h = sha256.create();
    for (let off = 0; off < c.size; off += HASH_CHUNK) h.update(c.read(off, Math.min(c.size, off + HASH_CHUNK)));
    d = `sha256:${bytesToHex(h.digest())}`;
    digests.set(c, d);
  }
  return d;
}

/** the same, giving way to the event loop between chunks (`pause` resolves when the caller may go on) */
export async function contentSha256Async(c: Content, pause: () => Promise<void>): Promise<string> {
  if (!isLazy(c)) return `sha256:${hex(c)}`;
  const hit = digests.get(c);
  if (hit) return hit;
  const h = sha256.create();
  for (let off = 0; off < c.size; off += HASH_CHUNK) {
    h.update(c.read(off, Math.min(c.size, off + HASH_CHUNK)));
    await pause();
  }
  const d = `sha256:${bytesToHex(h.digest())}`;
  digests.set(c, d);
  return d;
}

/**
 * A cheap identity of a content: sha256 of its bytes when they are plain,
 * "lazy:" + sha256 of its descriptor when lazy. Equal keys mean equal bytes;
 * the same bytes may have two keys (plain and lazy).
 */
export function contentKey(c: Content): string {
  if (!isLazy(c)) return `sha256:${hex(c)}`;
  let k = keys.get(c);
  if (!k) {
    k = `lazy:${hex(contentBlob(c))}`;
    keys.set(c, k);
  }
  return k;
}
