/**
 * The built-in launcher: one dockerd per session on this machine (rootful),
 * each in a network namespace of its own (its own docker0, 172.17.0.0/16,
 * ports and iptables, so sessions neither collide nor reach each other), with
 * its own data root, exec root, socket, pid file, containerd namespace and
 * config. Images come through the shared registry mirror and Hub stand-in on
 * the host's loopback, which appear on the namespace's 127.0.0.1. stop()
 * leaves nothing: daemon, containers, mounts, data root, namespace.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type net from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HOST_LAN_IP } from '../../api/host';
import { EngineTransport } from '../engine/transport';
import { hostNetworkVia } from './host-http';
import type { EngineHandle, EngineHealth, Launcher } from './launcher';
import { connectInNetns, createNetns, deleteNetns, forwardIntoNetns, netnsPids } from './netns';

const run = promisify(execFile);

export interface LocalDockerdOptions {
  /** where sessions live: <stateDir>/<id>/{data,exec,docker.sock,workspace,…} (keep it short: socket paths are limited to 107 bytes) */
  stateDir: string;
  /** host loopback ports that appear on each namespace's 127.0.0.1 (the registry mirror, the Hub stand-in proxy) */
  forwardPorts: { host: number; session: number }[];
  /** the sessions' daemon.json */
  daemonConfig: Record<string, unknown>;
  /** dockerd's environment additions (HTTPS_PROXY, SSL_CERT_FILE) */
  env?: Record<string, string>;
  dockerdPath?: string;
  /** ms to wait for a daemon to answer */
  startTimeoutMs?: number;
}

interface Running {
  handle: EngineHandle;
  proc: ChildProcess;
  forwarders: net.Server[];
  transport: EngineTransport;
}

export const NETNS_PREFIX = 'dy-';

/** where a session daemon sees its data root (its own mount namespace) */
const DATA_ROOT = '/var/lib/docker';
/** sh -c script: $1 the session's data directory, then the daemon's command line */
const MOUNT_DATA_ROOT = `d=$1; shift
umount -R -l ${DATA_ROOT} 2>/dev/null || true
umount -R -l /run/docker 2>/dev/null || true
mkdir -p ${DATA_ROOT}
mount --bind "$d" ${DATA_ROOT}
exec "$@"`;

export function newSessionId(): string {
  return randomBytes(6).toString('hex');
}

export class LocalDockerdLauncher implements Launcher {
  private readonly running = new Map<string, Running>();

  constructor(private readonly o: LocalDockerdOptions) {
    mkdirSync(o.stateDir, { recursive: true });
  }

  private dirs(id: string) {
    const root = join(this.o.stateDir, id);
    return {
      root,
      data: join(root, 'data'),
      exec: join(root, 'x'),
      sock: join(root, 'docker.sock'),
      pid: join(root, 'dockerd.pid'),
      config: join(root, 'daemon.json'),
      log: join(root, 'dockerd.log'),
      workspace: join(root, 'workspace'),
    };
  }

  async start(id: string): Promise<EngineHandle> {
    if (!/^[0-9a-f]{12}$/.test(id)) throw new Error('bad session id');
    const t0 = performance.now();
    const d = this.dirs(id);
    const ns = NETNS_PREFIX + id;
    mkdirSync(join(d.workspace, 'host'), { recursive: true });
    mkdirSync(d.data, { recursive: true });
    writeFileSync(d.config, JSON.stringify(this.o.daemonConfig, null, 2));
    const forwarders: net.Server[] = [];
    let proc: ChildProcess | undefined;
    try {
      // the learner's machine's LAN address is the session's too (a registry pushed to by it, curl to it)
      await createNetns(ns, [HOST_LAN_IP]);
      for (const p of this.o.forwardPorts) forwarders.push(await forwardIntoNetns(ns, p.session, p.host));
      proc = this.spawn(id);
      const transport = new EngineTransport({ socketPath: d.sock });
      const started = proc;
      await waitFor(() => transport.json('GET', '/_ping').then(() => true, () => false), this.o.startTimeoutMs ?? 30_000, () => started.exitCode !== null);
      const handle: EngineHandle = {
        sessionId: id,
        address: { socketPath: d.sock },
        mode: 'daemon',
        workspace: d.workspace,
        hostNetwork: hostNetworkVia((host, port) => connectInNetns(ns, host, port)),
        startMs: performance.now() - t0,
      };
      this.running.set(id, { handle, proc, forwarders, transport });
      return handle;
    } catch (err) {
      for (const f of forwarders) f.close();
      if (proc?.pid) killTree(proc.pid);
      await this.cleanup(id);
      const tail = existsSync(d.log) ? readFileSync(d.log, 'utf8').split('\n').slice(-5).join('\n') : '';
      throw new Error(`session daemon did not start: ${err instanceof Error ? err.message : String(err)}\n${tail}`);
    }
  }

  /** dockerd for session `id`, in the session's network namespace and a mount namespace of its own */
  private spawn(id: string): ChildProcess {
    const d = this.dirs(id);
    const ns = NETNS_PREFIX + id;
    const log = openSync(d.log, 'a');
    // in its own mount namespace too, where the session's data root is mounted on
    // /var/lib/docker: the paths the learner inspects (volumes, logs, resolv.conf, overlay2)
    // are Docker's usual ones, and the host daemon's mounts there are not in its view
    const proc = spawn(
      'nsenter',
      [
        `--net=/run/netns/${ns}`,
        'unshare', '--mount', '--propagation', 'private',
        'sh', '-ec', MOUNT_DATA_ROOT, 'session-mounts', d.data,
        this.o.dockerdPath ?? 'dockerd',
        '--data-root', DATA_ROOT,
        '--exec-root', d.exec,
        '--pidfile', d.pid,
        '-H', `unix://${d.sock}`,
        '--config-file', d.config,
        '--containerd-namespace', ns,
        '--containerd-plugins-namespace', `${ns}-p`,
      ],
      { stdio: ['ignore', log, log], env: { ...process.env, ...(this.o.env ?? {}), NO_PROXY: `localhost,127.0.0.1,${HOST_LAN_IP}` }, detached: true },
    );
    proc.unref();
    closeSync(log);
    return proc;
  }

  /**
   * The session's daemon stopped as `systemctl stop docker` stops it (SIGTERM: dockerd stops the
   * containers, or leaves them running with live-restore); its data root, namespace and
   * workspace stay. Nothing when it is not running.
   */
  async stopDaemon(id: string): Promise<void> {
    const r = this.running.get(id);
    if (!r?.proc.pid || r.proc.exitCode !== null) return;
    const exited = new Promise<void>((res) => r.proc.once('exit', () => res()));
    try {
      process.kill(r.proc.pid, 'SIGTERM');
    } catch {}
    // dockerd waits up to 15 s for containers that ignore SIGTERM (shutdown-timeout), then kills them
    await Promise.race([exited, new Promise((res) => setTimeout(res, 25_000))]);
    if (r.proc.exitCode === null) killTree(r.proc.pid);
  }

  /**
   * The session's daemon started again (after stopDaemon) with `config` as its daemon.json (the
   * server's and the learner's, read by policy/daemon-json.ts): dockerd brings back the containers
   * whose restart policy says so. Resolves with whether it answers and what it logged.
   */
  async startDaemon(id: string, config: Record<string, unknown>): Promise<{ ok: boolean; log: string[] }> {
    const r = this.running.get(id);
    if (!r) return { ok: false, log: ['no such session'] };
    if (r.proc.exitCode === null) await this.stopDaemon(id);
    const d = this.dirs(id);
    writeFileSync(d.config, JSON.stringify(config, null, 2));
    const from = existsSync(d.log) ? statSync(d.log).size : 0;
    const proc = this.spawn(id);
    r.proc = proc;
    let ok = true;
    try {
      await waitFor(() => r.transport.json('GET', '/_ping').then(() => true, () => false), this.o.startTimeoutMs ?? 30_000, () => proc.exitCode !== null);
    } catch {
      ok = false;
      if (proc.exitCode === null && proc.pid) killTree(proc.pid);
    }
    const log = readFileSync(d.log).subarray(from).toString('utf8').split('\n').filter((l) => l.trim() !== '');
    return { ok, log: log.slice(-40) };
  }

  async stop(id: string): Promise<void> {
    const r = this.running.get(id);
    this.running.delete(id);
    if (r) {
      for (const f of r.forwarders) f.close();
      await stopDaemon(r.proc.pid, r.transport);
    }
    await this.cleanup(id);
  }

  async health(id: string): Promise<EngineHealth> {
    const r = this.running.get(id);
    if (!r) return { ok: false, error: 'no such session' };
    try {
      const v = await r.transport.json<{ Version: string }>('GET', '/version');
      return { ok: true, version: v.Version };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  async list(): Promise<string[]> {
    return [...this.running.keys()];
  }

  async removeOrphans(): Promise<string[]> {
    const removed: string[] = [];
    const ids = new Set<string>();
    for (const e of existsSync(this.o.stateDir) ? readdirSync(this.o.stateDir) : []) if (/^[0-9a-f]{12}$/.test(e)) ids.add(e);
    // only this launcher's sessions (its state directory): another server on the machine keeps its own
    for (const id of ids) {
      if (this.running.has(id)) continue;
      const d = this.dirs(id);
      const pid = existsSync(d.pid) ? Number(readFileSync(d.pid, 'utf8').trim()) : undefined;
      if (pid) await stopDaemon(pid, new EngineTransport({ socketPath: d.sock }));
      await this.cleanup(id);
      removed.push(id);
    }
    return removed;
  }

  /** unmount what the daemon left mounted, remove the session's directory and namespace */
  private async cleanup(id: string): Promise<void> {
    const d = this.dirs(id);
    // whatever still runs in the session's namespace (containers a stopped live-restore daemon left) goes too
    for (const pid of await netnsPids(NETNS_PREFIX + id)) killTree(pid);
    await unmountUnder(d.root);
    rmSync(d.root, { recursive: true, force: true });
    await deleteNetns(NETNS_PREFIX + id);
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, dead: () => boolean): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await check()) return;
    if (dead()) throw new Error('dockerd exited');
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** the process and its descendants (containerd, shims) */
function descendants(pid: number): number[] {
  const out: number[] = [];
  const byParent = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(e)]);
    } catch {}
  }
  const walk = (p: number) => {
    for (const c of byParent.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function killTree(pid: number): void {
  for (const p of [pid, ...descendants(pid)]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {}
  }
}

/** stop every container, then the daemon (SIGTERM, then SIGKILL on what is left) */
async function stopDaemon(pid: number | undefined, t: EngineTransport): Promise<void> {
  if (!pid || !alive(pid)) return;
  try {
    const cs = await t.json<{ Id: string }[]>('GET', '/containers/json', { query: { all: '1' } });
    await Promise.all(cs.map((c) => t.json('DELETE', `/containers/${c.Id}`, { query: { force: '1', v: '1' } }).catch(() => {})));
  } catch {}
  const tree = [pid, ...descendants(pid)];
  try {
    process.kill(pid, 'SIGTERM');
  } catch {}
  const end = performance.now() + 15_000;
  while (alive(pid) && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
  for (const p of tree) if (alive(p)) killTree(p);
}

async function unmountUnder(root: string): Promise<void> {
  let mounts: string[];
  try {
    mounts = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1]?.replace(/\\040/g, ' '))
      .filter((m): m is string => !!m && (m === root || m.startsWith(`${root}/`)));
  } catch {
    return;
  }
  for (const m of mounts.sort((a, b) => b.length - a.length)) await run('umount', ['-l', m]).catch(() => {});
}
