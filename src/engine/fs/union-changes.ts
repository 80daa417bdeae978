/**
 * `docker diff` of a container's writable layer against its image: moby's
 * archive.Change list (Kind 0 = C, 1 = A, 2 = D). Parents come before their
 * children, and a directory that only holds changes is listed as changed,
 * the way moby's tree comparison reports it; siblings are listed in the order
 * they first changed. The old tree is the merged image, the new one what the
 * container shows, so a path in both is "changed" even below an opaque dir.
 */
import { joinPath } from './fs-path';
import type { LayerFiles } from './layer-entry';
import type { LowerView } from './lower-view';

export interface Change {
  Kind: 0 | 1 | 2;
  Path: string;
}

export function collectChanges(upper: LayerFiles, upKids: ReadonlyMap<string, ReadonlySet<string>>, lower: LowerView): Change[] {
  const out: Change[] = [];
  const visit = (dir: string) => {
    const ue = upper.get(dir);
    const opaque = ue?.kind === 'dir' && ue.opaque === true;
    const seen = new Set<string>();
    for (const name of upKids.get(dir) ?? []) {
      seen.add(name);
      const path = joinPath(dir, name);
      const e = upper.get(path);
      if (!e) continue;
      const inLower = lower.get(path) !== undefined;
      if (e.kind === 'whiteout') {
        if (inLower) out.push({ Kind: 2, Path: path });
        continue;
      }
      out.push({ Kind: inLower ? 0 : 1, Path: path });
      if (e.kind === 'dir') visit(path);
    }
    if (opaque) {
      for (const name of lower.children(dir) ?? []) {
        if (!seen.has(name)) out.push({ Kind: 2, Path: joinPath(dir, name) });
      }
    }
  };
  visit('/');
  return out;
}
