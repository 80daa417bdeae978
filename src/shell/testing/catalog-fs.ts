/** Test helper: a container filesystem (MemoryFs) built from the stand-in hub catalog's layer file lists. */
import { readFileSync } from 'node:fs';
import { MemoryFs } from '../vfs/memory-fs';

interface CatalogFile {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: string | number;
  uid: number;
  gid: number;
  target?: string;
  text?: string;
}
interface Catalog {
  repositories: Record<string, Record<string, { manifest: string | { layers: { digest: string }[] } }>>;
  layers: Record<string, { files: CatalogFile[] }>;
}

let catalog: Catalog | undefined;
function load(): Catalog {
  catalog ??= JSON.parse(readFileSync(new URL('../../../test/fixtures/standin-hub.json', import.meta.url), 'utf8')) as Catalog;
  return catalog;
}

export function imageFs(repo: string, tag: string, now: () => number = () => 0): MemoryFs {
  const c = load();
  const entry = c.repositories[`library/${repo}`][tag];
  const manifest = typeof entry.manifest === 'string' ? (JSON.parse(entry.manifest) as { layers: { digest: string }[] }) : entry.manifest;
  const fs = new MemoryFs({ now });
  for (const layer of manifest.layers) {
    for (const f of c.layers[layer.digest].files) {
      const mode = (typeof f.mode === 'string' ? Number.parseInt(f.mode.replace(/^0o/, ''), 8) : f.mode) & 0o7777;
      if (fs.exists(f.path) && f.type !== 'dir') fs.unlink(f.path);
      if (f.type === 'dir') {
        if (!fs.exists(f.path)) fs.mkdir(f.path, { recursive: true, mode });
      } else if (f.type === 'symlink') fs.symlink(f.target ?? '', f.path);
      else fs.writeFile(f.path, f.text ?? new Uint8Array(8), mode);
    }
  }
  return fs;
}
