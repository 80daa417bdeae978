/** docker/cli formatter DisplayablePorts (20.10): "0.0.0.0:80->80/tcp, :::80->80/tcp", "80/tcp", ranges grouped. */
import type { PortSummary } from '../../../api/container';

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  const ai = a.IP ?? '';
  const bi = b.IP ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  const ap = a.PublicPort ?? 0;
  const bp = b.PublicPort ?? 0;
  if (ap !== bp) return ap - bp;
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

function formGroup(key: string, start: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip !== '') group = `${ip}:${group}->${group}`;
  return `${group}/${type}`;
}

export function displayablePorts(input: PortSummary[]): string {
  // no ports (the usual case): nothing to sort or group
  if (input.length === 0) return '';
  const ports = [...input].sort(comparePorts);
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of ports) {
    const current = p.PrivatePort;
    let key = p.Type;
    if (p.IP) {
      if (p.PublicPort !== current) {
        hostMappings.push(`${p.IP}:${p.PublicPort ?? 0}->${p.PrivatePort}/${p.Type}`);
        continue;
      }
      key = `${p.IP}/${p.Type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === g.last + 1) {
      g.last = current;
      continue;
    }
    result.push(formGroup(key, g.first, g.last));
    groups.set(key, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  result.push(...hostMappings);
  return result.join(', ');
}
