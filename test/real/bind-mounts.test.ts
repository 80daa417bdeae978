/**
 * Bind mounts both ways on a real engine: what containers write into a bind
 * source on the server shows up in the learner's host filesystem (the shell,
 * the file tree, the editor), as on a real host, and nothing of it is sent
 * back; a container cannot reach past the workspace with a symbolic link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type LearnerSession, learner, startServer } from './support/harness';

let h: Harness;
let a: LearnerSession;

beforeAll(async () => {
  h = await startServer();
  a = await learner(h);
});

afterAll(async () => {
  await a?.remote.close();
  await h?.close();
});

const read = (path: string) => new TextDecoder().decode(a.session.hostFs.readFile(path));

describe('what containers write in a bind source reaches the learner', () => {
  it('a file written by docker run -v $PWD:/data is there when the command returns', async () => {
    expect((await a.run('mkdir -p ~/proj && cd ~/proj && docker run --rm -v $PWD:/data busybox sh -c "echo hi > /data/x; mkdir /data/sub; echo deep > /data/sub/y"')).status).toBe(0);
    const home = a.session.home;
    expect(read(`${home}/proj/x`)).toBe('hi\n');
    expect(read(`${home}/proj/sub/y`)).toBe('deep\n');
    // the shell sees it too, owned by the container's root
    const ls = await a.run('cd ~/proj && cat x sub/y && ls -ln x');
    expect(ls.out).toMatch(/^hi\ndeep\n-rw-r--r-- +1 0 +0 /);
  });

  it('a source the daemon creates (-v /src/webapp:…) appears, and a container removing files removes them', async () => {
    expect((await a.run('docker run --rm -v /srv/made:/d busybox sh -c "echo one > /d/a; echo two > /d/b"')).status).toBe(0);
    expect(a.session.hostFs.readdir('/srv/made')).toEqual(['a', 'b']);
    expect((await a.run('docker run --rm -v /srv/made:/d busybox rm /d/a')).status).toBe(0);
    expect(a.session.hostFs.readdir('/srv/made')).toEqual(['b']);
  });

  it("a detached container's writes arrive when it exits", async () => {
    expect((await a.run('docker run -d --name later -v /srv/later:/d busybox sh -c "sleep 1; echo done > /d/out"')).status).toBe(0);
    const deadline = Date.now() + 20_000;
    while (!a.session.hostFs.exists('/srv/later/out') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(read('/srv/later/out')).toBe('done\n');
    await a.run('docker rm -f later');
  });

  it("host edits still reach a container that writes into the same folder", async () => {
    a.session.hostFs.mkdir('/srv/both', { recursive: true });
    a.session.hostFs.writeFile('/srv/both/host.txt', 'from the host\n');
    expect((await a.run('docker run -d --name both -v /srv/both:/d busybox sh -c "echo from-container > /d/c.txt; sleep 600"')).status).toBe(0);
    await a.run('docker exec both true');
    expect(read('/srv/both/c.txt')).toBe('from-container\n');
    a.session.hostFs.writeFile('/srv/both/host.txt', 'edited on the host\n');
    const r = await a.run('docker exec both cat /d/host.txt /d/c.txt');
    expect(r.out).toBe('edited on the host\nfrom-container\n');
    await a.run('docker rm -f both');
  });

  it("a missing --mount source is named by the learner's path, as Docker names it", async () => {
    const r = await a.run('docker run --rm --mount type=bind,source=/nowhere/site,target=/d busybox true');
    expect(r.status).toBe(125);
    expect(r.err).toBe('docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nowhere/site.\nSee \'docker run --help\'.\n');
  });

  it("a container's symbolic link to outside the workspace is not followed", async () => {
    const r = await a.run('docker run --rm -v /srv/links:/d busybox sh -c "ln -s / /d/root; ln -s /etc/hostname /d/host; echo ok > /d/plain"');
    expect(r.status).toBe(0);
    expect(a.session.hostFs.readdir('/srv/links')).toEqual(['plain']);
  });
});
