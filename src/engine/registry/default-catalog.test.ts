import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDefaultCatalog, serializeCatalog } from '../../../tools/catalog/build';
import { sha256Digest } from '../layers/digest';
import { imageHistory } from '../images/ops/history';
import { listImages } from '../images/ops/list';
import { pullImage } from '../images/ops/pull';
import { standinCatalog, testEngine } from '../images/test-engine';
import type { CatalogLayer, HubCatalog } from './catalog';
import { checkCatalog, parseCatalog, readCatalog } from './default-catalog';

const text = readFileSync(new URL('../../../public/catalog/default-hub.json', import.meta.url), 'utf8');
const catalog = parseCatalog(text);
const quiet = { onMessage: () => undefined };

/** what `docker images` prints in SIZE: units.HumanSizeWithPrecision(size, 3), decimal units */
function humanSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${Number(n.toPrecision(3))}${units[i]}`;
}

/** image → [SIZE as docker images shows it, the real image's size, layers] */
const EXPECTED: Record<string, [string, number, number]> = {
  'ubuntu:18.04': ['63.1MB', 63.1e6, 1],
  'ubuntu:bionic': ['63.1MB', 63.1e6, 1],
  'ubuntu:16.04': ['135MB', 135e6, 4],
  'ubuntu:xenial': ['135MB', 135e6, 4],
  'ubuntu:22.04': ['77.8MB', 77.8e6, 1],
  'ubuntu:jammy': ['77.8MB', 77.8e6, 1],
  'ubuntu:latest': ['77.8MB', 77.8e6, 1],
  'nginx:latest': ['187MB', 187e6, 7],
  'nginx:alpine': ['42.6MB', 43e6, 8],
  'busybox:latest': ['4.26MB', 4.26e6, 1],
  'redis:latest': ['138MB', 138e6, 8],
  'redis:alpine': ['41.2MB', 41e6, 7],
  'mongo:3.2': ['300MB', 300e6, 12],
  'centos:7': ['204MB', 204e6, 1],
  'centos:latest': ['231MB', 231e6, 1],
  'hello-world:latest': ['13.3kB', 13.3e3, 1],
  'registry:2': ['24.2MB', 24e6, 5],
  'registry:latest': ['24.2MB', 24e6, 5],
  'alpine:latest': ['7.33MB', 7.3e6, 1],
  'debian:latest': ['117MB', 117e6, 1],
  // tutorial 001's user repository: its lnmp:v1 is 795MB
  'wangxiong/lnmp:latest': ['795MB', 795e6, 6],
};

/** the catalog key of a reference's repository: "nginx" → "library/nginx", "wangxiong/lnmp" as it is */
const repoKey = (name: string) => (name.includes('/') ? name : `library/${name}`);

function tagsOf(c: HubCatalog): string[] {
  return Object.entries(c.repositories).flatMap(([repo, tags]) => Object.keys(tags).map((t) => `${repo.replace(/^library\//, '')}:${t}`));
}

describe('default catalog', () => {
  it('is what tools/catalog/make-default-catalog.ts generates from the stand-in', () => {
    expect(serializeCatalog(buildDefaultCatalog(standinCatalog())) === text).toBe(true);
    expect(text.length).toBeLessThan(2_000_000);
  });

  it('is consistent: digests, config sizes, diff IDs, one non-empty history entry per layer', () => {
    expect(checkCatalog(catalog)).toEqual([]);
    for (const tags of Object.values(catalog.repositories)) {
      for (const img of Object.values(tags)) expect(sha256Digest(img.config)).toBe(img.config_digest);
    }
    const broken = structuredClone(catalog);
    broken.repositories['library/ubuntu']['18.04'].config += ' ';
    expect(checkCatalog(broken)[0]).toContain('config_digest is not sha256(config)');
  });

  it('offers the tutorials images; the only hidden tag is the next build of mongo:3.2 (the Hub event of a lesson)', () => {
    const tags = tagsOf(catalog);
    for (const ref of Object.keys(EXPECTED)) expect(tags).toContain(ref);
    expect(tags.filter((t) => t.includes('-fidelity-'))).toEqual(['mongo:3.2-fidelity-next']);
  });

  it('pulls every tag with the real images sizes and layer counts', async () => {
    const e = testEngine();
    e.registries.setCatalog(catalog);
    for (const ref of tagsOf(catalog)) {
      if (ref.includes('-fidelity-')) continue;
      const img = await pullImage(e, ref, quiet);
      const digestRef = catalog.repositories[repoKey(ref.split(':')[0])][ref.split(':')[1]];
      expect(img.id).toBe(digestRef.config_digest);
    }
    const rows = listImages(e);
    for (const [ref, [shown, real, layers]] of Object.entries(EXPECTED)) {
      const row = rows.find((r) => r.RepoTags?.includes(ref));
      expect(row, ref).toBeDefined();
      expect(humanSize(row!.Size), ref).toBe(shown);
      expect(Math.abs(row!.Size - real) / real, ref).toBeLessThan(0.1);
      const [repo, tag] = ref.split(':');
      const image = catalog.repositories[repoKey(repo)][tag];
      expect(image.manifest.layers, ref).toHaveLength(layers);
      const history = imageHistory(e, ref);
      expect(history, ref).toHaveLength((JSON.parse(image.config) as { history: unknown[] }).history.length);
      expect(history.reduce((n, h) => n + h.Size, 0), ref).toBe(row!.Size);
    }
  });

  it('keeps the stand-in programs runnable: bulk never shadows a busybox applet or a stand-in program', () => {
    const binDirs = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
    for (const tags of Object.values(catalog.repositories)) {
      for (const img of Object.values(tags)) {
        const layers: CatalogLayer[] = img.manifest.layers.map((d) => catalog.layers[d.digest]);
        const applets = new Set<string>();
        const binaries: string[] = [];
        for (const l of layers) {
          for (const f of l.files) {
            const dir = f.path.slice(0, f.path.lastIndexOf('/'));
            if (!binDirs.includes(dir)) continue;
            const name = f.path.slice(dir.length + 1);
            if (f.type === 'symlink') applets.add(name);
            else if (f.binary) binaries.push(name);
          }
        }
        expect(binaries.filter((b) => applets.has(b))).toEqual([]);
      }
    }
    const files = (ref: [string, string]) =>
      catalog.repositories[ref[0]][ref[1]].manifest.layers.flatMap((d) => catalog.layers[d.digest].files.map((f) => f.path));
    expect(files(['library/nginx', 'latest'])).toContain('/usr/sbin/nginx');
    expect(files(['library/nginx', 'latest'])).toContain('/usr/share/nginx/html/index.html');
    expect(files(['library/redis', 'alpine'])).toContain('/usr/local/bin/redis-server');
    expect(files(['library/mongo', '3.2'])).toContain('/etc/mongo-version');
    expect(files(['library/registry', '2'])).toContain('/bin/registry');
    expect(files(['library/alpine', 'latest'])).toContain('/sbin/apk');
    expect(files(['wangxiong/lnmp', 'latest'])).toEqual(expect.arrayContaining(['/usr/sbin/nginx', '/usr/libexec/mysqld', '/usr/sbin/php-fpm', '/bin/bash']));
  });

  it("has the search rows of its user repositories: wangxiong/lnmp as tutorial 001's docker search prints it", () => {
    expect(catalog.search).toEqual({ 'wangxiong/lnmp': { description: '利用Dockfile 定制的LNMP镜像', star_count: 0 } });
    const config = JSON.parse(catalog.repositories['wangxiong/lnmp'].latest.config) as { config: { Cmd: string[] } };
    expect(config.config.Cmd).toEqual(['/bin/bash']);
    expect(() => readCatalog('{"repositories":{},"layers":{},"search":{"a/b":{"description":1}}}')).toThrow('catalog: a/b has no search row');
  });

  it('is read in the browser without hashing: readCatalog checks the shape only (its digests are checked here)', () => {
    expect(readCatalog(text)).toEqual(catalog);
    expect(() => readCatalog('{"repositories":')).toThrow('catalog is not JSON');
    expect(() => readCatalog('[]')).toThrow('not a catalog: repositories and layers expected');
    expect(() => readCatalog('{"repositories":{"library/x":{"latest":{"config":"{}"}}},"layers":{}}')).toThrow('catalog: library/x:latest is not an image');
  });
});
