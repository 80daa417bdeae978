import { describe, expect, it } from 'vitest';
import type { SandboxChange } from '../../store/contract';
import { buildStateModel, ContainerReads } from './build-model';
import { objectKey } from './model';
import { testSandbox } from './test-sandbox';

describe('buildStateModel on a live sandbox', () => {
  it('reads images, layers, tags, containers, volumes, networks and registries', async () => {
    const { sim, sh } = testSandbox();
    for (const l of ['docker pull nginx', 'docker run -d --name web -v data:/d nginx', 'docker network create n', 'docker network connect n web', 'docker tag nginx my/nginx:v1']) {
      await sh(l);
    }
    const m = await buildStateModel(sim.client);
    expect(m.images).toHaveLength(1);
    const nginx = m.images[0];
    if (!nginx) throw new Error('no image');
    expect(nginx.repoTags.sort()).toEqual(['my/nginx:v1', 'nginx:latest']);
    expect(nginx.dangling).toBe(false);
    expect(nginx.layers.length).toBeGreaterThan(1);
    expect(nginx.layers[0]?.chainId).toBe(nginx.layers[0]?.diffId);
    expect(nginx.layers[1]?.chainId).not.toBe(nginx.layers[1]?.diffId);
    expect(nginx.layers.every((l) => l.createdBy !== undefined)).toBe(true);

    const web = m.containers.find((c) => c.name === 'web');
    expect(web).toMatchObject({ image: 'nginx', imageId: nginx.id, state: 'running', volumes: ['data'] });
    expect(web?.networks.sort()).toEqual(['bridge', 'n']);
    expect(nginx.containers).toEqual([web?.id]);

    expect(m.volumes.map((v) => [v.name, v.containers])).toEqual([['data', [web?.id]]]);
    const n = m.networks.find((x) => x.name === 'n');
    expect(n).toMatchObject({ builtin: false, containers: [web?.id] });
    expect(m.networks.find((x) => x.name === 'bridge')?.containers).toEqual([web?.id]);

    const hub = m.registries[0];
    expect(hub?.host).toBe('docker.io');
    // the Hub's own tags of nginx; my/nginx is only a local name, not in the Hub
    expect(hub?.repositories.map((r) => [r.name, r.inRegistry, r.tags, r.localTags])).toEqual([
      ['my/nginx', false, [], ['v1']],
      ['nginx', true, ['alpine', 'latest'], ['latest']],
    ]);

    expect(m.inspect[objectKey('container', web?.id ?? '')]).toMatchObject({ Name: '/web' });
    expect(m.inspect[objectKey('image', nginx.id)]).toMatchObject({ Id: nginx.id });
    expect(m.inspect[objectKey('volume', 'data')]).toMatchObject({ Name: 'data' });
  });

  it('keeps a volume after its container is removed, shows dangling images and a private registry', async () => {
    const { sim, sh } = testSandbox(2);
    await sh('docker run -d --name web -v data:/d nginx');
    await sh('docker rm -f web');
    await sh('docker run -d -p 5000:5000 --name reg registry:2');
    await sh('docker tag nginx localhost:5000/nginx');
    await sh('docker push localhost:5000/nginx');
    sim.hostFs.mkdir('/home/learner/app', { recursive: true });
    sim.hostFs.writeFile('/home/learner/app/Dockerfile', 'FROM nginx\nRUN echo one > /x\n');
    await sh('cd /home/learner/app && docker build -t app .');
    sim.hostFs.writeFile('/home/learner/app/Dockerfile', 'FROM nginx\nRUN echo two > /x\n');
    await sh('cd /home/learner/app && docker build -t app .');
    const m = await buildStateModel(sim.client);
    expect(m.volumes.find((v) => v.name === 'data')?.containers).toEqual([]);
    const dangling = m.images.filter((i) => i.dangling);
    expect(dangling).toHaveLength(1);
    const app = m.images.find((i) => i.repoTags.includes('app:latest'));
    const nginx = m.images.find((i) => i.repoTags.includes('nginx:latest'));
    // the built images share nginx's layers: same chain IDs below their own layer
    expect(app?.layers.slice(0, -1).map((l) => l.chainId)).toEqual(nginx?.layers.map((l) => l.chainId));
    expect(dangling[0]?.layers.slice(0, -1).map((l) => l.chainId)).toEqual(nginx?.layers.map((l) => l.chainId));
    const reg = m.registries.find((r) => r.host === 'localhost:5000');
    const regContainer = m.containers.find((c) => c.name === 'reg');
    expect(reg?.containerId).toBe(regContainer?.id);
    expect(reg?.repositories.map((r) => [r.name, r.inRegistry])).toEqual([['localhost:5000/nginx', true]]);
  });
});

describe('registry cards from the registries\' own API', () => {
  it('list what Docker Hub and a private registry hold, never a local tag that was not pushed', async () => {
    const { sim, sh } = testSandbox(3);
    for (const l of [
      'docker pull nginx',
      'docker tag nginx nginx:v2',
      'docker run -d -p 5000:5000 --name reg registry:2',
      'docker tag nginx localhost:5000/web:1.0',
      'docker push localhost:5000/web:1.0',
      'docker tag nginx localhost:5000/web:2.0',
      'docker tag nginx localhost:5000/other',
    ]) {
      await sh(l);
    }
    // pushed from somewhere else: only the registry's catalog knows it
    await sh('docker tag nginx localhost:5000/elsewhere:x && docker push localhost:5000/elsewhere:x && docker rmi localhost:5000/elsewhere:x');
    const m = await buildStateModel(sim.client);
    const hub = m.registries.find((r) => r.hub);
    const nginx = hub?.repositories.find((r) => r.name === 'nginx');
    expect(nginx?.tags).toEqual(['alpine', 'latest']);
    expect(nginx?.localTags.sort()).toEqual(['latest', 'v2']);
    expect(hub?.error).toBeUndefined();
    const reg = m.registries.find((r) => r.host === 'localhost:5000');
    expect(reg?.repositories.map((r) => [r.name, r.inRegistry, r.tags])).toEqual([
      ['localhost:5000/elsewhere', true, ['x']],
      ['localhost:5000/other', false, []],
      ['localhost:5000/web', true, ['1.0']],
    ]);
    expect(m.inspect[objectKey('registry', 'localhost:5000')]).toMatchObject({ Repositories: ['localhost:5000/elsewhere', 'localhost:5000/web'] });

    // a registry that does not answer says why; what the engine knows stays
    await sh('docker stop reg');
    const down = (await buildStateModel(sim.client)).registries.find((r) => r.host === 'localhost:5000');
    expect(down?.error).toBe('Get "http://localhost:5000/v2/_catalog": dial tcp 127.0.0.1:5000: connect: connection refused');
    expect(down?.repositories.find((r) => r.name === 'localhost:5000/web')?.inRegistry).toBe(true);
  });
});

describe('re-reads with ContainerReads', () => {
  it('inspect again only the containers the events named or whose summary moved, and give the same model as a full read', async () => {
    const { sim, sh } = testSandbox();
    await sh('docker pull busybox');
    for (let i = 0; i < 4; i++) await sh(`docker run -d --name c${i} busybox sleep 1000`);
    const inspected: string[] = [];
    const client = new Proxy(sim.client, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'containerInspect' || typeof v !== 'function') return v;
        return (id: string, ...rest: unknown[]) => {
          inspected.push(id);
          return (v as (...a: unknown[]) => unknown).call(target, id, ...rest);
        };
      },
    });
    const reads = new ContainerReads();
    const changes: SandboxChange[] = [];
    const off = sim.engine.events.subscribe((e) => changes.push({ kind: 'engine', subject: e.Type, action: e.Action, id: e.Actor.ID, attributes: { ...e.Actor.Attributes } }));
    const note = () => {
      for (const c of changes.splice(0)) reads.note(c);
    };
    // the first read is full
    await buildStateModel(client, reads);
    expect(inspected).toHaveLength(4);
    inspected.length = 0;
    // nothing happened: nothing is inspected again
    expect(await buildStateModel(client, reads)).toEqual(await buildStateModel(sim.client));
    inspected.length = 0;
    await buildStateModel(client, reads);
    expect(inspected).toEqual([]);
    // a new container, one renamed, one joined to a network (the event names the network; its container attribute the container)
    await sh('docker run -d --name c4 busybox sleep 1000');
    await sh('docker rename c1 c1b');
    await sh('docker network create n');
    await sh('docker network connect n c2');
    note();
    const m = await buildStateModel(client, reads);
    const id = (name: string) => m.containers.find((c) => c.name === name)?.id;
    expect(new Set(inspected)).toEqual(new Set([id('c4'), id('c1b'), id('c2')]));
    expect(m).toEqual(await buildStateModel(sim.client));
    // a real engine's refresh names nothing: all are read again
    inspected.length = 0;
    reads.note({ kind: 'engine', subject: 'engine', action: 'refresh' });
    await buildStateModel(client, reads);
    expect(inspected).toHaveLength(5);
    // a read begun while another is under way reads in full
    inspected.length = 0;
    await Promise.all([buildStateModel(client, reads), buildStateModel(client, reads)]);
    expect(inspected).toHaveLength(5);
    off();
  });
});
