import { describe, expect, it } from 'vitest';
import type { ContainerJSON } from '../../api/container';
import { looksOnly, planResume } from './resume';

describe('looksOnly: commands a reload may run again', () => {
  it('observers', () => {
    for (const line of ['docker logs -f web', 'docker container logs --tail 5 -f web', 'docker events', 'docker stats', 'ping busybox2', 'docker logs -f web | grep GET', 'while true; do docker ps; sleep 1; done', 'docker logs -f web 2>&1 >/dev/null'])
      expect(looksOnly(line), line).toBe(true);
  });
  it('anything that changes state, or that cannot be told', () => {
    for (const line of ['docker run -it busybox sh', 'docker run --name web -d nginx', 'docker stop web', 'docker exec -it web bash', 'docker logs web > log.txt', 'rm -rf /tmp', 'docker ps; docker rm -f web', 'docker $(echo ps)', 'f() { :; }', 'docker -H x ps', 'docker image rm x', 'docker'])
      expect(looksOnly(line), line).toBe(false);
  });
});

function client(containers: Record<string, { running: boolean; paused?: boolean }>) {
  return {
    async containerInspect(ref: string): Promise<ContainerJSON> {
      const c = containers[ref];
      if (!c) throw new Error(`No such container: ${ref}`);
      return { Name: `/${ref}-name`, State: { Running: c.running, Paused: c.paused ?? false } } as unknown as ContainerJSON;
    },
  };
}

describe('planResume', () => {
  it('attaches again to a container that still runs', async () => {
    expect(await planResume('docker run -it busybox sh', 'abc', client({ abc: { running: true } }))).toEqual({ kind: 'attach', container: 'abc-name' });
  });
  it('a command whose container is gone, stopped or paused ended with the page', async () => {
    expect(await planResume('docker run -it busybox sh', 'abc', client({}))).toEqual({ kind: 'ended' });
    expect(await planResume('docker attach abc', 'abc', client({ abc: { running: false } }))).toEqual({ kind: 'ended' });
    expect(await planResume('docker start -ai abc', 'abc', client({ abc: { running: true, paused: true } }))).toEqual({ kind: 'ended' });
  });
  it('runs an observer again, and never a command that changes state', async () => {
    expect(await planResume('docker logs -f web', undefined, client({}))).toEqual({ kind: 'rerun' });
    expect(await planResume('docker run --name web nginx', undefined, client({}))).toEqual({ kind: 'ended' });
    expect(await planResume('docker stop web', undefined, client({}))).toEqual({ kind: 'ended' });
  });
});
