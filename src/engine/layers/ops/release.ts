import type { Engine } from '../../engine';
import type { LayerRecord } from '../layer-store';

/**
 * Drop one reference on `chainId`; layers reaching zero are deleted and
 * release their parent in turn. Returns the deleted layers, top first (the
 * `Deleted: sha256:<chain id>` lines of docker rmi).
 */
export function releaseLayer(engine: Engine, chainId: string): LayerRecord[] {
  const removed: LayerRecord[] = [];
  let cur: string | undefined = chainId;
  while (cur) {
    const l = engine.layers.get(cur);
    if (!l) break;
    l.refs--;
    if (l.refs > 0) break;
    engine.layers.byChainId.delete(cur);
    removed.push(l);
    cur = l.parent;
  }
  return removed;
}
