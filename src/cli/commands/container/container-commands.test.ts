import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../api/errors';
import type { EngineClient } from '../../../client/engine-client';
import { testContext } from '../../framework/testing';
import { runDocker } from '../../main';
import { containerCommands } from '.';

const notFound = (id: string, wrapped: boolean) =>
  new ClientError('NotFound', wrapped ? `Error: No such container: ${id}` : `Error response from daemon: No such container: ${id}`, `No such container: ${id}`);

/** a client that knows one container, "web", and fails like dockerd for the rest */
function fakeClient(log: string[]): EngineClient {
  const known = (id: string) => id === 'web';
  const impl: Partial<EngineClient> = {
    containerStart: async (id) => {
      log.push(`start ${id}`);
      if (!known(id)) throw notFound(id, false);
    },
    containerStop: async (id, t) => {
      log.push(`stop ${id} ${t}`);
      if (!known(id)) throw notFound(id, false);
    },
    containerRemove: async (id, o) => {
      log.push(`rm ${id} ${o?.force} ${o?.removeVolumes}`);
      if (!known(id)) throw notFound(id, true);
    },
    containerCreate: async (config, hostConfig, _n, name) => {
      log.push(`create ${config.Image} ${JSON.stringify(config.Cmd)} ${name} ${JSON.stringify(hostConfig?.PortBindings)}`);
      if (name === 'web') {
        throw new ClientError(
          'Conflict',
          'Error response from daemon: Conflict. The container name "/web" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.',
          '',
        );
      }
      return { Id: 'f'.repeat(64), Warnings: [] };
    },
  };
  return new Proxy(impl as EngineClient, {
    get(target, prop) {
      const v = (target as unknown as Record<string | symbol, unknown>)[prop];
      if (v === undefined) throw new Error(`unexpected call ${String(prop)}`);
      return v;
    },
  });
}

async function docker(argv: string[]) {
  const log: string[] = [];
  const ctx = testContext({ client: fakeClient(log) });
  const status = await runDocker(argv, ctx, containerCommands);
  return { status, out: ctx.stdout.text(), err: ctx.stderr.text(), log };
}

describe('container verbs', () => {
  it('start reports each failure and sums them up', async () => {
    const r = await docker(['start', 'nosuch']);
    expect(r.err).toBe('Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n');
    expect(r.status).toBe(1);
  });

  it('stop echoes names as typed and sends -t only when given', async () => {
    const r = await docker(['container', 'stop', '-t', '3', 'web']);
    expect(r.out).toBe('web\n');
    expect(r.log).toEqual(['stop web 3']);
    expect((await docker(['stop', 'web'])).log).toEqual(['stop web undefined']);
  });

  it('rm: unknown containers are errors, with -f only reported', async () => {
    const plain = await docker(['rm', 'nosuch']);
    expect(plain.err).toBe('Error: No such container: nosuch\n');
    expect(plain.status).toBe(1);
    const forced = await docker(['rm', '-f', '-v', 'nosuch', 'web']);
    expect(forced.err).toBe('Error: No such container: nosuch\n');
    expect(forced.out).toBe('web\n');
    expect(forced.status).toBe(0);
    expect(forced.log).toEqual(['rm nosuch true true', 'rm web true true']);
  });

  it('run: option errors are docker: …. + See help, exit 125', async () => {
    const r = await docker(['run', '-p', '99999:80', 'busybox']);
    expect(r.err).toBe("docker: Invalid hostPort: 99999.\nSee 'docker run --help'.\n");
    expect(r.status).toBe(125);
    const conflict = await docker(['run', '--rm', '--restart=always', 'busybox']);
    expect(conflict.err).toBe("docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.\n");
    const name = await docker(['run', '-d', '--name', 'web', 'busybox']);
    expect(name.err).toContain('docker: Error response from daemon: Conflict. The container name "/web" is already in use');
    expect(name.status).toBe(125);
  });

  it('rename needs two non-empty names', async () => {
    const r = await docker(['rename', 'a']);
    expect(r.err).toContain('"docker rename" requires exactly 2 arguments.');
  });
});
