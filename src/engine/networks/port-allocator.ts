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
  private readonly pools = new Map<string, Pool>();

  private pool(ip: string, proto: string): Pool {
    const key = `${ip}/${proto}`;
    let p = this.pools.get(key);
    if (!p) {
      p = { used: new Set(), last: EPHEMERAL_END };
      this.pools.set(key, p);
    }
    return p;
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
    this.pools.get(`${ip}/${proto}`)?.used.delete(port);
  }

  /** every pool as plain data (sandbox snapshots) */
  state(): PortPoolState[] {
    return [...this.pools].map(([key, p]) => ({ key, used: [...p.used], last: p.last }));
  }

  /** replace every pool with `state` */
  restore(state: readonly PortPoolState[]): void {
    this.pools.clear();
    for (const p of state) this.pools.set(p.key, { used: new Set(p.used), last: p.last });
  }
}

/** one pool of PortAllocator: key "ip/proto" */
export interface PortPoolState {
  key: string;
  used: number[];
  last: number;
}
