import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/engine/core/clock';
import { createSession, type Session } from '../../src/runner/session';
import { runStep, settle } from '../../src/runner/step-driver';
import { daemonListening, startDaemon } from '../../src/engine/daemon/ops/start-daemon';
import { stopDaemon } from '../../src/engine/daemon/ops/stop-daemon';

/** wait for `p`, moving simulated time to the next timer while nothing else can run */
async function drive<T>(clock: VirtualClock, p: Promise<T>): Promise<T> {
  let done = false;
  let value: T | undefined;
  void p.then((v) => {
    done = true;
    value = v;
  });
  for (let i = 0; i < 1000; i++) {
    await settle();
    if (done) return value as T;
    const next = clock.nextTimerAt();
    if (next === undefined) break;
    await clock.advance(Math.max(0, next - clock.now()), settle);
  }
  await settle();
  if (!done) throw new Error('did not finish');
  return value as T;
}

async function sh(s: Session, line: string) {
  const r = await runStep(s, line, {});
  return { exit: r.exit, out: r.stdoutRaw.replace(/\r\n/g, '\n'), err: r.stderrRaw.replace(/\r\n/g, '\n') };
}

/** the messages of the daemon's log lines, fields after them */
function messages(lines: string[]): string[] {
  return lines.map((l) => l.replace(/^time="[^"]+" level=(\w+) msg=/, '$1 '));
}

describe('dockerd stopping and starting (a daemon restart)', () => {
  it('stops containers like docker stop, then brings back those whose restart policy says so', async () => {
    const s = createSession();
    const log: string[] = [];
    s.engine.daemon.stderr = (l) => log.push(l);
    await sh(s, 'docker pull busybox');
    await sh(s, 'docker run -d --name always --restart=always busybox sleep 1000');
    await sh(s, 'docker run -d --name unless --restart=unless-stopped busybox sleep 1000');
    await sh(s, 'docker run -d --name onfail --restart=on-failure busybox sleep 1000');
    await sh(s, 'docker run -d --name none busybox sleep 1000');
    await sh(s, `docker run -d --name trapper busybox sh -c 'trap "exit 3" TERM; while true; do sleep 1; done'`);
    await sh(s, 'docker run -d --name always-stopped --restart=always busybox sleep 1000');
    await sh(s, 'docker run -d --name unless-stopped --restart=unless-stopped busybox sleep 1000');
    await sh(s, `docker run -d --name onfail0 --restart=on-failure busybox sh -c 'trap "exit 0" TERM; while true; do sleep 1; done'`);
    expect((await sh(s, 'docker stop -t 1 always-stopped unless-stopped')).exit).toBe(0);
    expect(messages(log)).toEqual([
      expect.stringMatching(/^info "Container failed to exit within 1s of signal 15 - using the force" container=[0-9a-f]{64}$/),
      expect.stringMatching(/^info "Container failed to exit within 1s of signal 15 - using the force" container=[0-9a-f]{64}$/),
    ]);
    log.length = 0;

    const t0 = s.clock.now();
    await drive(s.clock, stopDaemon(s.engine));
    expect(s.clock.now() - t0).toBe(10_000);
    expect(s.engine.daemon.running).toBe(false);
    const msgs = messages(log);
    expect(msgs[0]).toBe(`info "Processing signal 'terminated'"`);
    expect(msgs.filter((m) => m.includes('within 10s of signal 15'))).toHaveLength(4);
    expect(msgs.at(-1)).toBe('info "Daemon shutdown complete"');
    await expect(s.client.containerList()).rejects.toThrow('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');

    log.length = 0;
    expect(await drive(s.clock, startDaemon(s.engine))).toBe(true);
    daemonListening(s.engine);
    expect(messages(log)).toEqual([
      'info "Starting up"',
      'info "[graphdriver] using prior storage driver: overlay2"',
      'info "Loading containers: start."',
      'info "Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address"',
      'info "Loading containers: done."',
      'info "Docker daemon" commit=5d6db84 graphdriver(s)=overlay2 version=20.10.24+dfsg1',
      'info "Daemon has completed initialization"',
      'info "API listen on /run/docker.sock"',
    ]);
    expect(log[0]).toMatch(/^time="2026-11-23T08:\d\d:\d\d\.\d{3}000000Z" level=info msg="Starting up"$/);
    const ps = await sh(s, "docker ps -a --format '{{.Names}} {{.Status}}'");
    // recorded on dockerd 20.10.24 (test/fixtures/real-host/systemd/restart-policies.txt)
    // (the trapping shells end after their `sleep 1`, a second or less after SIGTERM)
    expect(ps.out.split('\n').filter(Boolean).sort()).toEqual([
      'always Up Less than a second',
      'always-stopped Up Less than a second',
      'none Exited (137) Less than a second ago',
      'onfail Up Less than a second',
      expect.stringMatching(/^onfail0 Exited \(0\) (9|10) seconds ago$/),
      expect.stringMatching(/^trapper Exited \(3\) (9|10) seconds ago$/),
      'unless Up Less than a second',
      expect.stringMatching(/^unless-stopped Exited \(137\) 1\d seconds ago$/),
    ]);
    const rc = await sh(s, "docker inspect --format '{{.Name}} {{.RestartCount}} {{.State.ExitCode}}' always onfail none");
    expect(rc.out).toBe('/always 0 0\n/onfail 0 0\n/none 0 137\n');
  });

  it('a bad daemon.json keeps it from starting; the tutorial\'s "registry-mirror" does not', async () => {
    const s = createSession();
    const log: string[] = [];
    s.engine.daemon.stderr = (l) => log.push(l);
    await drive(s.clock, stopDaemon(s.engine));
    s.hostFs.mkdir('/etc/docker', { recursive: true });
    s.hostFs.writeFile('/etc/docker/daemon.json', '{\n  "registry-mirrors": [\n    "https://hub-mirror.c.163.com",\n  ]\n}\n');
    log.length = 0;
    expect(await drive(s.clock, startDaemon(s.engine))).toBe(false);
    expect(log).toEqual([
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character ']' looking for beginning of value",
    ]);
    expect(s.engine.daemon.running).toBe(false);

    s.hostFs.writeFile('/etc/docker/daemon.json', '{ "registry-mirrors": ["hub-mirror.c.163.com"] }');
    log.length = 0;
    expect(await drive(s.clock, startDaemon(s.engine))).toBe(false);
    expect(messages(log)).toEqual(['info "Starting up"', 'failed to start daemon: invalid mirror: unsupported scheme "" in "hub-mirror.c.163.com"']);

    s.hostFs.writeFile(
      '/etc/docker/daemon.json',
      '{\n  "registry-mirror": [\n    "https://hub-mirror.c.163.com",\n    "https://mirror.baidubce.com"\n  ],\n  "insecure-registries": [\n    "192.168.199.100:5000"\n  ]\n}\n',
    );
    expect(await drive(s.clock, startDaemon(s.engine))).toBe(true);
    const info = await sh(s, 'docker info');
    expect(info.out).toContain(' Insecure Registries:\n  192.168.199.100:5000\n  127.0.0.0/8\n Live Restore Enabled: false\n');
    expect(info.out).not.toContain('Registry Mirrors');
  });

  it('daemon.json settings show in docker info (recorded format) and live restore keeps containers up', async () => {
    const s = createSession();
    s.hostFs.mkdir('/etc/docker', { recursive: true });
    s.hostFs.writeFile(
      '/etc/docker/daemon.json',
      JSON.stringify({
        'registry-mirrors': ['https://hub-mirror.c.163.com', 'https://mirror.baidubce.com/'],
        'insecure-registries': ['192.168.199.100:5000', '10.0.0.0/8', 'myregistry.local:5000'],
        debug: true,
        'live-restore': true,
        'log-driver': 'local',
        labels: ['env=learn'],
        experimental: true,
      }),
    );
    await sh(s, 'docker pull busybox');
    await drive(s.clock, stopDaemon(s.engine));
    expect(await drive(s.clock, startDaemon(s.engine))).toBe(true);
    await sh(s, 'docker run -d --name lr busybox sleep 1000');
    const info = (await sh(s, 'docker info')).out;
    expect(info).toContain(' Logging Driver: local\n');
    expect(info).toMatch(
      / Debug Mode: true\n {2}File Descriptors: 24\n {2}Goroutines: 34\n {2}System Time: 2026-11-23T08:00:\d\d(\.\d+)?Z\n {2}EventsListeners: 0\n/,
    );
    expect(info).toContain(
      ' Labels:\n  env=learn\n Experimental: true\n Insecure Registries:\n  192.168.199.100:5000\n  myregistry.local:5000\n  10.0.0.0/8\n  127.0.0.0/8\n' +
        ' Registry Mirrors:\n  https://hub-mirror.c.163.com/\n  https://mirror.baidubce.com/\n Live Restore Enabled: true\n',
    );
    const t0 = s.clock.now();
    await drive(s.clock, stopDaemon(s.engine));
    expect(s.clock.now()).toBe(t0);
    await drive(s.clock, startDaemon(s.engine));
    expect((await sh(s, "docker ps --format '{{.Names}} {{.Status}}'")).out).toBe('lr Up Less than a second\n');
  });
});
