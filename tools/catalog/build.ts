/**
 * The default Docker Hub catalog of the learner-facing app, derived
 * deterministically from the stand-in catalog (test/fixtures/standin-hub.json):
 * same format (shared/fidelity/README.md "Catalog of the stand-in Hub"), the
 * tutorials' images with realistic sizes, layer counts, configs and files.
 */
import type { CatalogImage, CatalogLayer, CatalogSearchEntry, HubCatalog } from '../../src/engine/registry/catalog';
import { buildImage, type ImageSpec } from './lib/image-build';
import { buildBases } from './specs/bases';
import { buildLnmp } from './specs/lnmp';
import { buildNginx } from './specs/nginx';
import { buildServices } from './specs/services';

/** programs the simulator runs by file name: bulk files never shadow them */
const RUNTIME_PROGRAMS = ['bash', 'dash', 'sh', 'ash', 'busybox', 'nginx', 'mongod', 'redis-server', 'registry', 'hello'];

function reservedNames(standin: HubCatalog): Set<string> {
  const names = new Set(RUNTIME_PROGRAMS);
  for (const layer of Object.values(standin.layers)) {
    for (const f of layer.files) if (f.type === 'symlink') names.add(f.path.slice(f.path.lastIndexOf('/') + 1));
  }
  return names;
}

export function defaultImageSpecs(standin: HubCatalog): ImageSpec[] {
  const reserved = reservedNames(standin);
  const bases = buildBases(standin, reserved);
  return [
    ...bases.images,
    ...buildNginx(standin, bases, reserved),
    ...buildServices(standin, bases, reserved),
    buildLnmp(standin, bases, reserved),
  ];
}

export function buildDefaultCatalog(standin: HubCatalog): HubCatalog {
  const repositories: Record<string, Record<string, CatalogImage>> = {};
  const layers: Record<string, CatalogLayer> = {};
  const search: Record<string, CatalogSearchEntry> = {};
  const specs = defaultImageSpecs(standin).sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0));
  for (const spec of specs) {
    const built = buildImage(spec);
    const repo = (repositories[spec.repo] ??= {});
    for (const tag of spec.tags) {
      if (repo[tag]) throw new Error(`${spec.repo}:${tag} defined twice`);
      repo[tag] = built.image;
    }
    for (const l of built.layers) layers[l.digest] = l.layer;
    if (spec.search) search[spec.repo] = { description: spec.search.description, star_count: spec.search.stars };
  }
  return { registry: 'docker.io (Dockyard default catalog, derived from the stand-in)', repositories, search, layers };
}

/** JSON with one file entry per line (the file lists are most of the catalog) */
export function serializeCatalog(c: HubCatalog): string {
  const out: string[] = ['{', ` "registry": ${JSON.stringify(c.registry)},`];
  out.push(` "repositories": ${JSON.stringify(c.repositories, null, 1).replace(/\n/g, '\n ')},`);
  if (c.search) out.push(` "search": ${JSON.stringify(c.search, null, 1).replace(/\n/g, '\n ')},`);
  out.push(' "layers": {');
  const entries = Object.entries(c.layers);
  entries.forEach(([digest, l], i) => {
    const head = `  ${JSON.stringify(digest)}: {"size": ${l.size}, "diff_id": ${JSON.stringify(l.diff_id)}, "uncompressed_size": ${l.uncompressed_size}, "files": [`;
    const files = l.files.map((f) => `   ${JSON.stringify(f)}`).join(',\n');
    out.push(files ? `${head}\n${files}\n  ]}${i < entries.length - 1 ? ',' : ''}` : `${head}]}${i < entries.length - 1 ? ',' : ''}`);
  });
  out.push(' }', '}', '');
  return out.join('\n');
}
