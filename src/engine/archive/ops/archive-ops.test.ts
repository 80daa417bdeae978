import { describe, expect, it } from 'vitest';
import { type Content, contentParts, contentSize, isLazy, materialize, synthetic } from '../../../lib/content';
import { entryContent } from '../../fs/layer-entry';
import type { JSONMessage } from '../../../api/jsonmessage';
import type { ProcessRuntime } from '../../../api/runtime';
import { readTar } from '../../../lib/tar';
import { createContainer } from '../../containers/ops/create';
import { VirtualClock } from '../../core/clock';
import { SeededIds } from '../../core/ids';
import { Engine } from '../../engine';
import type { LayerEntry, LayerFiles } from '../../fs/layer-entry';
import { UnionFs } from '../../fs/union-fs';
import { emptyContainerConfig } from '../../images/image-config';
import { createImage } from '../../images/ops/create';
import { resolveImage } from '../../images/ops/resolve';
import { tagImage } from '../../images/ops/tag';
import { containerCommit } from './commit';
import { copyFromContainer, copyToContainer, containerStatPath } from './copy';
import { containerChanges } from './diff';
import { containerExport } from './export';
import { imageImport } from './import';
import { imageLoad } from './load';
import { imageSave } from './save';

const enc = new TextEncoder();
const dec = new TextDecoder();
const T0 = Date.UTC(2026, 10, 23, 7, 0, 0);

function dir(): LayerEntry {
  return { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T0 };
}
function file(text: string, mode = 0o644): LayerEntry {
  const data = enc.encode(text);
  return { kind: 'file', mode, uid: 0, gid: 0, mtime: T0, size: data.length, data };
}

function bareEngine(): Engine {
  const runtime: ProcessRuntime = {
    spawn() {
      throw new Error('not used');
    },
  };
  return new Engine({
    clock: new VirtualClock(T0 + 3_600_000),
    ids: new SeededIds(7),
    hostFs: new UnionFs([], new Map()),
    catalog: { repositories: {}, layers: {} },
    runtime,
  });
}

function setup() {
  const runtime: ProcessRuntime = {
    spawn() {
      throw new Error('not used');
    },
  };
  const engine = new Engine({
    clock: new VirtualClock(T0 + 3_600_000),
    ids: new SeededIds(7),
    hostFs: new UnionFs([], new Map()),
    catalog: { repositories: {}, layers: {} },
    runtime,
  });
  const base: LayerFiles = new Map<string, LayerEntry>([
    ['/bin', dir()],
    ['/bin/busybox', { kind: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T0, size: 4000 }],
    ['/bin/sh', { kind: 'symlink', target: '/bin/busybox', mode: 0o777, uid: 0, gid: 0, mtime: T0 }],
    ['/etc', dir()],
    ['/etc/hosts', file('old\n')],
    ['/etc/os-release', file('NAME="Test"\n')],
    ['/proc', dir()],
    ['/root', dir()],
    ['/usr', dir()],
    ['/usr/share', dir()],
    ['/usr/share/index.html', file('<h1>hi</h1>\n')],
  ]);
  const image = createImage(engine, {
    layers: base,
    config: { ...emptyContainerConfig(), Env: ['PATH=/bin'], Cmd: ['sh'] },
    history: { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
    created: T0,
  });
  tagImage(engine, image.id, 'test:latest');
  const { Id } = createContainer(engine, { config: { Image: 'test', Cmd: ['nginx', '-g', 'daemon off;'] }, name: 'web' });
  return { engine, id: Id, c: engine.containers.resolve(Id) };
}

describe('diff and commit', () => {
  it('lists changes parents first, in the order they happened', () => {
    const { engine, c } = setup();
    c.rootfs.writeFile('/usr/share/index.html', '<h1>Hello, Docker!</h1>\n');
    c.rootfs.writeFile('/root/.bash_history', 'exit\n');
    c.rootfs.unlink('/etc/os-release');
    const lines = containerChanges(engine, 'web').map((ch) => `${'CAD'[ch.Kind]} ${ch.Path}`);
    expect(lines).toEqual(['C /usr', 'C /usr/share', 'C /usr/share/index.html', 'C /root', 'A /root/.bash_history', 'C /etc', 'D /etc/os-release']);
  });

  it('commits the writable layer with the command as CREATED BY and the message as comment', () => {
    const { engine, c } = setup();
    c.rootfs.writeFile('/usr/share/index.html', '<h1>Hello, Docker!</h1>\n');
    const id = containerCommit(engine, 'web', { reference: 'test:v2', author: 'Tao', comment: '修改', changes: ['EXPOSE 80'] });
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const img = resolveImage(engine, 'test:v2');
    expect(img.id).toBe(id);
    expect(img.config.author).toBe('Tao');
    expect(img.config.comment).toBe('修改');
    const last = img.config.history?.at(-1);
    expect(last).toMatchObject({ created_by: 'nginx -g daemon off;', comment: '修改', author: 'Tao' });
    expect(img.config.config?.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(img.config.config?.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(img.parent).toBe(c.Image);
    // later changes in the container do not leak into the image's layer
    c.rootfs.writeFile('/usr/share/index.html', 'changed later');
    const top = engine.layers.get(img.chainId)!;
    expect(dec.decode((top.files.get('/usr/share/index.html') as { data: Uint8Array }).data)).toBe('<h1>Hello, Docker!</h1>\n');
    const actions = engine.events.list().map((e) => e.Action);
    expect(actions).toContain('commit');
  });
});

describe('export and import', () => {
  it('exports the rootfs in walk order with the init layer, and imports it back', () => {
    const { engine, c } = setup();
    c.rootfs.writeFile('/root/x', 'x\n');
    const tar = containerExport(engine, 'web');
    const names = readTar(tar).map((e) => e.name);
    expect(names.slice(0, 4)).toEqual(['.dockerenv', 'bin/', 'bin/busybox', 'bin/sh']);
    expect(names).toContain('etc/hosts');
    expect(names).toContain('etc/mtab');
    expect(names).toContain('dev/pts/');
    expect(names).toContain('root/x');
    const hosts = readTar(tar).find((e) => e.name === 'etc/hosts')!;
    expect(hosts.size).toBe(0);
    // a binary known only by its size is the synthetic stream of its path, lazy in the archive
    const busybox = readTar(tar).find((e) => e.name === 'bin/busybox')!.data!;
    expect(isLazy(busybox)).toBe(true);
    expect(materialize(busybox)).toEqual(materialize(synthetic('/bin/busybox', 4000)));

    const id = imageImport(engine, { bytes: tar }, 'test/imported:v1');
    const img = resolveImage(engine, 'test/imported:v1');
    expect(img.id).toBe(id);
    expect(img.config.config?.Cmd).toBeNull();
    expect(img.config.comment).toBe('Imported from -');
    expect(img.config.history).toEqual([{ created: img.config.created, comment: 'Imported from -' }]);
    const files = engine.layers.get(img.chainId)!.files;
    expect(files.get('/bin/busybox')).toMatchObject({ kind: 'file', size: 4000 });
    expect(materialize(entryContent('/bin/busybox', files.get('/bin/busybox') as { size: number }))).toEqual(materialize(busybox));
    expect(files.get('/root/x')).toMatchObject({ kind: 'file', size: 2 });
  });

  it('fails like the offline daemon for URLs and rejects junk', () => {
    const { engine } = setup();
    expect(() => imageImport(engine, { url: 'http://example.com/x.tgz' }, 'x')).toThrow(
      'failed to GET http://example.com/x.tgz with status 502 Bad Gateway:',
    );
    expect(() => imageImport(engine, { bytes: new Uint8Array(1024).fill(65) }, '')).toThrow('archive/tar: invalid tar header');
  });
});

describe('save and load', () => {
  it('round-trips an image through a docker save archive', async () => {
    const { engine } = setup();
    const tar = imageSave(engine, ['test:latest']);
    const names = readTar(tar).map((e) => e.name);
    expect(names).toContain('manifest.json');
    expect(names).toContain('repositories');
    const manifest = JSON.parse(dec.decode(materialize(readTar(tar).find((e) => e.name === 'manifest.json')!.data!)));
    expect(manifest[0].RepoTags).toEqual(['test:latest']);

    const other = bareEngine();
    const msgs: JSONMessage[] = [];
    await imageLoad(other, tar, { onMessage: (m) => msgs.push(m) });
    expect(msgs.some((m) => m.status === 'Loading layer')).toBe(true);
    expect(msgs.at(-1)?.stream).toBe('Loaded image: test:latest\n');
    const msgs2: JSONMessage[] = [];
    await imageLoad(other, tar, { onMessage: (m) => msgs2.push(m) });
    expect(msgs2.map((m) => m.stream)).toEqual(['Loaded image: test:latest\n']);
  });

  it('saves a 200 MB image lazily (its headers, not its bytes) and loads it back with the same contents', async () => {
    const engine = bareEngine();
    const big = 200 * 1024 * 1024;
    const image = createImage(engine, {
      layers: new Map<string, LayerEntry>([
        ['/usr', dir()],
        ['/usr/sbin', dir()],
        ['/usr/sbin/nginx', { kind: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T0, size: big }],
        ['/etc', dir()],
        ['/etc/motd', file('hi\n')],
      ]),
      config: { ...emptyContainerConfig(), Cmd: ['nginx'] },
      history: { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
      created: T0,
    });
    tagImage(engine, image.id, 'big:1');
    const tar = imageSave(engine, ['big:1']);
    expect(isLazy(tar)).toBe(true);
    expect(contentSize(tar)).toBeGreaterThan(big);
    // what the archive keeps as bytes: headers and small members only
    const plain = (isLazy(tar) ? contentParts(tar) : [tar]).filter((p) => !isLazy(p));
    expect(plain.reduce((n, p) => n + contentSize(p), 0)).toBeLessThan(64 * 1024);

    const other = bareEngine();
    await imageLoad(other, tar, { quiet: true });
    const loaded = resolveImage(other, 'big:1');
    expect(loaded.id).toBe(image.id);
    const nginx = other.layers.get(loaded.chainId)!.files.get('/usr/sbin/nginx') as { size: number; data?: Content };
    expect(nginx.size).toBe(big);
    const content = entryContent('/usr/sbin/nginx', nginx);
    const want = entryContent('/usr/sbin/nginx', { size: big });
    expect(isLazy(content) && isLazy(want) && content.read(big - 70_000, big - 1000)).toEqual(isLazy(want) && want.read(big - 70_000, big - 1000));
  });

  it('reports a missing manifest with the daemon text', async () => {
    const { engine } = setup();
    await expect(imageLoad(engine, new Uint8Array(1024))).rejects.toThrow(/docker-import-\d+\/repositories: no such file or directory/);
  });
});

describe('cp', () => {
  it('copies a directory out and a file in', () => {
    const { engine, c } = setup();
    const out = copyFromContainer(engine, 'web', '/usr/share');
    expect(out.stat.name).toBe('share');
    expect(readTar(out.content).map((e) => e.name)).toEqual(['share/', 'share/index.html']);
    const inTar = out.content;
    copyToContainer(engine, 'web', '/root', inTar);
    expect(dec.decode(c.rootfs.readFile('/root/share/index.html'))).toBe('<h1>hi</h1>\n');
    expect(containerStatPath(engine, 'web', '/bin/sh').linkTarget).toBe('/bin/busybox');
    expect(() => copyFromContainer(engine, 'web', '/nope')).toThrow('Could not find the file /nope in container web');
    expect(() => copyToContainer(engine, 'web', '/nodir', inTar)).toThrow('Could not find the file /nodir in container web');
  });
});
