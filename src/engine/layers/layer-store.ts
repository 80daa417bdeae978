/**
 * Layers, content-addressed by chain ID and stored once (moby layer store).
 * Each layer is referenced by the images whose top layer it is and by the
 * layers stacked on it; it goes away when the last reference is released.
 * State only: registerLayer/releaseLayer in ops/.
 */
import type { LayerFiles } from '../fs/layer-entry';

/** a compressed blob known to hold this layer (distribution v2 metadata) */
export interface LayerBlob {
  digest: string;
  /** compressed size: what pull/push progress shows */
  size: number;
  /** normalized repository it was pulled from / pushed to: "docker.io/library/ubuntu" */
  repo: string;
}

export interface LayerRecord {
  chainId: string;
  diffId: string;
  /** chain ID of the layer below, undefined for a base layer */
  parent?: string;
  files: LayerFiles;
  /** DiffSize: what `docker history`/`image ls` count */
  size: number;
  /** bytes of the uncompressed tar (push progress) */
  tarSize: number;
  /** overlay2 directory name (GraphDriver data in inspect) */
  cacheId: string;
  /** images using it as top layer + layers on top of it */
  refs: number;
  blobs: LayerBlob[];
}

export class LayerStore {
  readonly byChainId = new Map<string, LayerRecord>();

  get(chainId: string): LayerRecord | undefined {
    return this.byChainId.get(chainId);
  }

  has(chainId: string): boolean {
    return this.byChainId.has(chainId);
  }

  /** bottom → top chain ending at chainId */
  chain(chainId: string): LayerRecord[] {
    const out: LayerRecord[] = [];
    let cur: string | undefined = chainId;
    while (cur) {
      const l = this.byChainId.get(cur);
      if (!l) break;
      out.unshift(l);
      cur = l.parent;
    }
    return out;
  }

  /** a layer already registered under this diff ID anywhere (pull "Already exists" uses chains) */
  findByDiffId(diffId: string): LayerRecord | undefined {
    for (const l of this.byChainId.values()) if (l.diffId === diffId) return l;
    return undefined;
  }

  all(): LayerRecord[] {
    return [...this.byChainId.values()];
  }
}
