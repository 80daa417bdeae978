/**
 * The command that made an object: the store records provenance by object ID
 * or name; look under every name the object goes by (full and short ID,
 * container name, image tags, volume and network names).
 */
import type { Selection } from '../../store/contract';
import { type StateModel, shortId } from './model';

export function namesOf(sel: Selection, model: StateModel | undefined): string[] {
  const names = [sel.id];
  const bare = sel.id.replace(/^sha256:/, '');
  if (bare !== sel.id) names.push(bare);
  names.push(shortId(sel.id));
  if (sel.kind === 'container') {
    const c = model?.containers.find((x) => x.id === sel.id);
    if (c) names.push(c.name, `/${c.name}`);
  } else if (sel.kind === 'image') {
    const i = model?.images.find((x) => x.id === sel.id);
    if (i) names.push(...i.repoTags, ...i.repoTags.filter((t) => t.endsWith(':latest')).map((t) => t.slice(0, -':latest'.length)));
  } else if (sel.kind === 'network') {
    const n = model?.networks.find((x) => x.id === sel.id);
    if (n) names.push(n.name);
  }
  return [...new Set(names)];
}

export function findProvenance(provenance: Readonly<Record<string, string>>, sel: Selection, model: StateModel | undefined): string | undefined {
  for (const n of namesOf(sel, model)) {
    const line = provenance[n];
    if (line !== undefined) return line;
  }
  return undefined;
}
