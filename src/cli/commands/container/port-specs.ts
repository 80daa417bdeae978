/**
 * go-connections/nat port specs as docker/cli parses -p and --expose:
 * "80", "8080:80", "127.0.0.1:8080:80", "127.0.0.1::80", "80/udp",
 * "8000-8010:80-90". Errors carry nat's texts ("Invalid hostPort: 99999").
 */
import type { PortMap } from '../../../api/network';

export class PortSpecError extends Error {}

/** nat.ParsePortRange: "80" → [80, 80], "80-90" → [80, 90] */
export function parsePortRange(s: string): [number, number] {
  if (s === '') throw new PortSpecError('empty string specified for ports');
  const [a = '', b] = s.split('-', 2);
  const num = (x: string) => {
    if (!/^\d+$/.test(x) || Number(x) > 65535) throw new PortSpecError(`invalid port: ${x}`);
    return Number(x);
  };
  const start = num(a);
  const end = b === undefined ? start : num(b);
  if (end < start) throw new PortSpecError(`invalid range specified for the port: ${s}`);
  return [start, end];
}

function splitProtoPort(raw: string): [string, string] {
  const i = raw.indexOf('/');
  if (raw === '' || i === 0) return ['', ''];
  if (i < 0) return ['tcp', raw];
  const proto = raw.slice(i + 1);
  return [proto === '' ? 'tcp' : proto, raw.slice(0, i)];
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const container = parts[n - 1] as string;
  if (n === 1) return ['', '', container];
  if (n === 2) return ['', parts[0] as string, container];
  if (n === 3) return [parts[0] as string, parts[1] as string, container];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2] as string, container];
}

function validIp(ip: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip.split('.').every((o) => Number(o) <= 255);
  return /^[0-9a-fA-F:]+$/.test(ip) && ip.includes(':');
}

export interface PortSpecs {
  exposed: Record<string, Record<string, never>>;
  bindings: PortMap;
}

/** the value of every exposed port ({} in the request's JSON): one shared, frozen object (`-p 1-65535` exposes 65,535) */
const EXPOSED: Record<string, never> = Object.freeze({}) as Record<string, never>;

/** nat.ParsePortSpecs over every -p value */
export function parsePortSpecs(specs: string[]): PortSpecs {
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: PortMap = {};
  for (const raw of specs) {
    const [rawIp, hostPortIn, containerIn] = splitParts(raw);
    const [proto, containerPort] = splitProtoPort(containerIn);
    const ip = rawIp.replace(/^\[(.*)\]$/, '$1');
    if (ip !== '' && !validIp(ip)) throw new PortSpecError(`Invalid ip address: ${ip}`);
    if (containerPort === '') throw new PortSpecError(`No port specified: ${raw}<empty>`);
    let start: number;
    let end: number;
    try {
      [start, end] = parsePortRange(containerPort);
    } catch {
      throw new PortSpecError(`Invalid containerPort: ${containerPort}`);
    }
    let hostStart = 0;
    let hostEnd = 0;
    if (hostPortIn !== '') {
      try {
        [hostStart, hostEnd] = parsePortRange(hostPortIn);
      } catch {
        throw new PortSpecError(`Invalid hostPort: ${hostPortIn}`);
      }
    }
    if (hostPortIn !== '' && end - start !== hostEnd - hostStart && end !== start) {
      throw new PortSpecError(`Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPortIn}`);
    }
    const p = proto.toLowerCase();
    if (!['tcp', 'udp', 'sctp'].includes(p)) throw new PortSpecError(`Invalid proto: ${proto}`);
    // a range is one key per port (1-65535 is 65,535): no lookup or copy more than each needs
    const single = start === end && hostStart !== hostEnd ? `${hostStart}-${hostEnd}` : undefined;
    const suffix = `/${p}`;
    for (let i = 0; i <= end - start; i++) {
      const key = `${start + i}${suffix}`;
      const hostPort = single ?? (hostPortIn === '' ? '' : String(hostStart + i));
      exposed[key] = EXPOSED;
      const list = bindings[key];
      if (!list) bindings[key] = [{ HostIp: ip, HostPort: hostPort }];
      else if (!list.some((x) => x.HostIp === ip && x.HostPort === hostPort)) list.push({ HostIp: ip, HostPort: hostPort });
    }
  }
  return { exposed, bindings };
}

/** --expose values: "9000", "9000-9010", "53/udp" */
export function parseExpose(values: string[], exposed: Record<string, Record<string, never>>): void {
  for (const e of values) {
    if (e.includes(':')) throw new PortSpecError(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    let start: number;
    let end: number;
    try {
      [start, end] = parsePortRange(port);
    } catch (err) {
      throw new PortSpecError(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
    }
    for (let p = start; p <= end; p++) exposed[`${p}/${proto.toLowerCase()}`] ??= {};
  }
}
