import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../api/errors';
import type { Volume } from '../../../api/volume';
import type { EngineClient } from '../../../client/engine-client';
import { runWith } from '../system/cli-harness.test-helper';
import { volumeCommands } from '.';

const myVol: Volume = {
  CreatedAt: '2026-11-23T07:31:36Z',
  Driver: 'local',
  Labels: {},
  Mountpoint: '/var/lib/docker/volumes/my-vol/_data',
  Name: 'my-vol',
  Options: {},
  Scope: 'local',
};
const anon = { ...myVol, Name: 'a'.repeat(64), Labels: null, Options: null, Mountpoint: `/var/lib/docker/volumes/${'a'.repeat(64)}/_data` };
const ID = 'c'.repeat(64);

function client(): EngineClient {
  const notFound = (name: string) => new ClientError('NotFound', `Error: No such volume: ${name}`, `get ${name}: no such volume`);
  return {
    volumeCreate: async (b: { Name?: string }) => ({ ...myVol, Name: b.Name ?? 'x' }),
    volumeList: async () => ({ Volumes: [myVol, anon], Warnings: null }),
    volumeInspect: async (name: string) => {
      if (name === 'my-vol') return myVol;
      throw notFound(name);
    },
    volumeRemove: async (name: string) => {
      if (name === 'my-vol') {
        throw new ClientError('Conflict', `Error response from daemon: remove my-vol: volume is in use - [${ID}]`, '');
      }
      if (name !== 'gone') throw notFound(name);
    },
    volumesPrune: async () => ({ VolumesDeleted: ['my-vol', anon.Name], SpaceReclaimed: 725 }),
  } as unknown as EngineClient;
}

async function docker(argv: string[], stdin = '') {
  return runWith(volumeCommands, client(), argv, stdin);
}

describe('docker volume', () => {
  it('create prints the name', async () => {
    expect(await docker(['volume', 'create', 'my-vol'])).toEqual({ status: 0, out: 'my-vol\n', err: '' });
  });

  it('ls sorts by name and lays out the table like docker', async () => {
    const r = await docker(['volume', 'ls']);
    expect(r.out).toBe(`DRIVER    VOLUME NAME\nlocal     ${'a'.repeat(64)}\nlocal     my-vol\n`);
    expect((await docker(['volume', 'ls', '-q'])).out).toBe(`${'a'.repeat(64)}\nmy-vol\n`);
    expect((await docker(['volume', 'ls', '--format', '{{.Name}}:{{.Driver}}'])).out).toBe(`${'a'.repeat(64)}:local\nmy-vol:local\n`);
    expect((await docker(['volume', 'ls', '--format', 'table {{.Name}}'])).out).toBe(`VOLUME NAME\n${'a'.repeat(64)}\nmy-vol\n`);
    const bad = await docker(['volume', 'ls', '-f', 'dangling']);
    expect(bad.status).toBe(125);
    expect(bad.err).toContain('bad format of filter (expected name=value)');
  });

  it('inspect prints indented JSON; unknown names give [] and an error', async () => {
    const r = await docker(['volume', 'inspect', 'my-vol']);
    expect(r.out).toBe(
      '[\n    {\n        "CreatedAt": "2026-11-23T07:31:36Z",\n        "Driver": "local",\n        "Labels": {},\n        "Mountpoint": "/var/lib/docker/volumes/my-vol/_data",\n        "Name": "my-vol",\n        "Options": {},\n        "Scope": "local"\n    }\n]\n',
    );
    expect(await docker(['volume', 'inspect', 'nosuchvolume'])).toEqual({ status: 1, out: '[]\n', err: 'Error: No such volume: nosuchvolume\n' });
    expect((await docker(['volume', 'inspect', '-f', '{{.Mountpoint}}', 'my-vol'])).out).toBe('/var/lib/docker/volumes/my-vol/_data\n');
  });

  it('rm prints removed names and collects errors', async () => {
    expect(await docker(['volume', 'rm', 'my-vol'])).toEqual({
      status: 1,
      out: '',
      err: `Error response from daemon: remove my-vol: volume is in use - [${ID}]\n`,
    });
    expect(await docker(['volume', 'rm', 'gone', 'nosuch'])).toEqual({ status: 1, out: 'gone\n', err: 'Error: No such volume: nosuch\n' });
  });

  it('prune asks first and reports what went', async () => {
    const yes = await docker(['volume', 'prune'], 'y\n');
    expect(yes.out).toBe(
      `WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] Deleted Volumes:\nmy-vol\n${'a'.repeat(64)}\n\nTotal reclaimed space: 725B\n`,
    );
    const no = await docker(['volume', 'prune'], 'n\n');
    expect(no).toEqual({
      status: 0,
      out: 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
      err: '',
    });
  });
});
