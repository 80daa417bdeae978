/** sha256 digests as Docker writes them: "sha256:" + 64 lower-case hex. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { textEncoder } from '../../api/fs';

export function sha256Digest(data: Uint8Array | string): string {
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
