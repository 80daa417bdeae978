/**
 * An image's layers, bottom first: chain IDs (what makes a layer shared
 * between images: same content on the same layers below) and, when the
 * image's history lines up with its layers, the instruction that made each.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { HistoryResponseItem } from '../../api/image';
import type { LayerInfo } from './model';

/** image-spec ChainID: chain(0) = diffId(0); chain(n) = sha256(chain(n-1) + " " + diffId(n)) */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  let prev = '';
  for (const d of diffIds) {
    const next = prev === '' ? d : `sha256:${bytesToHex(sha256(new TextEncoder().encode(`${prev} ${d}`)))}`;
    out.push(next);
    prev = next;
  }
  return out;
}

/**
 * A history entry that made no layer: a `#(nop)` metadata instruction (ENV,
 * CMD, EXPOSE…), except the ADD/COPY that the legacy builder also writes as
 * `#(nop)` and that do make layers.
 */
export function isEmptyLayerEntry(createdBy: string): boolean {
  if (!createdBy.includes('#(nop)')) return false;
  return !/#\(nop\)\s+(ADD|COPY)\b/.test(createdBy);
}

/** layers with chain IDs; createdBy/size from history (newest first, as the API gives it) when it matches */
export function imageLayers(diffIds: readonly string[], history: readonly HistoryResponseItem[] | undefined): LayerInfo[] {
  const chains = chainIds(diffIds);
  const made = history ? [...history].reverse().filter((h) => !isEmptyLayerEntry(h.CreatedBy)) : [];
  const matched = made.length === diffIds.length;
  return diffIds.map((diffId, i) => {
    const layer: LayerInfo = { diffId, chainId: chains[i] as string };
    const h = matched ? made[i] : undefined;
    if (h) {
      layer.createdBy = h.CreatedBy;
      layer.size = h.Size;
    }
    return layer;
  });
}

/** "/bin/sh -c #(nop) COPY file:… in /x " → "COPY file:… in /x"; "/bin/sh -c apt-get …" → "RUN apt-get …" */
export function instructionText(createdBy: string): string {
  const nop = /^\/bin\/sh -c #\(nop\)\s+/.exec(createdBy);
  if (nop) return createdBy.slice(nop[0].length).trim();
  const sh = /^\/bin\/sh -c /.exec(createdBy);
  if (sh) return `RUN ${createdBy.slice(sh[0].length).trim()}`;
  return createdBy.trim();
}
