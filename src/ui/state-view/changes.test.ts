import { describe, expect, it } from 'vitest';
import { buildStateModel } from './build-model';
import { changedKeys } from './changes';
import { testSandbox } from './test-sandbox';

describe('changedKeys', () => {
  it('names what a command changed: a stopped container, a moved tag, a new volume; nothing on first load', async () => {
    const { sim, sh } = testSandbox(5);
    await sh('docker run -d --name web nginx');
    await sh('docker pull busybox');
    await sh('docker tag nginx mine:v1');
    const before = await buildStateModel(sim.client);
    expect(changedKeys(undefined, before, []).size).toBe(0);
    await sh('docker stop web');
    await sh('docker tag busybox mine:v1');
    await sh('docker volume create vv');
    const after = await buildStateModel(sim.client);
    const web = after.containers.find((c) => c.name === 'web');
    const keys = changedKeys(before, after, [{ kind: 'engine', subject: 'network', action: 'create', id: 'abc' }]);
    expect(keys.has(`container:${web?.id}`)).toBe(true);
    expect(keys.has('tag:mine:v1')).toBe(true);
    expect(keys.has('volume:vv')).toBe(true);
    expect(keys.has('network:abc')).toBe(true);
    const nginx = after.images.find((i) => i.repoTags.includes('nginx:latest'));
    expect(keys.has(`image:${nginx?.id}`)).toBe(true); // lost a tag
    expect(changedKeys(after, after, []).size).toBe(0);
  });
});
