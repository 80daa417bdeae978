/**
 * `docker commit --change` / `docker import --change`: Dockerfile instructions
 * applied to an image config (moby dockerfile.BuildFromConfig). Only the
 * instructions moby accepts for commit are allowed; texts are the daemon's.
 */
import { invalidParameter } from '../../api/errors';
import type { ContainerConfig } from '../../api/image';
import { setOwn } from '../../lib/own';

const VALID = new Set(['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'user', 'volume', 'workdir']);

/** split words honouring "double" and 'single' quotes and backslash escapes (Dockerfile word rules) */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < s.length) cur += s[++i];
    else cur += c;
  }
  if (inWord) out.push(cur);
  return out;
}

/** ["a", "b"] exec form, or undefined when `rest` is not a JSON array of strings */
function parseJsonArray(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(rest);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    return undefined;
  }
  return undefined;
}

function commandForm(rest: string): string[] {
  return parseJsonArray(rest) ?? ['/bin/sh', '-c', rest];
}

/** KEY=VALUE pairs, or the legacy "KEY value words" form (ENV only) */
function keyValues(instr: string, rest: string, legacy: boolean): [string, string][] {
  const words = splitWords(rest);
  if (words.length === 0) throw invalidParameter(`${instr} requires at least one argument`);
  if (legacy && !words[0].includes('=')) {
    const m = /^\s*(\S+)\s+(.*)$/.exec(rest);
    if (!m) throw invalidParameter(`${instr} must have two arguments`);
    return [[m[1], m[2].trim()]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) throw invalidParameter(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    if (eq === 0) throw invalidParameter(`${instr} names can not be blank`);
    return [w.slice(0, eq), w.slice(eq + 1)] as [string, string];
  });
}

/** nat.ParsePortSpec-lite: "80", "80/udp", "8000-8002/tcp" → ["80/tcp", …] */
function exposedPorts(spec: string): string[] {
  const [portPart, proto = 'tcp'] = spec.split('/', 2);
  const m = /^(\d+)(?:-(\d+))?$/.exec(portPart);
  if (!m) throw invalidParameter(`Invalid containerPort: ${portPart}`);
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  if (start > 65535 || end > 65535) throw invalidParameter(`Invalid containerPort: ${portPart}`);
  if (end < start) throw invalidParameter(`Invalid range specified for the port: ${portPart}`);
  const out: string[] = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}

const DURATION = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/;
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

function healthcheck(rest: string): NonNullable<ContainerConfig['Healthcheck']> {
  const words = splitWords(rest);
  const hc: NonNullable<ContainerConfig['Healthcheck']> = {};
  while (words[0]?.startsWith('--')) {
    const [flag, value = ''] = (words.shift() as string).slice(2).split('=', 2);
    if (flag === 'retries') {
      hc.Retries = Number.parseInt(value, 10);
      continue;
    }
    const m = DURATION.exec(value);
    const key = { interval: 'Interval', timeout: 'Timeout', 'start-period': 'StartPeriod' }[flag] as
      | 'Interval'
      | 'Timeout'
      | 'StartPeriod'
      | undefined;
    if (!key) throw invalidParameter(`Unknown flag: ${flag}`);
    if (!m) throw invalidParameter(`time: invalid duration "${value}"`);
    hc[key] = Number(m[1]) * UNIT_NS[m[2]];
  }
  const kind = (words.shift() ?? '').toUpperCase();
  if (kind === 'NONE') {
    if (words.length > 0) throw invalidParameter('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  if (kind !== 'CMD') throw invalidParameter(`Unknown type "${kind}" in HEALTHCHECK (try CMD)`);
  const cmdText = rest.slice(rest.toUpperCase().indexOf('CMD') + 3).trim();
  const json = parseJsonArray(cmdText);
  hc.Test = json ? ['CMD', ...json] : ['CMD-SHELL', cmdText];
  return hc;
}

/** Apply `changes` (one instruction each) to a copy of `config`. */
export function applyConfigChanges(config: ContainerConfig, changes: readonly string[]): ContainerConfig {
  const c: ContainerConfig = {
    ...config,
    Env: config.Env ? [...config.Env] : config.Env,
    // shared: EXPOSE below makes a new map (a map of EXPOSE 1-65535 is 65,535 keys: core/port-runs.ts)
    ExposedPorts: config.ExposedPorts,
    Labels: config.Labels ? { ...config.Labels } : config.Labels,
    Volumes: config.Volumes ? { ...config.Volumes } : config.Volumes,
    OnBuild: config.OnBuild ? [...config.OnBuild] : config.OnBuild,
  };
  let cmdSet = false;
  for (const raw of changes) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+)\s*([\s\S]*)$/.exec(line)!;
    const name = m[1].toLowerCase();
    const rest = m[2].trim();
    const instr = name.toUpperCase();
    if (!VALID.has(name)) throw invalidParameter(`${name} is not a valid change command`);
    if (rest === '' && name !== 'cmd' && name !== 'entrypoint') {
      throw invalidParameter(`${instr} requires at least one argument`);
    }
    switch (name) {
      case 'cmd':
        c.Cmd = commandForm(rest);
        cmdSet = true;
        break;
      case 'entrypoint':
        c.Entrypoint = commandForm(rest);
        if (!cmdSet) c.Cmd = null;
        break;
      case 'env': {
        const env = [...(c.Env ?? [])];
        for (const [k, v] of keyValues(instr, rest, true)) {
          const i = env.findIndex((e) => e.split('=', 1)[0] === k);
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        c.Env = env;
        break;
      }
      case 'label': {
        const labels = { ...(c.Labels ?? {}) };
        for (const [k, v] of keyValues(instr, rest, false)) setOwn(labels, k, v);
        c.Labels = labels;
        break;
      }
      case 'expose': {
        const ports = { ...(c.ExposedPorts ?? {}) };
        for (const w of splitWords(rest)) for (const p of exposedPorts(w)) ports[p] = {};
        c.ExposedPorts = ports;
        break;
      }
      case 'user':
        c.User = rest;
        break;
      case 'workdir':
        c.WorkingDir = rest.startsWith('/') ? rest : `${(c.WorkingDir || '/').replace(/\/$/, '')}/${rest}`;
        break;
      case 'volume': {
        const vols = { ...(c.Volumes ?? {}) };
        for (const v of parseJsonArray(rest) ?? splitWords(rest)) {
          if (v.trim() === '') throw invalidParameter('VOLUME specified can not be an empty string');
          vols[v] = {};
        }
        c.Volumes = vols;
        break;
      }
      case 'onbuild': {
        const trigger = /^(\S+)/.exec(rest)![1].toUpperCase();
        if (trigger === 'ONBUILD') throw invalidParameter('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
        if (trigger === 'FROM' || trigger === 'MAINTAINER') {
          throw invalidParameter(`${trigger} isn't allowed as an ONBUILD trigger`);
        }
        c.OnBuild = [...(c.OnBuild ?? []), rest];
        break;
      }
      case 'healthcheck':
        c.Healthcheck = healthcheck(rest);
        break;
    }
  }
  return c;
}
