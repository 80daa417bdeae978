import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock';
import { BlobTable } from '../../engine/snapshot/blob-table';
import type { SandboxChange } from '../../store/contract';
import { createSandboxSession } from './create-session';
import { runIn, testCatalog } from './test-driver';

const catalog = testCatalog();
const START = Date.UTC(2026, 10, 23, 8, 0, 0);

function newSession(clock: VirtualClock, blobs: BlobTable, from?: Parameters<typeof createSandboxSession>[0]['from']) {
  return createSandboxSession({ clock, catalog, home: '/home/learner', cwd: '/home/learner', cols: 120, blobs, seed: 5, from });
}

const LISTINGS = ['docker ps -a', 'docker images -a', 'docker volume ls', 'docker network ls', 'docker inspect web loop', 'docker network inspect appnet', 'docker volume inspect data'];

describe('sandbox session', () => {
  it('restores a snapshot that prints the same and keeps a loop logging', { timeout: 120_000 }, async () => {
    const clock = new VirtualClock(START);
    const blobs = new BlobTable();
    const a = newSession(clock, blobs);
    for (const line of [
      'docker network create appnet',
      'docker volume create data',
      'docker run -d --name web --network appnet -p 8080:80 -v data:/usr/share/nginx/html nginx:alpine',
      "docker run -d --name loop busybox sh -c 'while true; do echo hi; sleep 1; done'",
      'docker run --name once hello-world',
      'docker tag busybox mybox:1',
      'cd /tmp && echo hello > note.txt && export GREETING=hi',
    ]) {
      const r = await runIn(a, clock, 'main', line);
      expect(r.status, `${line}\n${r.err}`).toBe(0);
    }
    await clock.advance(3000);
    const before: string[] = [];
    for (const l of LISTINGS) before.push((await runIn(a, clock, 'main', l)).out);
    const snap = a.snapshot();
    a.dispose();

    const b = newSession(clock, blobs, JSON.parse(JSON.stringify(snap)));
    for (const [i, l] of LISTINGS.entries()) expect((await runIn(b, clock, 'main', l)).out, l).toBe(before[i]);
    // the shell of the terminal came back
    expect(b.prompt('main')).toBe('learner@dockyard:/tmp$ ');
    expect((await runIn(b, clock, 'main', 'cat note.txt; echo $GREETING')).out.replace(/\r/g, '')).toBe('hello\nhi\n');
    // the loop keeps printing after the restore
    const logs1 = (await runIn(b, clock, 'main', 'docker logs loop')).out.split('\n').length;
    await clock.advance(3000);
    const logs2 = (await runIn(b, clock, 'main', 'docker logs loop')).out.split('\n').length;
    expect(logs2).toBeGreaterThan(logs1 + 1);
    // published port still answers
    expect((await runIn(b, clock, 'main', 'curl -s localhost:8080')).status).toBe(0);
    b.dispose();
  });

  it('gives each terminal its own shell and reports changes', { timeout: 60_000 }, async () => {
    const clock = new VirtualClock(START);
    const s = newSession(clock, new BlobTable());
    const seen: SandboxChange[] = [];
    s.onChange((c) => seen.push(c));
    await runIn(s, clock, 't1', 'cd /tmp');
    expect(s.prompt('t1')).toBe('learner@dockyard:/tmp$ ');
    expect(s.prompt('t2')).toBe('learner@dockyard:~$ ');
    expect(s.changedSinceSnapshot()).toBe(true);
    s.snapshot();
    expect(s.changedSinceSnapshot()).toBe(false);
    await runIn(s, clock, 't2', 'docker volume create v1 && echo x > /tmp/f');
    expect(seen).toContainEqual({ kind: 'engine', subject: 'volume', action: 'create', id: 'v1', attributes: { driver: 'local' } });
    expect(seen).toContainEqual({ kind: 'file', subject: '/tmp/f', action: 'write' });
    await runIn(s, clock, 't2', 'docker pull busybox');
    const pull = seen.find((c) => c.action === 'pull');
    expect(pull?.id).toMatch(/^sha256:/);
    expect(pull?.name).toBe('busybox:latest');
    expect(s.changedSinceSnapshot()).toBe(true);
    s.dispose();
  });

  it('rejects data that is not a sandbox', () => {
    const clock = new VirtualClock(START);
    expect(() => newSession(clock, new BlobTable(), { data: { version: 1 }, blobs: [] })).toThrow(/sandbox/);
    expect(() => newSession(clock, new BlobTable(), { data: null, blobs: [] })).toThrow(/sandbox/);
    expect(() => newSession(clock, new BlobTable(), { data: {}, blobs: ['sha256:00'] })).toThrow(/missing blob/);
  });

  it('on a real engine (a remote client) every command ends with a refresh change: its events are not the simulator\'s', async () => {
    const clock = new VirtualClock(START);
    let remote = false;
    const s = createSandboxSession({
      clock,
      catalog,
      home: '/home/learner',
      cwd: '/home/learner',
      cols: 120,
      blobs: new BlobTable(),
      seed: 5,
      wrapClient: (inProcess) =>
        new Proxy(inProcess, { get: (t, p) => (p === 'remote' ? remote : (t as unknown as Record<PropertyKey, unknown>)[p]) }),
    });
    const seen: SandboxChange[] = [];
    s.onChange((c) => seen.push(c));
    await runIn(s, clock, 't1', 'true');
    expect(seen.filter((c) => c.action === 'refresh')).toEqual([]);
    remote = true;
    await runIn(s, clock, 't1', 'true');
    expect(seen.filter((c) => c.action === 'refresh')).toEqual([{ kind: 'engine', subject: 'engine', action: 'refresh' }]);
    s.dispose();
  });
});
