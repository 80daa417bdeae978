import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostSession, type Typed, type, withoutTimes } from './test-host';

const REC = new URL('../../../test/fixtures/real-host/systemd/', import.meta.url);
const recorded = (name: string) => readFileSync(new URL(name, REC), 'utf8');

/** a status text with what differs between machines and moments replaced */
function shape(text: string): string {
  return text
    .split('\n\n')[0]
    .replace(/[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; ([^\n]+ ago|now)/g, 'TS; REL')
    .replace(/\/docker\/[0-9a-f]{64}\/system\.slice/g, '/system.slice')
    .replace(/(Main PID:|Process:|[└├]─) *\d+/g, '$1 N')
    .replace(/Tasks: \d+( \(limit: \d+\))?/g, 'Tasks: N$1')
    .replace(/\(limit: \d+\)/, '(limit: N)')
    .replace(/Memory: [\d.]+[KM]/g, 'Memory: M')
    .replace(/Duration: [\w. ]+/g, 'Duration: D');
}

/** as root; TERM=dumb: systemd's messages without colours, to compare with recordings made without a terminal */
async function root(s: ReturnType<typeof hostSession>, line: string): Promise<Typed> {
  return type(s, `TERM=dumb sudo ${line}`);
}

/** as the learner, without colours */
function learner(s: ReturnType<typeof hostSession>, line: string): Promise<Typed> {
  return type(s, `TERM=dumb ${line}`);
}

describe('systemctl status, as systemd 252 prints it (shapes compared with recordings)', () => {
  it('running, stopped (socket still listening), failed', async () => {
    const s = hostSession();
    const active = await type(s, 'systemctl status docker | cat');
    expect(active.exit).toBe(0);
    expect(shape(active.out)).toBe(shape(recorded('svc-status.out')));
    expect(withoutTimes(active.out.split('\n\n')[1]).slice(-3)).toEqual([
      'dockerd: time="…" level=info msg="Daemon has completed initialization"',
      'systemd: Started docker.service - Docker Application Container Engine.',
      'dockerd: time="…" level=info msg="API listen on /run/docker.sock"',
    ]);

    expect(await root(s, 'systemctl stop docker')).toEqual({
      exit: 0,
      out: '',
      err: 'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n',
    });
    const stopped = await type(s, 'systemctl status docker | cat');
    expect(shape(stopped.out)).toBe(shape(recorded('sc-status-stopped.out')));
    expect(withoutTimes(stopped.out.split('\n\n')[1]).slice(-4)).toEqual([
      `dockerd: time="…" level=info msg="Processing signal 'terminated'"`,
      'dockerd: time="…" level=info msg="Daemon shutdown complete"',
      'systemd: docker.service: Deactivated successfully.',
      'systemd: Stopped docker.service - Docker Application Container Engine.',
    ]);
    expect((await type(s, 'systemctl is-active docker; systemctl is-enabled docker; systemctl is-failed docker')).out).toBe('inactive\nenabled\ninactive\n');

    await root(s, `sh -c 'echo "{ \\"debug\\": true,, }" > /etc/docker/daemon.json'`);
    expect(await root(s, 'systemctl restart docker')).toEqual({
      exit: 1,
      out: '',
      err: 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n',
    });
    await type(s, 'sleep 1');
    const failed = await type(s, 'systemctl status docker | cat');
    expect(shape(failed.out)).toBe(shape(recorded('bad-status.out')));
    // the last ten lines of the recorded cycle (restart-with-containers-then-bad-json.journal)
    expect(withoutTimes(failed.out.split('\n\n')[1])).toEqual([
      'systemd: Starting docker.service - Docker Application Container Engine...',
      "dockerd: unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character ',' looking for beginning of object key string",
      'systemd: docker.service: Main process exited, code=exited, status=1/FAILURE',
      "systemd: docker.service: Failed with result 'exit-code'.",
      'systemd: Failed to start docker.service - Docker Application Container Engine.',
      'systemd: docker.service: Scheduled restart job, restart counter is at 3.',
      'systemd: Stopped docker.service - Docker Application Container Engine.',
      'systemd: docker.service: Start request repeated too quickly.',
      "systemd: docker.service: Failed with result 'exit-code'.",
      'systemd: Failed to start docker.service - Docker Application Container Engine.',
    ]);
    const socket = await type(s, 'systemctl status docker.socket | cat');
    expect(shape(socket.out)).toBe(shape(recorded('act-bad-status.out').split('\n\n').slice(2).join('\n\n')));
    expect((await type(s, 'docker ps')).err).toBe('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
  });

  it('recovers after reset-failed, as on a real machine; the socket status while dockerd runs', async () => {
    const s = hostSession();
    await root(s, `sh -c 'echo "[" > /etc/docker/daemon.json'`);
    await root(s, 'systemctl restart docker');
    await root(s, 'rm /etc/docker/daemon.json');
    expect((await root(s, 'systemctl restart docker')).exit).toBe(1);
    expect(await root(s, 'systemctl reset-failed docker')).toEqual({ exit: 0, out: '', err: '' });
    expect((await type(s, 'systemctl status docker | cat')).out).toMatch(/^○ docker.service - Docker Application Container Engine\n.*\n {5}Active: inactive \(dead\)/);
    expect(await root(s, 'systemctl restart docker')).toEqual({ exit: 0, out: '', err: '' });
    const socket = await type(s, 'systemctl status docker.socket | cat');
    expect(shape(socket.out)).toBe(shape(recorded('sc-status-socket.out')));
    expect((await type(s, 'docker ps')).exit).toBe(0);
  });

  it('colours, links and cut lines on a terminal', async () => {
    const s = hostSession({ cols: 100 });
    const tty = await type(s, 'systemctl status docker');
    const lines = tty.out.split('\n');
    expect(lines[0]).toBe('\x1b[0;1;32m●\x1b[0m docker.service - Docker Application Container Engine');
    expect(lines[1]).toBe(
      '     Loaded: loaded (\x1b]8;;file://dockyard/lib/systemd/system/docker.service\x07/lib/systemd/system/docker.service\x1b]8;;\x07; \x1b[0;1;32menabled\x1b[0m; preset: \x1b[0;1;32menabled\x1b[0m)',
    );
    expect(lines[2]).toMatch(/^ {5}Active: \x1b\[0;1;32mactive \(running\)\x1b\[0m since /);
    expect(lines[4]).toBe('       Docs: \x1b]8;;https://docs.docker.com\x07https://docs.docker.com\x1b]8;;\x07');
    expect(lines.filter((l) => l.includes('dockerd[731]')).every((l) => l.length <= 100)).toBe(true);
    expect(lines.at(-2)).toBe('Hint: Some lines were ellipsized, use -l to show in full.');
    expect((await type(s, 'systemctl status docker -l')).out).not.toContain('Hint:');
  });
});

describe('systemctl: what a learner gets without sudo, and mistakes', () => {
  it('polkit refuses changes; unknown units and verbs', async () => {
    const s = hostSession();
    const noAuth = (verb: string) => `Failed to ${verb} docker.service: Interactive authentication required.\nSee system logs and 'systemctl status docker.service' for details.\n`;
    for (const verb of ['restart', 'stop', 'start']) expect(await learner(s, `systemctl ${verb} docker`)).toEqual({ exit: 1, out: '', err: noAuth(verb) });
    expect(await learner(s, 'systemctl daemon-reload')).toEqual({ exit: 1, out: '', err: 'Reload daemon failed: Interactive authentication required.\n' });
    expect((await learner(s, 'systemctl reset-failed docker')).err).toBe(recorded('l-reset.err'));
    expect((await learner(s, 'systemctl enable docker')).err).toBe(recorded('sc-learner-enable.err'));
    expect((await learner(s, 'systemctl disable docker')).err).toBe(recorded('l-disable.err'));
    expect(await type(s, 'systemctl status foo')).toEqual({ exit: 4, out: '', err: recorded('sc-unknown-status.err') });
    expect(await root(s, 'systemctl restart foo')).toEqual({ exit: 5, out: '', err: recorded('sc-unknown-restart.err') });
    expect(await root(s, 'systemctl start dockerr')).toEqual({ exit: 5, out: '', err: recorded('sc-unknown-start2.err') });
    expect(await root(s, 'systemctl enable foo')).toEqual({ exit: 1, out: '', err: recorded('sc-unknown-enable.err') });
    expect(await type(s, 'systemctl is-enabled foo')).toEqual({ exit: 1, out: '', err: 'Failed to get unit file state for foo.service: No such file or directory\n' });
    expect(await root(s, 'systemctl restart')).toEqual({ exit: 1, out: '', err: recorded('sc-noverb.err') });
    expect(await root(s, 'systemctl restrat docker')).toEqual({ exit: 1, out: '', err: recorded('sc-badverb.err') });
  });

  it('enable and disable write and remove the [Install] link', async () => {
    const s = hostSession();
    expect(await root(s, 'systemctl disable docker')).toEqual({ exit: 0, out: '', err: recorded('sc-disable.err') });
    expect((await type(s, 'systemctl is-enabled docker')).out).toBe('disabled\n');
    expect(await root(s, 'systemctl enable docker')).toEqual({ exit: 0, out: '', err: recorded('sc-enable2.err') });
    expect(await root(s, 'systemctl enable docker')).toEqual({ exit: 0, out: '', err: recorded('sc-enable-enabled.err') });
    expect((await type(s, 'ls -l /etc/systemd/system/multi-user.target.wants/')).out).toContain('docker.service -> /lib/systemd/system/docker.service');
    expect((await type(s, 'systemctl cat docker')).out).toBe(recorded('sc-cat.out'));
  });
});

describe('service(8)', () => {
  it('runs systemctl, prints the init script usage', async () => {
    const s = hostSession();
    expect(await type(s, 'service docker')).toEqual({ exit: 1, out: recorded('svc-usage.out'), err: '' });
    expect(await type(s, 'service docker foo')).toEqual({ exit: 1, out: recorded('svc-badverb.out'), err: '' });
    expect(await type(s, 'service')).toEqual({ exit: 1, out: '', err: recorded('svc-noargs.err') });
    expect(await root(s, 'service foo start')).toEqual({ exit: 5, out: '', err: recorded('svc-unknown.err') });
    expect(await learner(s, 'service docker restart')).toEqual({ exit: 1, out: '', err: recorded('svc-learner.err') });
    expect(await root(s, 'service docker stop')).toEqual({ exit: 0, out: '', err: recorded('svc-stop.err') });
    expect(await type(s, 'service --status-all')).toEqual({ exit: 0, out: ' [ - ]  docker\n', err: '' });
    expect(await root(s, 'service docker start')).toEqual({ exit: 0, out: '', err: '' });
    expect((await type(s, 'service docker status | cat')).out).toMatch(/^● docker.service - Docker Application Container Engine\n/);
  });
});
