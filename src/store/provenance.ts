/**
 * "Made by": the command line that created each object, from the engine
 * events of that command. Keys: container ID, image ID ("sha256:…") and the
 * image reference a pull/tag named ("nginx:alpine"), volume name, network ID.
 * The first command that creates an object keeps it; removing the object
 * forgets it.
 */
import type { SandboxChange } from './contract';

const CREATES: Record<string, ReadonlySet<string>> = {
  container: new Set(['create']),
  image: new Set(['pull', 'tag', 'load', 'import']),
  volume: new Set(['create']),
  network: new Set(['create']),
};

const DESTROYS: Record<string, ReadonlySet<string>> = {
  container: new Set(['destroy']),
  image: new Set(['delete']),
  volume: new Set(['destroy']),
  network: new Set(['destroy']),
};

/** the provenance after `changes` made by `line`; the same object when nothing changed */
export function applyProvenance(prov: Record<string, string>, changes: readonly SandboxChange[], line: string): Record<string, string> {
  let out = prov;
  const edit = () => {
    if (out === prov) out = { ...prov };
    return out;
  };
  for (const c of changes) {
    if (c.kind !== 'engine') continue;
    if (DESTROYS[c.subject]?.has(c.action)) {
      if (c.id && c.id in out) delete edit()[c.id];
      continue;
    }
    if (c.subject === 'container' && c.action === 'commit') {
      const img = c.attributes?.imageID;
      if (img && !(img in out)) edit()[img] = line;
      continue;
    }
    if (!CREATES[c.subject]?.has(c.action)) continue;
    if (c.id && !(c.id in out)) edit()[c.id] = line;
    // the name a pull or tag gave the image ("nginx:alpine") follows the latest command that set it
    if (c.subject === 'image' && (c.action === 'pull' || c.action === 'tag') && c.name && out[c.name] !== line) edit()[c.name] = line;
  }
  return out;
}
