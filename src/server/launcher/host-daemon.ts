/**
 * --local: one learner on their own machine, every session on the host's
 * daemon (DOCKER_HOST). What a session creates carries its label; stop()
 * removes the session's containers, volumes and networks and its workspace;
 * removeOrphans() does the same for labels of sessions no longer running.
 * Images are the host's and are left alone.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { type EngineAddress, EngineTransport } from '../engine/transport';
import { SESSION_LABEL } from '../policy/session-policy';
import { hostNetworkVia } from './host-http';
import type { EngineHandle, EngineHealth, Launcher } from './launcher';

export class HostDaemonLauncher implements Launcher {
  private readonly running = new Set<string>();
  private readonly t: EngineTransport;

  constructor(
    private readonly address: EngineAddress,
    private readonly stateDir: string,
  ) {
    this.t = new EngineTransport(address);
    mkdirSync(stateDir, { recursive: true });
  }

  async start(id: string): Promise<EngineHandle> {
    const t0 = performance.now();
    await this.t.json('GET', '/_ping');
    const workspace = join(this.stateDir, id, 'workspace');
    mkdirSync(join(workspace, 'host'), { recursive: true });
    this.running.add(id);
    return {
      sessionId: id,
      address: this.address,
      mode: 'local',
      workspace,
      hostNetwork: hostNetworkVia(
        (host, port) =>
          new Promise((resolve, reject) => {
            const s = net.connect(port, host);
            s.once('connect', () => resolve(s));
            s.once('error', reject);
          }),
        (ip) => ip === '127.0.0.1',
      ),
      startMs: performance.now() - t0,
    };
  }

  async stop(id: string): Promise<void> {
    this.running.delete(id);
    await this.removeLabelled(`${SESSION_LABEL}=${id}`);
    rmSync(join(this.stateDir, id), { recursive: true, force: true });
  }

  async health(): Promise<EngineHealth> {
    try {
      const v = await this.t.json<{ Version: string }>('GET', '/version');
      return { ok: true, version: v.Version };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  async list(): Promise<string[]> {
    return [...this.running];
  }

  async removeOrphans(): Promise<string[]> {
    const ids = new Set<string>();
    const cs = await this.t.json<{ Labels: Record<string, string> }[]>('GET', '/containers/json', { query: { all: '1', filters: JSON.stringify({ label: { [SESSION_LABEL]: true } }) } }).catch(() => []);
    for (const c of cs) ids.add(c.Labels[SESSION_LABEL]);
    for (const e of existsSync(this.stateDir) ? readdirSync(this.stateDir) : []) ids.add(e);
    const removed: string[] = [];
    for (const id of ids) {
      if (this.running.has(id)) continue;
      await this.stop(id);
      removed.push(id);
    }
    return removed;
  }

  private async removeLabelled(label: string): Promise<void> {
    const filters = JSON.stringify({ label: { [label]: true } });
    const t = this.t;
    const cs = await t.json<{ Id: string }[]>('GET', '/containers/json', { query: { all: '1', filters } }).catch(() => []);
    await Promise.all(cs.map((c) => t.json('DELETE', `/containers/${c.Id}`, { query: { force: '1', v: '1' } }).catch(() => {})));
    const vs = await t.json<{ Volumes: { Name: string }[] | null }>('GET', '/volumes', { query: { filters } }).catch(() => ({ Volumes: [] }));
    await Promise.all((vs.Volumes ?? []).map((v) => t.json('DELETE', `/volumes/${encodeURIComponent(v.Name)}`, { query: { force: '1' } }).catch(() => {})));
    const ns = await t.json<{ Id: string }[]>('GET', '/networks', { query: { filters } }).catch(() => []);
    await Promise.all(ns.map((n) => t.json('DELETE', `/networks/${n.Id}`).catch(() => {})));
  }
}
