import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostSession, type } from './test-host';

const REC = new URL('../../../test/fixtures/real-host/systemd/', import.meta.url);
/** a recorded stderr without the container's own "unable to resolve host" line */
const recorded = (name: string) =>
  readFileSync(new URL(name, REC), 'utf8')
    .split('\n')
    .filter((l) => !l.includes('unable to resolve host'))
    .join('\n');

describe('sudo (1.9.13, the learner may run anything without a password)', () => {
  it('runs the command as root with the reset environment', async () => {
    const s = hostSession();
    expect(await type(s, 'sudo whoami')).toEqual({ exit: 0, out: 'root\n', err: '' });
    const env = (await type(s, 'sudo env | sort')).out;
    for (const line of ['HOME=/root', 'LOGNAME=root', 'MAIL=/var/mail/root', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'SHELL=/bin/bash', 'SUDO_COMMAND=/usr/bin/env', 'SUDO_GID=1000', 'SUDO_UID=1000', 'SUDO_USER=learner', 'USER=root']) {
      expect(env.split('\n')).toContain(line);
    }
    expect(env).not.toContain('PWD=');
    expect((await type(s, 'sudo -u nobody whoami')).out).toBe('nobody\n');
  });

  it('files it writes are root\'s; the learner cannot write /etc/docker without it', async () => {
    const s = hostSession();
    expect((await type(s, `echo '{}' > /etc/docker/daemon.json`)).err).toBe('bash: /etc/docker/daemon.json: Permission denied\n');
    expect(await type(s, `echo '{}' | sudo tee /etc/docker/daemon.json`)).toEqual({ exit: 0, out: '{}\n', err: '' });
    expect((await type(s, 'ls -l /etc/docker')).out).toMatch(/-rw-r--r-- 1 root root 3 .* daemon\.json\n/);
    expect((await type(s, 'sudo echo hi > /etc/x.txt')).err).toBe('bash: /etc/x.txt: Permission denied\n');
  });

  it("sudo's own errors", async () => {
    const s = hostSession();
    expect(await type(s, 'sudo')).toEqual({ exit: 1, out: '', err: recorded('sudo-noargs.err') });
    expect(await type(s, 'sudo nosuchcmd')).toEqual({ exit: 1, out: '', err: recorded('sudo-nocmd.err') });
    expect(await type(s, 'sudo cd /root')).toEqual({ exit: 1, out: '', err: recorded('sudo-cd.err') });
    expect(await type(s, 'sudo -u nosuch id')).toEqual({ exit: 1, out: '', err: recorded('sudo-unknownuser.err') });
    expect(await type(s, 'sudo -x ls')).toEqual({ exit: 1, out: '', err: recorded('sudo-badopt.err') });
    expect(await type(s, 'sudo ./nosuch')).toEqual({ exit: 1, out: '', err: 'sudo: ./nosuch: command not found\n' });
    expect((await type(s, 'sudo -l')).out).toBe(recorded('sudo-l.out').replace('dockyard', 'dockyard'));
  });

  it('sudo -i and sudo su give a root shell; exit comes back', async () => {
    const s = hostSession();
    expect((await type(s, 'sudo -i pwd; sudo -s pwd')).out).toBe('/root\n/srv/work\n');
    const shell = await type(s, 'sudo -i', ['whoami', 'pwd', 'exit']);
    expect(shell.err).toContain('root@dockyard:~# ');
    expect(shell.out).toContain('root\n');
    expect((await type(s, 'whoami')).out).toBe('learner\n');
    expect((await type(s, "sudo su -c 'echo $USER $HOME'")).out).toBe('root /root\n');
  });

  it('su without sudo asks for a password root does not have', async () => {
    const s = hostSession();
    expect(await type(s, 'su', ['secret'])).toEqual({ exit: 1, out: 'Password: \n', err: 'su: Authentication failure\n' });
  });
});
