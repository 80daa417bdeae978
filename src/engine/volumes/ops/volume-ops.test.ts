import { describe, expect, it } from 'vitest';
import { textDecoder } from '../../../api/fs';
import type { LayerFiles } from '../../fs/layer-entry';
import { daemonError as err, fakeEngine } from '../fake-engine.test-helper';
import { createVolume } from './create';
import { inspectVolume } from './inspect';
import { listVolumes } from './list';
import { prepareMounts } from './prepare-mounts';
import { pruneVolumes } from './prune';
import { releaseMounts } from './release-mounts';
import { removeVolume } from './remove';

function nginxImage(engine: ReturnType<typeof fakeEngine>): string {
  const files: LayerFiles = new Map([
    ['/usr', { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
    ['/usr/share', { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
    ['/usr/share/nginx', { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
    ['/usr/share/nginx/html', { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
    ['/usr/share/nginx/html/index.html', { kind: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 615, data: new Uint8Array(615).fill(65) }],
    ['/usr/share/nginx/html/50x.html', { kind: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 110, data: new Uint8Array(110).fill(66) }],
    ['/data', { kind: 'dir', mode: 0o755, uid: 999, gid: 999, mtime: 0 }],
  ]);
  engine.layers.byChainId.set('sha256:l1', {
    chainId: 'sha256:l1', diffId: 'sha256:l1', files, size: 725, tarSize: 0, cacheId: 'c', refs: 1, blobs: [],
  });
  const id = 'sha256:img';
  engine.images.byId.set(id, {
    id, configJson: '{}', parent: '', created: 0, chainId: 'sha256:l1', size: 725, lastTagTime: '',
    config: { architecture: 'amd64', os: 'linux', config: { Volumes: { '/data': {} } } } as never,
  });
  return id;
}

describe('volumes', () => {
  it('creates, lists and inspects like docker volume create/inspect', () => {
    const e = fakeEngine();
    createVolume(e, { Name: 'my-vol', Driver: 'local', DriverOpts: {}, Labels: {} });
    expect(inspectVolume(e, 'my-vol')).toEqual({
      CreatedAt: '2026-11-23T07:31:36Z',
      Driver: 'local',
      Labels: {},
      Mountpoint: '/var/lib/docker/volumes/my-vol/_data',
      Name: 'my-vol',
      Options: {},
      Scope: 'local',
    });
    expect(Object.keys(inspectVolume(e, 'my-vol'))).toEqual(['CreatedAt', 'Driver', 'Labels', 'Mountpoint', 'Name', 'Options', 'Scope']);
    expect(listVolumes(e).Volumes.map((v) => v.Name)).toEqual(['my-vol']);
    expect(e.events.list().map((x) => `${x.Type} ${x.Action} ${x.Actor.ID}`)).toEqual(['volume create my-vol']);
  });

  it('anonymous volumes get a 64-hex name; bad names are refused', () => {
    const e = fakeEngine();
    expect(createVolume(e, {}).name).toMatch(/^[0-9a-f]{64}$/);
    expect(err(() => createVolume(e, { Name: 'a' })).message).toBe(
      'create a: volume name is too short, names should be at least two alphanumeric characters',
    );
    expect(err(() => createVolume(e, { Name: 'a$b' })).message).toContain('"a$b" includes invalid characters');
  });

  it('not found is a NotFound error', () => {
    const e = fakeEngine();
    const x = err(() => inspectVolume(e, 'nosuch'));
    expect(x.kind).toBe('NotFound');
    expect(() => removeVolume(e, 'nosuch', true)).not.toThrow();
  });

  it('filters dangling/name/label and rejects unknown filters', () => {
    const e = fakeEngine();
    createVolume(e, { Name: 'alpha', Labels: { tier: 'db' } });
    createVolume(e, { Name: 'beta' });
    e.volumes.get('beta')?.refs.add('c1');
    expect(listVolumes(e, { dangling: ['true'] }).Volumes.map((v) => v.Name)).toEqual(['alpha']);
    expect(listVolumes(e, { dangling: ['false'] }).Volumes.map((v) => v.Name)).toEqual(['beta']);
    expect(listVolumes(e, { name: ['alp'] }).Volumes.map((v) => v.Name)).toEqual(['alpha']);
    expect(listVolumes(e, { label: ['tier=db'] }).Volumes.map((v) => v.Name)).toEqual(['alpha']);
    expect(err(() => listVolumes(e, { bogus: ['1'] })).message).toBe("Invalid filter 'bogus'");
  });

  it('mounts a named volume, copies the image content once, refuses removal while used', () => {
    const e = fakeEngine();
    const img = nginxImage(e);
    const c = { ID: 'c'.repeat(64), Image: img, Config: {}, HostConfig: { Mounts: [{ Type: 'volume' as const, Source: 'my-vol', Target: '/usr/share/nginx/html' }] } };
    const mounts = prepareMounts(e, c);
    expect(mounts).toEqual([
      {
        Type: 'volume',
        Name: 'my-vol',
        Source: '/var/lib/docker/volumes/my-vol/_data',
        Destination: '/usr/share/nginx/html',
        Driver: 'local',
        Mode: 'z',
        RW: true,
        Propagation: '',
      },
      expect.objectContaining({ Type: 'volume', Destination: '/data', Mode: '' }),
    ]);
    const vol = e.volumes.get('my-vol');
    expect(vol?.fs.readdir('/')).toEqual(['50x.html', 'index.html']);
    expect(inspectVolume(e, 'my-vol').Labels).toBeNull();
    expect(err(() => removeVolume(e, 'my-vol')).message).toBe(`remove my-vol: volume is in use - [${'c'.repeat(64)}]`);
    releaseMounts(e, c, { removeAnonymous: true });
    expect(e.volumes.has('my-vol')).toBe(true);
    expect(e.volumes.list().length).toBe(1);
    const report = pruneVolumes(e);
    expect(report).toEqual({ VolumesDeleted: ['my-vol'], SpaceReclaimed: 725 });
  });

  it('keeps anonymous volumes on plain rm, and does not copy into a non-empty volume', () => {
    const e = fakeEngine();
    const img = nginxImage(e);
    const vol = createVolume(e, { Name: 'web' });
    vol.fs.writeFile('/mine.txt', 'x');
    const c = { ID: 'd'.repeat(64), Image: img, Config: {}, HostConfig: { Binds: ['web:/usr/share/nginx/html:ro', '/srv/site:/site'] } };
    const mounts = prepareMounts(e, c);
    expect(vol.fs.readdir('/')).toEqual(['mine.txt']);
    expect(mounts[0]).toMatchObject({ Name: 'web', Mode: 'ro', RW: false });
    expect(mounts[1]).toEqual({ Type: 'bind', Source: '/srv/site', Destination: '/site', Mode: '', RW: true, Propagation: 'rprivate' });
    releaseMounts(e, c, { removeAnonymous: false });
    expect(e.volumes.list().length).toBe(2);
    expect(textDecoder.decode(vol.fs.readFile('/mine.txt'))).toBe('x');
  });

  it('refuses a --mount bind whose source does not exist', () => {
    const e = fakeEngine();
    const c = { ID: 'e'.repeat(64), Image: '', Config: {}, HostConfig: { Mounts: [{ Type: 'bind' as const, Source: '/src/webapp', Target: '/app' }] } };
    expect(err(() => prepareMounts(e, c)).message).toBe('invalid mount config for type "bind": bind source path does not exist: /src/webapp');
  });
});
