import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';

async function sh(s: Session, line: string) {
  const r = await runStep(s, line, {});
  return { exit: r.exit, out: r.stdoutRaw.replace(/\r\n/g, '\n'), err: r.stderrRaw.replace(/\r\n/g, '\n') };
}

describe('a -v bind whose host folder is missing', () => {
  it('is created by dockerd, which runs as root: the folder and its new parents are root:root 0755', async () => {
    const s = createSession();
    await sh(s, 'docker pull busybox');
    expect((await sh(s, 'docker run --name bb -v /src/webapp:/data busybox true')).exit).toBe(0);
    const ls = await sh(s, 'ls -ld /src /src/webapp');
    expect(ls.out).toMatch(/^drwxr-xr-x \d+ root root .* \/src\ndrwxr-xr-x \d+ root root .* \/src\/webapp\n$/);
    expect(await sh(s, 'touch /src/webapp/index.html')).toMatchObject({ exit: 1, err: "touch: cannot touch '/src/webapp/index.html': Permission denied\n" });
    // an existing parent keeps its owner: only what dockerd made is root's
    await sh(s, 'mkdir -p ~/site');
    await sh(s, 'docker run --rm -v ~/site/html:/data busybox true');
    expect((await sh(s, 'ls -ld ~/site ~/site/html')).out).toMatch(/^drwxr-xr-x \d+ learner +learner .*\/site\ndrwxr-xr-x \d+ root +root .*\/site\/html\n$/);
  });

  it('is never a relative path in 20.10: ./webapp is taken for a volume name and refused (webapp alone makes a volume)', async () => {
    const s = createSession();
    await sh(s, 'docker pull busybox');
    await sh(s, 'mkdir webapp');
    // recorded from the 20.10.24 CLI and daemon
    expect(await sh(s, 'docker run --rm -v ./webapp:/data busybox true')).toEqual({
      exit: 125,
      out: '',
      err:
        'docker: Error response from daemon: create ./webapp: "./webapp" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path.\n' +
        "See 'docker run --help'.\n",
    });
    expect((await sh(s, 'docker run --rm -v webapp:/data busybox true')).exit).toBe(0);
    expect((await sh(s, 'docker volume ls -q')).out).toBe('webapp\n');
  });

  it("holds what a root process in the container writes as root's: the registry's storage on -v /opt/data/registry", async () => {
    const s = createSession();
    await sh(s, 'docker pull busybox');
    await sh(s, 'docker run -d -p 5000:5000 --name registry -v /opt/data/registry:/var/lib/registry registry');
    await sh(s, 'sleep 2');
    await sh(s, 'docker tag busybox 127.0.0.1:5000/busybox');
    expect((await sh(s, 'docker push 127.0.0.1:5000/busybox')).exit).toBe(0);
    const ls = await sh(s, 'ls -l /opt/data/registry /opt/data/registry/docker/registry/v2/repositories/busybox/_manifests/tags/latest/current');
    expect(ls.out).toMatch(/^\/opt\/data\/registry:\ntotal \d+\ndrwxr-xr-x \d+ root +root .* docker\n/);
    expect(ls.out).toMatch(/-rw-r--r-- \d+ root +root +71 .* link\n$/);
  });
});
