/**
 * The "Ports" strip: running containers that publish TCP ports on the host,
 * one link per host port ("open :8080"). Docker lists a binding once for
 * 0.0.0.0 and once for ::; the strip shows each host port once.
 */
import type { ContainerSummary } from '../../api/container';

export interface PortLink {
  /** the host port (`curl localhost:<hostPort>` reaches it) */
  hostPort: number;
  containerPort: number;
}

export interface ContainerPorts {
  id: string;
  name: string;
  ports: PortLink[];
}

export function publishedPorts(containers: readonly ContainerSummary[]): ContainerPorts[] {
  const out: ContainerPorts[] = [];
  for (const c of containers) {
    if (c.State !== 'running') continue;
    const seen = new Set<number>();
    const ports: PortLink[] = [];
    for (const p of c.Ports) {
      if (p.Type !== 'tcp' || p.PublicPort === undefined || seen.has(p.PublicPort)) continue;
      seen.add(p.PublicPort);
      ports.push({ hostPort: p.PublicPort, containerPort: p.PrivatePort });
    }
    if (ports.length === 0) continue;
    ports.sort((a, b) => a.hostPort - b.hostPort);
    out.push({ id: c.Id, name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), ports });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** the strip changed only if the links did (the list is re-read after every command) */
export function samePorts(a: readonly ContainerPorts[], b: readonly ContainerPorts[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
