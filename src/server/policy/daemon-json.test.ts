import { describe, expect, it } from 'vitest';
import { LEARNER_DAEMON_KEYS, sessionDaemonConfig } from './daemon-json';

const server = { iptables: false, 'registry-mirrors': ['http://127.0.0.1:5001'], 'insecure-registries': ['127.0.0.1:5001', '127.0.0.1:5000'], 'log-level': 'warn' };

describe("the learner's daemon.json for a session daemon", () => {
  it('no file: the server configuration', () => {
    expect(sessionDaemonConfig(undefined, server)).toEqual({ ok: true, config: server, warnings: [] });
  });

  it("lays the learner's keys on the server's, keeping the server's mirror first and its registries insecure", () => {
    const r = sessionDaemonConfig(
      JSON.stringify({ 'registry-mirror': ['https://a.example'], 'registry-mirrors': ['https://hub-mirror.c.163.com'], 'insecure-registries': ['192.168.199.100:5000'], 'live-restore': true, debug: true }),
      server,
    );
    expect(r).toEqual({
      ok: true,
      warnings: [],
      config: {
        iptables: false,
        'log-level': 'warn',
        'registry-mirror': ['https://a.example'],
        'registry-mirrors': ['http://127.0.0.1:5001', 'https://hub-mirror.c.163.com'],
        'insecure-registries': ['127.0.0.1:5001', '127.0.0.1:5000', '192.168.199.100:5000'],
        'live-restore': true,
        debug: true,
      },
    });
  });

  it("a broken file fails as dockerd fails, with dockerd's texts", () => {
    expect(sessionDaemonConfig('{\n "insecure-registries": ["a"]\n "live-restore": true\n}', server)).toEqual({
      ok: false,
      message: "unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '\"' after object key:value pair",
    });
    expect(sessionDaemonConfig('{"registry-mirors": []}', server)).toEqual({
      ok: false,
      message: 'unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don\'t match any configuration option: registry-mirors',
    });
    expect(sessionDaemonConfig('{"log-level": "loud"}', server)).toEqual({ ok: false, message: 'unable to parse logging level: loud' });
  });

  it('refuses every key that reaches past the session, naming them', () => {
    for (const key of ['hosts', 'data-root', 'exec-root', 'runtimes', 'default-runtime', 'userns-remap', 'storage-driver', 'bip', 'iptables', 'group', 'authorization-plugins', 'seccomp-profile', 'cgroup-parent', 'tlsverify', 'pidfile', 'containerd']) {
      const value = key === 'runtimes' ? { x: { path: '/bin/sh' } } : key === 'hosts' || key === 'authorization-plugins' ? ['x'] : key === 'iptables' || key === 'tlsverify' ? true : 'x';
      const r = sessionDaemonConfig(JSON.stringify({ debug: true, [key]: value }), server);
      expect(r.ok, key).toBe(false);
      if (!r.ok && r.refused) expect(r.refused).toEqual([key]);
      else if (!r.ok) expect(r.message).toMatch(/^unable to configure the Docker daemon/);
    }
    const r = sessionDaemonConfig('{"exec-root": "/tmp/x", "data-root": "/", "debug": true}', server);
    expect(r).toMatchObject({ ok: false, refused: ['data-root', 'exec-root'] });
    if (!r.ok) expect(r.message).toContain("keeps these options of a real engine's session daemon its own: data-root, exec-root");
    // hosts is also a flag of the session daemon's command line: dockerd's own conflict error comes first
    expect(sessionDaemonConfig('{"hosts": ["tcp://0.0.0.0:2375"]}', server)).toMatchObject({ ok: false, message: expect.stringContaining('specified both as a flag and in the configuration file: hosts') });
    expect(LEARNER_DAEMON_KEYS).not.toContain('hosts');
  });

  it('caps the size of the file', () => {
    expect(sessionDaemonConfig(`{"labels": ["${'x'.repeat(70_000)}"]}`, server)).toMatchObject({ ok: false });
  });
});
