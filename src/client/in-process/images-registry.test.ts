import { describe, expect, it, vi } from 'vitest';
import { textDecoder } from '../../api/fs';
import type { HttpHandler, HttpRequest } from '../../api/net';
import { imageCommands } from '../../cli/commands/image';
import { registryCommands } from '../../cli/commands/registry';
import { testContext } from '../../cli/framework/testing';
import { runDocker } from '../../cli/main';
import { testEngine } from '../../engine/images/test-engine';
import { createDistributionHandler } from '../../engine/registry/distribution/handler';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import type { EngineClient } from '../engine-client';
import { imageClient } from './images';

vi.mock('../../cli/commands/index', () => ({ allCommands: [] }));

/** what listens on the host's 127.0.0.1:5000 in these tests */
const listeners = new Map<number, HttpHandler>();
vi.mock('../../engine/networks/ops/host-http', () => ({
  hostHttp: async (_engine: unknown, req: HttpRequest) => {
    const h = req.host === '127.0.0.1' ? listeners.get(req.port) : undefined;
    return h ? h(req) : { error: 'refused' };
  },
}));

describe('private registry (127.0.0.1:5000)', () => {
  it('push, catalog, rm, pull back, errors', async () => {
    const engine = testEngine();
    const client = imageClient(engine) as unknown as EngineClient;
    const hostFs = new MemoryFs();
    const registryFs = new MemoryFs();
    const run = async (argv: string) => {
      const ctx = testContext({ client, hostFs, env: { HOME: '/root' }, stdin: '' });
      const status = await runDocker(argv.split(' ').slice(1), ctx, [...imageCommands, ...registryCommands]);
      return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
    };
    const before = await run('docker push 127.0.0.1:5000/ubuntu:latest');
    expect([before.status, before.out, before.err]).toEqual([
      1,
      'The push refers to repository [127.0.0.1:5000/ubuntu]\n',
      'An image does not exist locally with the tag: 127.0.0.1:5000/ubuntu\n',
    ]);
    await run('docker pull ubuntu');
    await run('docker tag ubuntu:latest 127.0.0.1:5000/ubuntu:latest');
    const down = await run('docker push 127.0.0.1:5000/ubuntu:latest');
    expect(down.err).toBe('Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
    const handler = createDistributionHandler(registryFs, '/var/lib/registry');
    listeners.set(5000, handler);
    const push = await run('docker push 127.0.0.1:5000/ubuntu:latest');
    expect(push.out).toBe(
      'The push refers to repository [127.0.0.1:5000/ubuntu]\na2a44f91a4d5: Preparing\na2a44f91a4d5: Pushed\n' +
        'latest: digest: sha256:929c9591aa996e0baf4bfa5800ebec2e6291f8d9d8de7820763acacfa8b3ee69 size: 528\n',
    );
    const cat = await handler({ method: 'GET', host: '127.0.0.1', port: 5000, path: '/v2/_catalog', headers: {} });
    expect(textDecoder.decode(cat.body)).toBe('{"repositories":["ubuntu"]}\n');
    const tags = await handler({ method: 'GET', host: '127.0.0.1', port: 5000, path: '/v2/ubuntu/tags/list', headers: {} });
    expect(textDecoder.decode(tags.body)).toBe('{"name":"ubuntu","tags":["latest"]}\n');
    expect(registryFs.readdir('/var/lib/registry/docker/registry/v2/repositories')).toEqual(['ubuntu']);
    const rm = await run('docker image rm 127.0.0.1:5000/ubuntu:latest');
    expect(rm.out).toBe(
      'Untagged: 127.0.0.1:5000/ubuntu:latest\nUntagged: 127.0.0.1:5000/ubuntu@sha256:929c9591aa996e0baf4bfa5800ebec2e6291f8d9d8de7820763acacfa8b3ee69\n',
    );
    const pull = await run('docker pull 127.0.0.1:5000/ubuntu:latest');
    expect(pull.out).toBe(
      'latest: Pulling from ubuntu\nDigest: sha256:929c9591aa996e0baf4bfa5800ebec2e6291f8d9d8de7820763acacfa8b3ee69\n' +
        'Status: Downloaded newer image for 127.0.0.1:5000/ubuntu:latest\n127.0.0.1:5000/ubuntu:latest\n',
    );
    const noTag = await run('docker pull 127.0.0.1:5000/ubuntu:nosuchtag');
    expect(noTag.err).toBe(
      'Error response from daemon: manifest for 127.0.0.1:5000/ubuntu:nosuchtag not found: manifest unknown: manifest unknown\n',
    );
    // a fresh engine pulls the layers back with their files
    await run('docker rmi ubuntu:latest 127.0.0.1:5000/ubuntu:latest');
    expect(engine.layers.all()).toHaveLength(0);
    const full = await run('docker pull 127.0.0.1:5000/ubuntu:latest');
    expect(full.out).toMatch(/: Pull complete\n/);
    const layer = engine.layers.all()[0];
    expect(layer.files.get('/etc/os-release')?.kind).toBe('file');
    const login = await run('docker login -u admin -p secret 127.0.0.1:5000');
    expect(login.out).toBe('Login Succeeded\n');
    expect((await run('docker logout 127.0.0.1:5000')).out).toBe('Removing login credentials for 127.0.0.1:5000\n');
    const search = await run('docker search 127.0.0.1:5000/ubuntu');
    expect(search.err).toBe('Error response from daemon: Unexpected status code 404\n');
  });
});
