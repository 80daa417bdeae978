/**
 * EXPOSE's port specs (go-connections nat.ParsePortSpecs as moby 20.10's
 * dispatchExpose uses it): `[ip:][hostPort:]containerPort[-end][/proto]`.
 * Only the container ports are kept ("80/tcp"); the error texts are
 * go-connections'. An empty protocol means tcp (`EXPOSE 80/` builds, checked
 * on Docker 20.10.24).
 */

import type { PortRun } from '../core/port-runs';

/** strconv.ParseUint(s, 10, 16) */
function parseUint16(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

/** nat.ParsePortRange: [start, end] or undefined */
function parsePortRange(ports: string): [number, number] | undefined {
  if (ports === '') return undefined;
  if (!ports.includes('-')) {
    const n = parseUint16(ports);
    return n === undefined ? undefined : [n, n];
  }
  const parts = ports.split('-');
  const start = parseUint16(parts[0] as string);
  const end = parseUint16(parts[1] as string);
  if (start === undefined || end === undefined || end < start) return undefined;
  return [start, end];
}

/** nat.splitParts: ip, host port, container port */
function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const container = parts[n - 1] as string;
  if (n === 1) return ['', '', container];
  if (n === 2) return ['', parts[0] as string, container];
  if (n === 3) return [parts[0] as string, parts[1] as string, container];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2] as string, container];
}

/** nat.SplitProtoPort */
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw.length === 0 || (parts[0] as string).length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if ((parts[1] as string).length === 0) return ['tcp', parts[0] as string];
  return [parts[1] as string, parts[0] as string];
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** net.ParseIP */
function isIP(s: string): boolean {
  if (isIPv4(s)) return true;
  if (!s.includes(':')) return false;
  let groups = s;
  let extra = 0;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    groups = `${s.slice(0, lastColon + 1)}0`;
    extra = 1;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const words = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!words.every((w) => /^[0-9a-fA-F]{1,4}$/.test(w))) return false;
  const count = words.length + extra;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** the IP part: net.SplitHostPort(ip + ":") strips IPv6 brackets */
function hostOf(rawIP: string): string {
  const hostport = `${rawIP}:`;
  if (rawIP.startsWith('[')) {
    const end = rawIP.indexOf(']');
    if (end < 0) throw new Error(`Invalid ip address ${rawIP}: address ${hostport}: missing ']' in address`);
    if (end !== rawIP.length - 1) throw new Error(`Invalid ip address ${rawIP}: address ${hostport}: missing port in address`);
    return rawIP.slice(1, end);
  }
  if (rawIP.includes(':')) throw new Error(`Invalid ip address ${rawIP}: address ${hostport}: too many colons in address`);
  if (rawIP.includes(']')) throw new Error(`Invalid ip address ${rawIP}: address ${hostport}: unexpected ']' in address`);
  return rawIP;
}

/** nat.ParsePortSpec, container ports only: a run of ports of one protocol */
function parsePortSpec(raw: string): PortRun {
  const [rawIP, hostPort, rawContainer] = splitParts(raw);
  const [proto, containerPort] = splitProtoPort(rawContainer);
  const ip = hostOf(rawIP);
  if (ip !== '' && !isIP(ip)) throw new Error(`Invalid ip address: ${ip}`);
  if (containerPort === '') throw new Error(`No port specified: ${raw}<empty>`);
  const range = parsePortRange(containerPort);
  if (!range) throw new Error(`Invalid containerPort: ${containerPort}`);
  const [start, end] = range;
  if (hostPort.length > 0) {
    const host = parsePortRange(hostPort);
    if (!host) throw new Error(`Invalid hostPort: ${hostPort}`);
    if (end - start !== host[1] - host[0] && end !== start) {
      throw new Error(`Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const p = proto.toLowerCase();
  if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') throw new Error(`Invalid proto: ${proto}`);
  return { proto: p, from: start, to: end };
}

/** nat.ParsePortSpecs: the exposed ports ("80/tcp") of every spec, first occurrence first */
export function exposedPortSpecs(specs: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const s of specs) {
    const r = parsePortSpec(s);
    for (let n = r.from; n <= r.to; n++) seen.add(`${n}/${r.proto}`);
  }
  return [...seen];
}

/** the exposed ports of every spec as runs (EXPOSE 1-65535 is one: no key of it is made here) */
export function exposedPortRuns(specs: readonly string[]): PortRun[] {
  return specs.map(parsePortSpec);
}
