/**
 * The real-engine mode end to end: the server with a dockerd per session, two
 * learners driving it through the protocol's WebSocket with our CLI and
 * shell. Daemon texts come from the real engine; bind mounts reach the
 * session's workspace and follow edits; every refusal holds through the whole
 * stack; sessions cannot see or reach each other; bad tokens and frames are
 * turned away; ending a session leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '../../src/client/protocol/limits';
import { type Harness, type LearnerSession, learner, leftovers, startServer } from './support/harness';

let h: Harness;
let a: LearnerSession;
let b: LearnerSession;

beforeAll(async () => {
  h = await startServer();
  [a, b] = await Promise.all([learner(h), learner(h)]);
});

afterAll(async () => {
  await h?.close();
});

describe('a learner on a real engine', () => {
  it('the server reports the engine, and the CLI prints real data', async () => {
    const status = await (await fetch(`${h.baseUrl}/api/status`)).json();
    expect(status).toMatchObject({ available: true, mode: 'daemon', protocol: 'dockyard.v1' });
    expect((await a.run('docker version --format {{.Server.Version}}')).out).toMatch(/^20\.10\./);
    expect((await a.run('docker pull busybox')).out).toContain('Status: Downloaded newer image for busybox:latest');
    const r = await a.run('docker run --name first busybox echo hello from a real engine');
    expect([r.status, r.out]).toEqual([0, 'hello from a real engine\n']);
    expect((await a.run("docker ps -a --format '{{.Names}}|{{.Status}}'")).out).toMatch(/^first\|Exited \(0\) .+ ago\n$/);
    expect((await a.run('docker logs first')).out).toBe('hello from a real engine\n');
    const missing = await a.run('docker logs nosuch');
    expect([missing.status, missing.err]).toEqual([1, 'Error: No such container: nosuch\n']);
    const bad = await a.run('docker run --name x busybox true');
    expect(bad.err).toContain('docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.');
  });

  it('bind mounts come from the workspace and follow edits', async () => {
    a.session.hostFs.mkdir('/src/webapp', { recursive: true });
    a.session.hostFs.writeFile('/src/webapp/index.html', '<h1>first</h1>\n');
    const run = await a.run('docker run -d --name web -v /src/webapp:/usr/share/nginx/html -p 8080:80 nginx');
    expect(run.status, run.err).toBe(0);
    await waitFor(async () => (await a.run('curl -s localhost:8080')).out === '<h1>first</h1>\n');
    a.session.hostFs.writeFile('/src/webapp/index.html', '<h1>edited</h1>\n');
    await waitFor(async () => (await a.run('docker exec web cat /usr/share/nginx/html/index.html')).out === '<h1>edited</h1>\n');
    expect((await a.run('curl -s localhost:8080')).out).toBe('<h1>edited</h1>\n');
  });

  it('build sends the context from the virtual host filesystem; save and load stream tars', async () => {
    a.session.hostFs.mkdir('/srv/app', { recursive: true });
    a.session.hostFs.writeFile('/srv/app/Dockerfile', 'FROM busybox\nCOPY hello.txt /\nCMD ["cat", "/hello.txt"]\n');
    a.session.hostFs.writeFile('/srv/app/hello.txt', 'built here\n');
    const build = await a.run('cd /srv/app && docker build -t mine .');
    expect(build.out, build.err).toContain('Successfully tagged mine:latest');
    expect((await a.run('docker run --rm mine')).out).toBe('built here\n');
    expect((await a.run('docker save -o /tmp/mine.tar mine && docker rmi mine && docker load -i /tmp/mine.tar')).out).toContain('Loaded image: mine:latest');
  });
});

describe('refusals hold through the whole stack', () => {
  it.each([
    ['docker run --privileged busybox true', /privileged mode/],
    ['docker run --cap-add SYS_ADMIN busybox true', /adding capabilities/],
    ['docker run --network host busybox true', /host's network namespace/],
    ['docker run --pid host busybox true', /host's PID namespace/],
    ['docker run --security-opt seccomp=unconfined busybox true', /security options/],
    ['docker run --userns host busybox true', /user namespace/],
    ['docker run -v /var/run/docker.sock:/var/run/docker.sock busybox true', /Docker socket/],
    ['docker run -v /src/../../var/run/docker.sock:/s busybox true', /Docker socket/],
    ['docker volume create -o type=none -o o=bind -o device=/ hostroot', /volume driver options/],
    ['docker import http://127.0.0.1:5001/v2/ imported', /importing from a URL/],
    ['docker run --sysctl kernel.core_pattern=x busybox true', /kernel parameters/],
  ])('%s', async (cmd, message) => {
    const r = await a.run(cmd);
    expect(r.status).not.toBe(0);
    expect(r.err).toMatch(/Error response from daemon: /);
    expect(r.err).toMatch(message);
  });
});

describe('sessions are apart', () => {
  it("one session sees, names and reaches nothing of another's", async () => {
    expect((await b.run('docker ps -a -q')).out).toBe('');
    expect((await b.run('docker inspect first')).err).toBe('Error: No such object: first\n');
    expect((await b.run('docker images -q')).out).toBe('');
    // the same name is free in the other session; its port 8080 is its own
    await b.run('docker pull busybox');
    expect((await b.run('docker run --name first busybox echo b')).out).toBe('b\n');
    expect((await b.run('curl -s localhost:8080')).status).not.toBe(0);
  });

  it('no token, a forged token and a wrong subprotocol are turned away', async () => {
    for (const protocols of [['dockyard.v1'], ['dockyard.v1', 'dockyard.token.forged'], ['dockyard.token.x']]) {
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${h.baseUrl.replace('http', 'ws')}/api/engine`, protocols);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => resolve(-1));
      });
      expect(code).toBe(401);
    }
    const del = await fetch(`${h.baseUrl}/api/session`, { method: 'DELETE', headers: { authorization: 'Bearer forged' } });
    expect(del.status).toBe(401);
    const cross = await fetch(`${h.baseUrl}/api/session`, { method: 'POST', headers: { origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
  });

  it('oversized frames close the socket, malformed ones get an error, and the server goes on', async () => {
    const s = await h.sessions.create();
    const open = (): Promise<WebSocket> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${h.baseUrl.replace('http', 'ws')}/api/engine`, ['dockyard.v1', `dockyard.token.${s.token}`]);
        ws.on('open', () => resolve(ws));
        ws.on('error', reject);
      });
    const big = await open();
    const closed = new Promise<number>((r) => big.on('close', (code) => r(code)));
    big.send(Buffer.alloc(MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
    const ws = await open();
    const replies: string[] = [];
    ws.on('message', (d) => replies.push(d.toString()));
    ws.send('{not json');
    ws.send(JSON.stringify({ t: 'call', id: 1, op: 'containerCreate', args: [{ Image: 'busybox' }, { privileged: true }, null, ''] }));
    ws.send(JSON.stringify({ t: 'call', id: 2, op: 'ping', args: [] }));
    await waitFor(async () => replies.length >= 2);
    expect(JSON.parse(replies[0])).toMatchObject({ t: 'error', id: 1, error: { kind: 'InvalidParameter' } });
    expect(JSON.parse(replies[1])).toEqual({ t: 'result', id: 2, value: 'OK' });
    ws.close();
    await h.sessions.end(s.id);
  });
});

describe('clean-up', () => {
  it('an ended session leaves no daemon, namespace or directory; the sessions left are the two learners', async () => {
    const id = a.remote.sessionId;
    await a.remote.close();
    await waitFor(async () => h.sessions.size === 1);
    const left = await leftovers(h.stateDir);
    expect(left.dirs).not.toContain(id);
    expect(left.netns).not.toContain(`dy-${id}`);
    await h.close();
    expect(await leftovers(h.stateDir)).toEqual({ netns: [], dirs: [], daemons: [] });
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}
