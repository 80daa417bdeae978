import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock';
import { BlobTable } from '../../engine/snapshot/blob-table';
import { createSandboxSession } from './create-session';
import { runIn, testCatalog } from './test-driver';

const catalog = testCatalog();
const START = Date.UTC(2026, 10, 23, 8, 0, 0);

function newSession(clock: VirtualClock, blobs: BlobTable, from?: Parameters<typeof createSandboxSession>[0]['from']) {
  return createSandboxSession({ clock, catalog, home: '/home/learner', cwd: '/home/learner', cols: 120, blobs, seed: 5, from });
}

describe('the machine across a reload', () => {
  it('keeps the services, the journal, daemon.json settings and the Hub accounts', { timeout: 60_000 }, async () => {
    const clock = new VirtualClock(START);
    const blobs = new BlobTable();
    const a = newSession(clock, blobs);
    const run = async (s: typeof a, line: string) => {
      const r = await runIn(s, clock, 'main', line);
      return { status: r.status, out: r.out.replace(/\r\n/g, '\n'), err: r.err.replace(/\r\n/g, '\n') };
    };
    expect((await run(a, 'docker login -u learner1 -p pw-one')).status).toBe(0);
    expect((await run(a, `echo '{"live-restore": true, "registry-mirrors": ["https://hub-mirror.c.163.com"]}' | sudo tee /etc/docker/daemon.json`)).status).toBe(0);
    expect((await run(a, 'sudo systemctl restart docker')).status).toBe(0);
    expect((await run(a, 'sudo systemctl stop docker.socket')).status).toBe(0);
    const journal = (await run(a, 'journalctl -u docker')).out;
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    a.dispose();

    const b = newSession(clock, blobs, snap);
    expect((await run(b, 'docker ps')).err).toBe('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    expect((await run(b, 'systemctl is-active docker docker.socket')).out).toBe('inactive\ninactive\n');
    expect((await run(b, 'journalctl -u docker')).out).toBe(journal);
    expect((await run(b, 'sudo systemctl start docker')).status).toBe(0);
    const info = (await run(b, 'docker info')).out;
    expect(info).toContain(' Registry Mirrors:\n  https://hub-mirror.c.163.com/\n Live Restore Enabled: true\n');
    expect((await run(b, 'docker login -u learner1 -p wrong')).status).toBe(1);
    expect((await run(b, 'docker login -u learner1 -p pw-one')).status).toBe(0);
    b.dispose();
  });
});
