import { describe, expect, it } from 'vitest';
import { testEngine } from '../test-engine';
import { imageHistory } from './history';
import { inspectImage } from './inspect';
import { listImages } from './list';
import { pruneImages } from './prune';
import { pullImage } from './pull';
import { removeImage } from './remove';
import { tagImage } from './tag';

const quiet = { onMessage: () => undefined };
const kinds = (items: { Untagged?: string; Deleted?: string }[]) =>
  items.map((i) => (i.Untagged ? `Untagged: ${i.Untagged}` : `Deleted: ${i.Deleted!.slice(0, 19)}`));

describe('rmi', () => {
  it('removes by short id, long id, name and digest like golden 07', async () => {
    const e = testEngine();
    for (const r of ['hello-world', 'ubuntu:16.04', 'centos', 'redis:alpine']) await pullImage(e, r, quiet);
    expect(kinds(removeImage(e, '1cd'))).toEqual([
      'Untagged: redis:alpine',
      expect.stringMatching(/^Untagged: redis@sha256:7e44880da4ba/),
      expect.stringMatching(/^Deleted: sha256:1cd8430f214b/),
      expect.stringMatching(/^Deleted: /),
      expect.stringMatching(/^Deleted: /),
      expect.stringMatching(/^Deleted: /),
      expect.stringMatching(/^Deleted: /),
    ]);
    expect(removeImage(e, '62b077ec45b9f669c45b389c99e1f2dc9d618f04819cab9c5500d374bbf913ec')).toHaveLength(5);
    expect(kinds(removeImage(e, 'hello-world:latest')).slice(0, 2)).toEqual([
      'Untagged: hello-world:latest',
      expect.stringMatching(/^Untagged: hello-world@sha256:/),
    ]);
    const digest = 'sha256:fade3fd7d71cc97b602b512f0daf00d84043fef94bb105e686abdd65b32c8224';
    expect(removeImage(e, `centos@${digest}`)).toEqual([{ Untagged: `centos@${digest}` }]);
    expect(listImages(e)[0].RepoDigests).toEqual([]);
    expect(kinds(removeImage(e, 'centos'))).toEqual([
      'Untagged: centos:latest',
      expect.stringMatching(/^Deleted: sha256:1ad4d8cf988a/),
      expect.stringMatching(/^Deleted: /),
    ]);
    expect(() => removeImage(e, 'centos')).toThrow('No such image: centos:latest');
    expect(e.layers.all()).toHaveLength(0);
  });

  it('applies the conflict rules', async () => {
    const e = testEngine();
    await pullImage(e, 'ubuntu:18.04', quiet);
    const id = listImages(e)[0].Id;
    tagImage(e, id, 'username/ubuntu:18.04');
    expect(() => removeImage(e, id.slice(7, 19))).toThrow(
      `conflict: unable to delete ${id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories`,
    );
    expect(removeImage(e, 'username/ubuntu:18.04')).toEqual([{ Untagged: 'username/ubuntu:18.04' }]);
    e.fakeContainers.push({ ID: 'f63ccfccac47aaaa', Image: id, State: { Running: false } });
    expect(() => removeImage(e, 'ubuntu:18.04')).toThrow(
      `conflict: unable to remove repository reference "ubuntu:18.04" (must force) - container f63ccfccac47 is using its referenced image ${id.slice(7, 19)}`,
    );
    expect(() => removeImage(e, id.slice(7, 19))).toThrow(
      `conflict: unable to delete ${id.slice(7, 19)} (must be forced) - image is being used by stopped container f63ccfccac47`,
    );
    e.fakeContainers[0].State.Running = true;
    expect(kinds(removeImage(e, 'ubuntu:18.04', { force: true }))).toEqual([
      'Untagged: ubuntu:18.04',
      expect.stringMatching(/^Untagged: ubuntu@sha256:/),
    ]);
    expect(listImages(e)[0].RepoTags).toEqual(['<none>:<none>']);
  });
});

describe('dangling images', () => {
  it('keeps the repository name after a re-pull, prunes it with the reclaimed size', async () => {
    const e = testEngine();
    await pullImage(e, 'mongo:3.2', quiet);
    e.registries.retag('library/mongo', '3.2-fidelity-next', '3.2');
    await pullImage(e, 'mongo:3.2', quiet);
    const rows = listImages(e);
    expect(rows.map((r) => [r.RepoTags, r.RepoDigests?.length])).toEqual([
      [['mongo:3.2'], 1],
      [[], 1],
    ]);
    expect(listImages(e, { filters: { dangling: ['true'] } })).toHaveLength(1);
    const report = pruneImages(e, {});
    expect(kinds(report.ImagesDeleted ?? []).map((s) => s.slice(0, 17))).toEqual([
      'Untagged: mongo@s',
      'Deleted: sha256:5',
      expect.stringMatching(/^Deleted: sha256:/),
      expect.stringMatching(/^Deleted: sha256:/),
    ]);
    expect(report.SpaceReclaimed).toBe(382);
    expect(pruneImages(e, {})).toEqual({ ImagesDeleted: null, SpaceReclaimed: 0 });
    e.registries.reset();
  });
});

describe('history and inspect', () => {
  it('shows <missing> below the local image and the inspect fields', async () => {
    const e = testEngine();
    await pullImage(e, 'nginx:alpine', quiet);
    const h = imageHistory(e, 'nginx:alpine');
    expect(h).toHaveLength(14);
    expect(h[0].Id).toMatch(/^sha256:4d5eec9ba276/);
    expect(h[0].Tags).toEqual(['nginx:alpine']);
    expect(h[1].Id).toBe('<missing>');
    expect(h.map((r) => r.Size)).toContain(343);
    const i = inspectImage(e, 'nginx:alpine');
    expect(i.Size).toBe(1987340);
    expect(i.RepoDigests[0]).toMatch(/^nginx@sha256:b6f09f2c44e6/);
    expect(Object.keys(i.GraphDriver.Data ?? {})).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(i.GraphDriver.Data?.LowerDir.split(':')).toHaveLength(4);
    expect(Object.keys(i)).toEqual([
      'Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'Container', 'ContainerConfig',
      'DockerVersion', 'Author', 'Config', 'Architecture', 'Os', 'Size', 'VirtualSize', 'GraphDriver', 'RootFS', 'Metadata',
    ]);
    expect(() => inspectImage(e, 'nosuch')).toThrow('no such image: nosuch: No such image: nosuch:latest');
  });
});
