/**
 * Host port allocation as libnetwork's portallocator does it: one pool per
 * (host IP, protocol); an explicit port is taken or "already allocated"; an
 * ephemeral one is the next free port after the pool's last one, in
 * 32768–60999 (the kernel's ip_local_port_range), wrapping around.
 *
 * On top of that the kernel refuses to bind a socket that overlaps an existing
 * one (127.0.0.1:32768 while 0.0.0.0:32768 is bound); dockerd then retries
 * with the next ephemeral port. IPv6 sockets (`::`) are v6-only, so the IPv4
 * and IPv6 ports of one mapping can differ (`0.0.0.0:32770->80/tcp, :::32769->80/tcp`).
 */
export const EPHEMERAL_BEGIN = 32768;
export const EPHEMERAL_END = 60999;

interface Pool {
  used: Set<number>;
  last: number;
}

export class PortAllocator {
  /** by "ip/proto", in the order they were first used (snapshots keep it) */
  private readonly pools = new Map<string, Pool>();
  /** the same pools by ip then proto: a lookup per port makes no key string (`-p 1-65535:1-65535` asks 131,070 times) */
  private readonly byIp = new Map<string, Map<string, Pool>>();

  private pool(ip: string, proto: string): Pool {
    const p = this.byIp.get(ip)?.get(proto);
    if (p) return p;
    const created: Pool = { used: new Set(), last: EPHEMERAL_END };
    this.add(`${ip}/${proto}`, created);
    return created;
  }

  private add(key: string, p: Pool): void {
    this.pools.set(key, p);
    const cut = key.lastIndexOf('/');
    if (cut < 0) return; // no request ever asks for it (a snapshot's odd key kept as it was)
    const ip = key.slice(0, cut);
    let protos = this.byIp.get(ip);
    if (!protos) {
      protos = new Map();
      this.byIp.set(ip, protos);
    }
    protos.set(key.slice(cut + 1), p);
  }

  /** Take `port` on ip/proto; false when that pool already holds it. */
  requestPort(ip: string, proto: string, port: number): boolean {
    const p = this.pool(ip, proto);
    if (p.used.has(port)) return false;
    p.used.add(port);
    return true;
  }

  /** The next free ephemeral port of ip/proto, or undefined when all are taken. */
  requestEphemeral(ip: string, proto: string): number | undefined {
    const p = this.pool(ip, proto);
    let port = p.last;
    for (let i = 0; i <= EPHEMERAL_END - EPHEMERAL_BEGIN; i++) {
      port++;
      if (port > EPHEMERAL_END) port = EPHEMERAL_BEGIN;
      if (!p.used.has(port)) {
        p.used.add(port);
        p.last = port;
        return port;
      }
    }
    return undefined;
  }

  release(ip: string, proto: string, port: number): void {
    this.byIp.get(ip)?.get(proto)?.used.delete(port);
  }

  /** every pool as plain data (sandbox snapshots) */
  state(): PortPoolState[] {
    return [...this.pools].map(([key, p]) => ({ key, used: [...p.used], last: p.last }));
  }

  /** replace every pool with `state` */
  restore(state: readonly PortPoolState[]): void {
    this.pools.clear();
    this.byIp.clear();
    for (const p of state) this.add(p.key, { used: new Set(p.used), last: p.last });
  }
}

/** one pool of PortAllocator: key "ip/proto" */
export interface PortPoolState {
  key: string;
  used: number[];
  last: number;
}
