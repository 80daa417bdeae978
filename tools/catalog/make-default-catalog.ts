/**
 * Regenerates public/catalog/default-hub.json (the learner-facing app's Docker
 * Hub) from test/fixtures/standin-hub.json. Deterministic: no network, no
 * clock, only a fixed-seed PRNG. Run from the repository root:
 *
 *   npx tsx tools/catalog/make-default-catalog.ts
 *
 * Type-check: npx tsc -p tools/catalog/tsconfig.json --noEmit
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubCatalog } from '../../src/engine/registry/catalog';
import { buildDefaultCatalog, serializeCatalog } from './build';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const standin = JSON.parse(readFileSync(join(root, 'test/fixtures/standin-hub.json'), 'utf8')) as HubCatalog;
const catalog = buildDefaultCatalog(standin);
const out = join(root, 'public/catalog/default-hub.json');
const text = serializeCatalog(catalog);
writeFileSync(out, text);

const layerSize = (d: string) =>
  catalog.layers[d].files.reduce((n, f) => n + (f.type === 'file' ? f.size : f.type === 'symlink' ? (f.target ?? '').length : 0), 0);
console.log(`${out}: ${text.length} bytes, ${Object.keys(catalog.layers).length} layers`);
for (const [repo, tags] of Object.entries(catalog.repositories)) {
  for (const [tag, img] of Object.entries(tags)) {
    const size = img.manifest.layers.reduce((n, l) => n + layerSize(l.digest), 0);
    console.log(`${`${repo.replace('library/', '')}:${tag}`.padEnd(24)} ${String(img.manifest.layers.length).padStart(2)} layers ${String(size).padStart(11)} B  ${img.config_digest.slice(7, 19)}`);
  }
}
