/**
 * Network namespaces for session daemons. Node cannot enter a namespace, so a
 * short-lived helper started with `nsenter --net` opens the socket inside and
 * hands its handle back over IPC: a listening socket (the registry mirror and
 * Hub stand-in appear on the namespace's 127.0.0.1) or a connected one (the
 * learner's curl to a published port).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const netnsPath = (name: string) => `/run/netns/${name}`;

/** a namespace with its loopback up, and `addresses` (/32) on it besides 127.0.0.1 */
export async function createNetns(name: string, addresses: string[] = []): Promise<void> {
  await run('ip', ['netns', 'add', name]);
  await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  for (const a of addresses) await run('ip', ['-n', name, 'addr', 'add', `${a}/32`, 'dev', 'lo']);
}

/** the processes inside a namespace (a session daemon's containers left running by live-restore, say) */
export async function netnsPids(name: string): Promise<number[]> {
  if (!existsSync(netnsPath(name))) return [];
  const { stdout } = await run('ip', ['netns', 'pids', name]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((l) => /^\d+$/.test(l.trim())).map(Number);
}

export async function deleteNetns(name: string): Promise<void> {
  if (existsSync(netnsPath(name))) await run('ip', ['netns', 'delete', name]).catch(() => {});
}

export async function listNetns(prefix: string): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list']).catch(() => ({ stdout: '' }));
  return stdout
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => n.startsWith(prefix));
}

const LISTEN_CHILD = `
const net = require('net');
const s = net.createServer();
s.on('error', (e) => { process.send({ error: String(e) }); process.exit(1); });
s.listen(Number(process.argv[1]), '127.0.0.1', () => process.send('server', s, () => process.exit(0)));
`;

const CONNECT_CHILD = `
const net = require('net');
const c = net.connect(Number(process.argv[2]), process.argv[1]);
c.on('error', (e) => { process.send({ error: e.code || String(e) }); process.exit(0); });
c.on('connect', () => { c.pause(); process.send('socket', c, () => process.exit(0)); });
setTimeout(() => { process.send({ error: 'ETIMEDOUT' }); process.exit(0); }, 5000);
`;

function helper<T>(ns: string, code: string, args: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn('nsenter', [`--net=${netnsPath(ns)}`, process.execPath, '-e', code, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    child.on('message', (m: unknown, handle: unknown) => {
      if (handle) resolve(handle as T);
      else reject(Object.assign(new Error((m as { error?: string })?.error ?? 'helper failed'), { code: (m as { error?: string })?.error }));
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`netns helper exited with ${code}: ${err.trim()}`));
    });
  });
}

/** a server listening on 127.0.0.1:port inside the namespace; each connection is piped to the host's 127.0.0.1:targetPort */
export async function forwardIntoNetns(ns: string, port: number, targetPort = port): Promise<net.Server> {
  const server = await helper<net.Server>(ns, LISTEN_CHILD, [String(port)]);
  server.on('connection', (sock) => {
    const up = net.connect(targetPort, '127.0.0.1');
    sock.pipe(up);
    up.pipe(sock);
    const close = () => {
      sock.destroy();
      up.destroy();
    };
    sock.on('error', close);
    up.on('error', close);
    sock.on('close', close);
    up.on('close', close);
  });
  return server;
}

/** a TCP connection to host:port made inside the namespace */
export async function connectInNetns(ns: string, host: string, port: number): Promise<net.Socket> {
  const sock = await helper<net.Socket>(ns, CONNECT_CHILD, [host, String(port)]);
  sock.resume();
  return sock;
}
