/** sha256 digests as Docker writes them: "sha256:" + 64 lower-case hex. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { textEncoder } from '../../api/fs';

/**
 * the digests of the last few long texts (an image config with EXPOSE 1-65535
 * is 2 MB: hashed at commit, then again by every snapshot check): a pure
 * function's results, found by the text itself
 */
const LONG_TEXT = 64 * 1024;
/** at most this many characters remembered in all (two such configs): the fuzzer's heap grew by 15 MB with 8 texts */
const MAX_REMEMBERED_CHARS = 5 * 1024 * 1024;
const remembered = new Map<string, string>();
let rememberedChars = 0;

export function sha256Digest(data: Uint8Array | string): string {
  if (typeof data === 'string' && data.length >= LONG_TEXT) {
    const known = remembered.get(data);
    if (known) return known;
    const d = `sha256:${bytesToHex(sha256(textEncoder.encode(data)))}`;
    remembered.set(data, d);
    rememberedChars += data.length;
    for (const old of remembered.keys()) {
      if (rememberedChars <= MAX_REMEMBERED_CHARS || old === data) break;
      remembered.delete(old);
      rememberedChars -= old.length;
    }
    return d;
  }
  const bytes = typeof data === 'string' ? textEncoder.encode(data) : data;
  return `sha256:${bytesToHex(sha256(bytes))}`;
}

/** "sha256:abc…" → "abc…" */
export function digestHex(d: string): string {
  return d.startsWith('sha256:') ? d.slice(7) : d;
}

/** the 12-hex short form docker prints */
export function shortId(d: string): string {
  return digestHex(d).slice(0, 12);
}

/** layer.CreateChainID: the chain of a layer on top of `parent` */
export function chainIdOf(parentChainId: string | undefined, diffId: string): string {
  if (!parentChainId) return diffId;
  return sha256Digest(`${parentChainId} ${diffId}`);
}
