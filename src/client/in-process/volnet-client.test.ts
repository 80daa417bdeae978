import { describe, expect, it } from 'vitest';
import { ClientError } from '../../api/errors';
import { VirtualClock } from '../../engine/core/clock';
import { SeededIds } from '../../engine/core/ids';
import { Engine } from '../../engine/engine';
import { UnionFs } from '../../engine/fs/union-fs';
import { networkClient } from './networks';
import { systemClient } from './system';
import { volumeClient } from './volumes';

function engine(): Engine {
  return new Engine({
    clock: new VirtualClock(Date.UTC(2026, 10, 24, 7)),
    ids: new SeededIds(5),
    hostFs: new UnionFs([], new Map()),
    catalog: { repositories: {}, layers: {} },
    runtime: {
      spawn: () => {
        throw new Error('no runtime');
      },
    },
  });
}

async function rejection(p: Promise<unknown>): Promise<ClientError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ClientError) return e;
    throw e;
  }
  throw new Error('resolved');
}

describe('in-process volume/network/system clients', () => {
  it('maps daemon errors to docker CLI texts', async () => {
    const e = engine();
    const v = volumeClient(e);
    const n = networkClient(e);
    expect((await v.volumeCreate({ Name: 'my-vol', Labels: {}, DriverOpts: {} })).Name).toBe('my-vol');
    expect((await rejection(v.volumeInspect('nosuch'))).message).toBe('Error: No such volume: nosuch');
    expect((await rejection(v.volumeRemove('nosuch'))).message).toBe('Error: No such volume: nosuch');
    await n.networkCreate({ Name: 'my-net', Driver: 'bridge' });
    expect((await rejection(n.networkCreate({ Name: 'my-net' }))).message).toBe(
      'Error response from daemon: network with name my-net already exists',
    );
    expect((await rejection(n.networkInspect('nosuch'))).message).toBe('Error: No such network: nosuch');
    expect((await n.networkList()).map((x) => x.Name).sort()).toEqual(['bridge', 'host', 'my-net', 'none']);
  });

  it('replays events between since and until', async () => {
    const e = engine();
    await volumeClient(e).volumeCreate({ Name: 'v1' });
    const seen: string[] = [];
    await systemClient(e).events({ since: '1h', until: '0s' }, (ev) => seen.push(`${ev.Type} ${ev.Action} ${ev.Actor.ID}`));
    expect(seen).toEqual(['volume create v1']);
    expect((await rejection(systemClient(e).events({ since: 'bogus' }, () => undefined))).message).toBe(
      'failed to parse value as time or duration: "bogus"',
    );
  });
});
