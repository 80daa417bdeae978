/**
 * What to make glow after a command: the objects the command's events name
 * (store.lastChanges) and every object whose picture changed between the
 * previous model and this one (a tag that moved, a container that stopped).
 */
import type { SandboxChange } from '../../store/contract';
import { objectKey, type StateModel } from './model';

function signatures(m: StateModel): Map<string, string> {
  const s = new Map<string, string>();
  for (const i of m.images) {
    s.set(objectKey('image', i.id), `${i.repoTags.join(',')}|${i.repoDigests.join(',')}|${i.containers.length}`);
    for (const t of i.repoTags) s.set(`tag:${t}`, i.id);
  }
  for (const c of m.containers) s.set(objectKey('container', c.id), `${c.state}|${c.name}|${c.networks.join(',')}|${c.volumes.join(',')}`);
  for (const v of m.volumes) s.set(objectKey('volume', v.name), v.containers.join(','));
  for (const n of m.networks) s.set(objectKey('network', n.id), n.containers.join(','));
  for (const r of m.registries) {
    s.set(objectKey('registry', r.host), `${r.containerId ?? ''}|${r.repositories.length}`);
    for (const repo of r.repositories) s.set(objectKey('repository', repo.fullName), `${repo.tags.join(',')}|${repo.localTags.join(',')}|${repo.digests.join(',')}|${repo.inRegistry}`);
  }
  return s;
}

function fromEvent(c: SandboxChange, m: StateModel): string[] {
  if (c.kind !== 'engine' || !c.id) return [];
  const id = c.id;
  switch (c.subject) {
    case 'container':
      return [objectKey('container', id)];
    case 'volume':
      return [objectKey('volume', id)];
    case 'network':
      return [objectKey('network', id)];
    case 'image': {
      const img = m.images.find((i) => i.id === id || i.id === `sha256:${id}` || i.repoTags.includes(id));
      return img ? [objectKey('image', img.id)] : [];
    }
    default:
      return [];
  }
}

/** keys (object keys and tag box keys) to highlight; none on the first load */
export function changedKeys(prev: StateModel | undefined, next: StateModel, changes: readonly SandboxChange[]): Set<string> {
  const out = new Set<string>();
  if (!prev) return out;
  const before = signatures(prev);
  for (const [k, sig] of signatures(next)) if (before.get(k) !== sig) out.add(k);
  for (const c of changes) for (const k of fromEvent(c, next)) out.add(k);
  return out;
}
