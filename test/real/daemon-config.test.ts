/**
 * The learner's daemon.json on their session daemon (the server side of lesson
 * 19 on a real engine): the file is read as dockerd reads it and checked
 * against the allowlist (src/server/policy/daemon-json.ts), then the session
 * daemon is stopped and started again with it. Its containers come back as
 * dockerd brings them back; a broken file leaves it stopped with dockerd's
 * error; a fixed one starts it again. And the same through the learner's own
 * shell, as the browser has it: `sudo systemctl restart docker` after editing
 * /etc/docker/daemon.json, `systemctl status`/`journalctl -u docker`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNetns } from '../../src/server/launcher/netns';
import { LocalDockerdLauncher } from '../../src/server/launcher/local-dockerd';
import { sessionDaemonConfig } from '../../src/server/policy/daemon-json';
import { playgroundDaemonConfig } from '../../src/server/compose';
import { fixture, type Harness, type LearnerSession, learner, startServer } from './support/harness';

let h: Harness;
let l: LearnerSession;
let launcher: LocalDockerdLauncher;

beforeAll(async () => {
  h = await startServer({ warmPool: 0 });
  if (!(h.launcher instanceof LocalDockerdLauncher)) throw new Error('expected the dockerd launcher');
  launcher = h.launcher;
  l = await learner(h);
}, 120_000);

afterAll(async () => {
  await l?.remote.close();
  await h?.close();
});

const serverConfig = () => playgroundDaemonConfig({ mirror: { host: fixture().hubPort, session: 5001 } });

async function restartWith(file: string | undefined): Promise<{ ok: boolean; log: string[] }> {
  const c = sessionDaemonConfig(file, serverConfig());
  await launcher.stopDaemon(l.remote.sessionId);
  if (!c.ok) return { ok: false, log: [c.message] };
  return launcher.startDaemon(l.remote.sessionId, c.config);
}

describe("the learner's daemon.json on the session daemon", () => {
  it('a restart applies it; containers come back by their restart policy', { timeout: 180_000 }, async () => {
    expect((await l.run('docker run -d --restart=always --name keeper busybox sleep 600')).status).toBe(0);
    expect((await l.run('docker run -d --name plain busybox sleep 600')).status).toBe(0);
    const r = await restartWith(JSON.stringify({ 'registry-mirrors': ['https://hub-mirror.c.163.com'], 'insecure-registries': ['192.168.199.100:5000'] }));
    expect(r.ok).toBe(true);
    const info = await l.run('docker info');
    expect(info.out).toContain('  192.168.199.100:5000');
    expect(info.out).toContain('  https://hub-mirror.c.163.com/');
    const ps = await l.run("docker ps -a --format '{{.Names}} {{.State}}'");
    expect(ps.out.split('\n').filter(Boolean).sort()).toEqual(['keeper running', 'plain exited']);
  });

  it("a broken file stops it with dockerd's error; the fixed file starts it again", { timeout: 180_000 }, async () => {
    const broken = await restartWith('{\n  "insecure-registries": ["192.168.199.100:5000"]\n  "live-restore": true\n}');
    expect(broken).toEqual({ ok: false, log: ["unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '\"' after object key:value pair"] });
    expect((await launcher.health(l.remote.sessionId)).ok).toBe(false);
    const refused = await restartWith('{"data-root": "/"}');
    expect(refused.ok).toBe(false);
    expect(refused.log[0]).toContain('data-root');
    const fixed = await restartWith('{\n  "insecure-registries": ["192.168.199.100:5000"],\n  "live-restore": true\n}');
    expect(fixed.ok).toBe(true);
    expect((await l.run('docker info')).out).toContain('Live Restore Enabled: true');
    expect((await l.run("docker ps --format '{{.Names}}'")).out.trim()).toBe('keeper');
  });

  it('through the learner\'s shell: sudo systemctl restart docker applies /etc/docker/daemon.json', { timeout: 240_000 }, async () => {
    const write = (json: string) => l.run(`sudo tee /etc/docker/daemon.json >/dev/null <<'EOF'\n${json}\nEOF`);
    expect((await write('{ "registry-mirrors": ["https://mirror.baidubce.com"], "debug": true }')).status).toBe(0);
    const restart = await l.run('sudo systemctl restart docker');
    expect(restart).toMatchObject({ status: 0, err: '' });
    expect((await l.run('docker info')).out).toContain('  https://mirror.baidubce.com/');
    expect((await l.run('systemctl is-active docker')).out.trim()).toBe('active');
    // a restart policy brings keeper back
    expect((await l.run("docker ps --format '{{.Names}}'")).out.trim()).toBe('keeper');

    expect((await write('{ "registry-mirrors": ["https://mirror.baidubce.com"] "debug": true }')).status).toBe(0);
    const failed = await l.run('sudo systemctl restart docker');
    expect(failed.status).not.toBe(0);
    expect(failed.err).toContain('Job for docker.service failed');
    expect((await l.run('systemctl is-active docker')).out.trim()).toBe('failed');
    const journal = await l.run('sudo journalctl -u docker --no-pager');
    expect(journal.out).toContain("unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '\"' after object key:value pair");
    const ps = await l.run('docker ps');
    expect(ps.err).toContain('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');

    expect((await write('{ "registry-mirrors": ["https://mirror.baidubce.com"], "debug": true }')).status).toBe(0);
    expect((await l.run('sudo systemctl reset-failed docker')).status).toBe(0);
    expect((await l.run('sudo systemctl start docker')).status).toBe(0);
    expect((await l.run("docker ps --format '{{.Names}}'")).out.trim()).toBe('keeper');
    const status = await l.run('systemctl status docker --no-pager');
    expect(status.out).toContain('Active: active (running)');
  });

  it('a session whose daemon was stopped with live-restore leaves nothing running when it ends', { timeout: 240_000 }, async () => {
    const other = await learner(h);
    const id = other.remote.sessionId;
    const write = (json: string) => other.run(`sudo tee /etc/docker/daemon.json >/dev/null <<'EOF'\n${json}\nEOF`);
    expect((await write('{ "live-restore": true }')).status).toBe(0);
    expect((await other.run('sudo systemctl restart docker')).status).toBe(0);
    expect((await other.run('docker run -d --name survivor busybox sleep 600')).status).toBe(0);
    expect((await other.run('sudo systemctl stop docker')).status).toBe(0);
    expect((await other.run('docker ps')).err).toContain('Cannot connect to the Docker daemon at unix:///var/run/docker.sock');
    const inside = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && cmdline(p).includes(`${h.stateDir}/${id}/`));
    expect(inside.length).toBeGreaterThan(0); // the container's shim, kept by live-restore
    await other.remote.close();
    await waitFor(() => !readdirSync(h.stateDir).includes(id));
    expect(readdirSync('/proc').filter((p) => /^\d+$/.test(p) && cmdline(p).includes(`${h.stateDir}/${id}/`))).toEqual([]);
    expect(await listNetns(`dy-${id}`)).toEqual([]);
  });
});

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function waitFor(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}
