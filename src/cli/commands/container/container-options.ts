/**
 * docker/cli container/opts.go parse(): the flags of `docker run` / `docker
 * create` turned into the API's Config, HostConfig and NetworkingConfig.
 * Problems are thrown as OptionsError with docker's text; the command reports
 * them as "docker: <text>." + "See 'docker run --help'." (exit 125).
 */
import type { ContainerConfig, HostConfig, NetworkingConfig } from '../../../api/container';
import type { FileSystem } from '../../../api/fs';
import type { MountSpec } from '../../../api/volume';
import type { CommandContext, ParsedFlags } from '../../framework/command';
import { MountOptError, parseMountOpt } from './mount-opt';
import { parseExpose, parsePortSpecs, PortSpecError } from './port-specs';

export class OptionsError extends Error {}

/** opts.go: --no-healthcheck, or a HealthConfig from the --health-* flags (durations in ns, zero fields left out) */
function healthConfig(flags: ParsedFlags): ContainerConfig['Healthcheck'] | undefined {
  const ns = (name: string) => Math.round(flags.duration(name) * 1e6);
  const cmd = flags.string('health-cmd');
  const interval = ns('health-interval');
  const timeout = ns('health-timeout');
  const startPeriod = ns('health-start-period');
  const retries = flags.int('health-retries');
  const have = cmd !== '' || interval !== 0 || timeout !== 0 || startPeriod !== 0 || retries !== 0;
  if (flags.bool('no-healthcheck')) {
    if (have) throw new OptionsError('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!have) return undefined;
  if (interval < 0) throw new OptionsError('--health-interval cannot be negative');
  if (timeout < 0) throw new OptionsError('--health-timeout cannot be negative');
  if (retries < 0) throw new OptionsError('--health-retries cannot be negative');
  if (startPeriod < 0) throw new OptionsError('--health-start-period cannot be negative');
  const hc: NonNullable<ContainerConfig['Healthcheck']> = {};
  if (cmd !== '') hc.Test = ['CMD-SHELL', cmd];
  if (interval) hc.Interval = interval;
  if (timeout) hc.Timeout = timeout;
  if (startPeriod) hc.StartPeriod = startPeriod;
  if (retries) hc.Retries = retries;
  return hc;
}

export interface ContainerOptions {
  config: Partial<ContainerConfig>;
  hostConfig: Partial<HostConfig>;
  networkingConfig: NetworkingConfig;
  name: string;
  pull: string;
}

const dec = new TextDecoder();

function resolvePath(cwd: string, p: string): string {
  if (p.startsWith('/')) return p;
  const parts = cwd.split('/').filter(Boolean);
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return `/${parts.join('/')}`;
}

function readHostFile(ctx: Pick<CommandContext, 'hostFs' | 'cwd'>, file: string): string {
  const fs: FileSystem = ctx.hostFs;
  try {
    return dec.decode(fs.readFile(resolvePath(ctx.cwd, file)));
  } catch {
    throw new OptionsError(`open ${file}: no such file or directory`);
  }
}

/** opts.ParseEnvFile lines + -e values (a bare KEY takes the caller's value when set) */
export function envList(ctx: Pick<CommandContext, 'hostFs' | 'cwd' | 'env'>, files: string[], values: string[]): string[] {
  const out: string[] = [];
  const fromEnv = (k: string) => (k in ctx.env ? `${k}=${ctx.env[k]}` : undefined);
  for (const f of files) {
    for (const raw of readHostFile(ctx, f).split('\n')) {
      const line = raw.replace(/^\s+/, '').replace(/\r$/, '');
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      if (eq === 0) throw new OptionsError(`invalid environment variable: ${line}`);
      if (eq > 0) out.push(line);
      else {
        const v = fromEnv(line.trim());
        if (v) out.push(v);
      }
    }
  }
  for (const v of values) {
    if (v.startsWith('=')) throw new OptionsError(`invalid environment variable: ${v}`);
    out.push(v.includes('=') ? v : (fromEnv(v) ?? v));
  }
  return out;
}

function labelMap(ctx: Pick<CommandContext, 'hostFs' | 'cwd'>, files: string[], values: string[]): Record<string, string> {
  const all: string[] = [];
  for (const f of files) {
    for (const raw of readHostFile(ctx, f).split('\n')) {
      const line = raw.trim();
      if (line !== '' && !line.startsWith('#')) all.push(line);
    }
  }
  all.push(...values);
  const out: Record<string, string> = {};
  for (const l of all) {
    const i = l.indexOf('=');
    if (i < 0) out[l] = '';
    else out[l.slice(0, i)] = l.slice(i + 1);
  }
  return out;
}

/** opts.ParseRestartPolicy */
export function parseRestartPolicy(policy: string): { Name: string; MaximumRetryCount: number } {
  if (policy === '') return { Name: '', MaximumRetryCount: 0 };
  const parts = policy.split(':');
  if (parts.length > 2) throw new OptionsError('invalid restart policy format');
  let count = 0;
  if (parts.length === 2) {
    if (!/^[+-]?\d+$/.test(parts[1] as string)) throw new OptionsError('maximum retry count must be an integer');
    count = Number(parts[1]);
  }
  return { Name: parts[0] as string, MaximumRetryCount: count };
}

function mapOf(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i < 0) out[v] = '';
    else out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

const BUILTIN_NETWORKS = new Set(['default', 'bridge', 'host', 'none']);

/** parse(): flags and the positional IMAGE [COMMAND] [ARG...] */
export function parseContainerOptions(ctx: CommandContext, flags: ParsedFlags, args: string[]): ContainerOptions {
  const [image = '', ...cmd] = args;
  const attach = flags.list('attach').map((a) => a.toLowerCase());
  for (const a of attach) if (!['stdin', 'stdout', 'stderr'].includes(a)) throw new OptionsError('valid streams are STDIN, STDOUT and STDERR');
  let attachStdin = attach.includes('stdin');
  let attachStdout = attach.includes('stdout');
  let attachStderr = attach.includes('stderr');
  const stdin = flags.bool('interactive');
  if (stdin) attachStdin = true;
  if (attach.length === 0) {
    attachStdout = true;
    attachStderr = true;
  }

  let ports: ReturnType<typeof parsePortSpecs>;
  try {
    ports = parsePortSpecs(flags.list('publish'));
    parseExpose(flags.list('expose'), ports.exposed);
  } catch (err) {
    if (err instanceof PortSpecError) throw new OptionsError(err.message);
    throw err;
  }

  const volumes: Record<string, Record<string, never>> = {};
  const binds: string[] = [];
  for (const v of flags.list('volume')) {
    const parts = v.split(':');
    if (v === '' || parts.some((p, i) => p === '' && i < 2)) throw new OptionsError(`invalid spec: ${v}: empty section between colons`);
    if (parts.length === 1) {
      volumes[v] = {};
      continue;
    }
    // the 20.10 CLI passes a relative host path as it is: the daemon takes it for a volume name and refuses it (CLIs from 23.0 on resolve it)
    binds.push(v);
  }

  let mounts: MountSpec[] = [];
  try {
    mounts = flags.list('mount').map(parseMountOpt);
  } catch (err) {
    if (err instanceof MountOptError) throw new OptionsError(`invalid argument "${flags.list('mount').join(',')}" for "--mount" flag: ${err.message}`);
    throw err;
  }

  let entrypoint: string[] | undefined;
  if (flags.string('entrypoint') !== '') entrypoint = [flags.string('entrypoint')];
  else if (flags.changed.has('entrypoint')) entrypoint = [''];

  const restart = parseRestartPolicy(flags.string('restart'));
  const autoRemove = flags.bool('rm');
  if (autoRemove && restart.Name !== '' && restart.Name !== 'no') throw new OptionsError('Conflicting options: --restart and --rm');

  const extraHosts = flags.list('add-host');
  for (const h of extraHosts) {
    const i = h.indexOf(':');
    if (i <= 0 || i === h.length - 1) throw new OptionsError(`invalid argument "${h}" for "--add-host" flag: bad format for add-host: "${h}"`);
  }

  const tmpfs: Record<string, string> = {};
  for (const t of flags.list('tmpfs')) {
    const i = t.indexOf(':');
    if (i < 0) tmpfs[t] = '';
    else tmpfs[t.slice(0, i)] = t.slice(i + 1);
  }

  const network = flags.string('network') || flags.string('net') || 'default';
  const aliases = [...flags.list('network-alias'), ...flags.list('net-alias')];
  const networkingConfig: NetworkingConfig = { EndpointsConfig: {} };
  if (!BUILTIN_NETWORKS.has(network) && !network.startsWith('container:')) {
    const ep: NetworkingConfig['EndpointsConfig'][string] = {};
    if (aliases.length > 0) ep.Aliases = aliases;
    if (flags.string('ip') || flags.string('ip6')) {
      ep.IPAMConfig = { IPv4Address: flags.string('ip') || undefined, IPv6Address: flags.string('ip6') || undefined };
    }
    if (Object.keys(ep).length > 0) networkingConfig.EndpointsConfig[network] = ep;
  } else if (aliases.length > 0 && network !== 'default' && network !== 'bridge') {
    throw new OptionsError('network-scoped aliases are only supported for user-defined networks');
  } else if (aliases.length > 0) {
    networkingConfig.EndpointsConfig[network] = { Aliases: aliases };
  }

  let nanoCpus = 0;
  if (flags.string('cpus') !== '') {
    const n = Number(flags.string('cpus'));
    if (!Number.isFinite(n)) throw new OptionsError(`invalid argument "${flags.string('cpus')}" for "--cpus" flag: failed to parse ${flags.string('cpus')} as a rational number`);
    nanoCpus = Math.round(n * 1e9);
  }

  const config: Partial<ContainerConfig> = {
    Hostname: flags.string('hostname'),
    Domainname: flags.string('domainname'),
    User: flags.string('user'),
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    ExposedPorts: ports.exposed,
    Tty: flags.bool('tty'),
    OpenStdin: stdin,
    StdinOnce: stdin && attachStdin,
    Env: envList(ctx, flags.list('env-file'), flags.list('env')),
    Cmd: cmd.length > 0 ? cmd : null,
    Image: image,
    Volumes: volumes,
    WorkingDir: flags.string('workdir'),
    Entrypoint: entrypoint ?? null,
    OnBuild: null,
    Labels: labelMap(ctx, flags.list('label-file'), flags.list('label')),
  };
  if (flags.string('mac-address')) config.MacAddress = flags.string('mac-address');
  if (flags.changed.has('stop-signal')) config.StopSignal = flags.string('stop-signal');
  if (flags.changed.has('stop-timeout')) config.StopTimeout = flags.int('stop-timeout');
  const health = healthConfig(flags);
  if (health) config.Healthcheck = health;

  const num = (name: string) => {
    const v = flags.values[name];
    return typeof v === 'number' ? v : 0;
  };
  const hostConfig: Partial<HostConfig> = {
    Binds: binds.length > 0 ? binds : null,
    ContainerIDFile: flags.string('cidfile'),
    LogConfig: { Type: flags.string('log-driver'), Config: mapOf(flags.list('log-opt')) },
    NetworkMode: network,
    PortBindings: ports.bindings,
    RestartPolicy: restart,
    AutoRemove: autoRemove,
    VolumeDriver: flags.string('volume-driver'),
    VolumesFrom: flags.list('volumes-from').length > 0 ? flags.list('volumes-from') : null,
    CapAdd: flags.list('cap-add').length > 0 ? flags.list('cap-add') : null,
    CapDrop: flags.list('cap-drop').length > 0 ? flags.list('cap-drop') : null,
    CgroupnsMode: flags.string('cgroupns'),
    Dns: flags.list('dns'),
    DnsOptions: [...flags.list('dns-option'), ...flags.list('dns-opt')],
    DnsSearch: flags.list('dns-search'),
    ExtraHosts: extraHosts.length > 0 ? extraHosts : null,
    GroupAdd: flags.list('group-add').length > 0 ? flags.list('group-add') : null,
    IpcMode: flags.string('ipc'),
    Links: flags.list('link').length > 0 ? flags.list('link') : null,
    OomScoreAdj: num('oom-score-adj'),
    PidMode: flags.string('pid'),
    Privileged: flags.bool('privileged'),
    PublishAllPorts: flags.bool('publish-all'),
    ReadonlyRootfs: flags.bool('read-only'),
    SecurityOpt: flags.list('security-opt').length > 0 ? flags.list('security-opt') : null,
    StorageOpt: mapOf(flags.list('storage-opt')),
    Tmpfs: tmpfs,
    UTSMode: flags.string('uts'),
    UsernsMode: flags.string('userns'),
    ShmSize: num('shm-size'),
    Sysctls: mapOf(flags.list('sysctl')),
    Runtime: flags.string('runtime'),
    ConsoleSize: [0, 0],
    Isolation: flags.string('isolation'),
    CpuShares: num('cpu-shares'),
    Memory: num('memory'),
    NanoCpus: nanoCpus,
    CgroupParent: flags.string('cgroup-parent'),
    BlkioWeight: num('blkio-weight'),
    BlkioWeightDevice: [],
    CpuPeriod: num('cpu-period'),
    CpuQuota: num('cpu-quota'),
    CpuRealtimePeriod: num('cpu-rt-period'),
    CpuRealtimeRuntime: num('cpu-rt-runtime'),
    CpusetCpus: flags.string('cpuset-cpus'),
    CpusetMems: flags.string('cpuset-mems'),
    Devices: [],
    DeviceCgroupRules: flags.list('device-cgroup-rule').length > 0 ? flags.list('device-cgroup-rule') : null,
    KernelMemory: num('kernel-memory'),
    MemoryReservation: num('memory-reservation'),
    MemorySwap: num('memory-swap'),
    MemorySwappiness: flags.changed.has('memory-swappiness') ? num('memory-swappiness') : null,
    OomKillDisable: flags.bool('oom-kill-disable'),
    PidsLimit: flags.changed.has('pids-limit') ? num('pids-limit') : null,
    Mounts: mounts,
  };
  if (flags.changed.has('init')) hostConfig.Init = flags.bool('init');
  return { config, hostConfig, networkingConfig, name: flags.string('name'), pull: flags.string('pull') };
}
