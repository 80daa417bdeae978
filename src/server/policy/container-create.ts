/**
 * POST /containers/create, built by the server: the body is made field by
 * field from the validated Config/HostConfig/NetworkingConfig (nothing is
 * copied wholesale), after the refusals, with bind sources mapped into the
 * session's workspace and the session's limits filled in.
 */
import type { ContainerConfig, HostConfig, NetworkingConfig } from '../../api/container';
import type { MountSpec } from '../../api/volume';
import { refuse } from './refusal';
import { SESSION_LABEL, type SessionPolicy } from './session-policy';

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0);
const nonEmptyMap = (m: Record<string, string> | undefined) => m !== undefined && Object.keys(m).length > 0;

const NAMESPACE_OK: Record<string, Set<string>> = {
  NetworkMode: new Set(['', 'default', 'bridge', 'none']),
  PidMode: new Set(['', 'private']),
  IpcMode: new Set(['', 'private', 'shareable', 'none']),
  UTSMode: new Set(['', 'private']),
  CgroupnsMode: new Set(['', 'private']),
};

const SAFE_SECURITY_OPTS = new Set(['no-new-privileges', 'no-new-privileges:true', 'no-new-privileges=true']);

/** Check one namespace mode: host is refused; container:<x> only for the session's own containers. */
async function checkNamespace(field: keyof typeof NAMESPACE_OK, value: string | undefined, policy: SessionPolicy): Promise<void> {
  const v = value ?? '';
  if (NAMESPACE_OK[field].has(v)) return;
  const names: Record<keyof typeof NAMESPACE_OK, string> = { NetworkMode: 'network', PidMode: 'PID', IpcMode: 'IPC', UTSMode: 'UTS', CgroupnsMode: 'cgroup' };
  const what = names[field];
  if (v === 'host') refuse(`the host's ${what} namespace (--${what === 'network' ? 'network' : what.toLowerCase()}=host)`);
  if (v.startsWith('container:')) {
    if (field === 'UTSMode' || field === 'CgroupnsMode') refuse(`sharing another container's ${what} namespace`);
    if (!(await policy.ownsContainer(v.slice('container:'.length)))) refuse(`joining the ${what} namespace of a container of another session`);
    return;
  }
  // user-defined networks are names; the other modes have no other legal values
  if (field === 'NetworkMode') return;
  refuse(`${what} namespace mode ${JSON.stringify(v)}`);
}

function mapBind(bind: string, policy: SessionPolicy): string {
  // "src:dst[:opts]"; a src that is not absolute is a named volume
  const parts = bind.split(':');
  if (parts.length < 2 || parts.length > 3) return bind; // the daemon reports the syntax error itself
  const [src, dst, opts] = parts;
  if (!src.startsWith('/')) return bind;
  if (opts && /(^|,)(r?shared|r?slave)(,|$)/.test(opts)) refuse(`bind propagation ${JSON.stringify(opts)}`);
  const mapped = policy.paths.map(src);
  return opts !== undefined ? `${mapped}:${dst}:${opts}` : `${mapped}:${dst}`;
}

function mapMount(m: MountSpec, policy: SessionPolicy): MountSpec {
  const out: MountSpec = { Type: m.Type, Target: m.Target };
  if (m.ReadOnly !== undefined) out.ReadOnly = m.ReadOnly;
  if (m.Consistency !== undefined) out.Consistency = m.Consistency;
  if (m.Type === 'bind') {
    if (m.Source === undefined) return out;
    out.Source = policy.paths.map(m.Source);
    if (m.BindOptions) {
      const p = m.BindOptions.Propagation ?? '';
      if (p !== '' && p !== 'private' && p !== 'rprivate') refuse(`bind propagation ${JSON.stringify(p)}`);
      out.BindOptions = { ...(p ? { Propagation: p } : {}), ...(m.BindOptions.NonRecursive !== undefined ? { NonRecursive: m.BindOptions.NonRecursive } : {}) };
    }
    if (m.VolumeOptions || m.TmpfsOptions) out.VolumeOptions = undefined;
    return out;
  }
  if (m.Source !== undefined) out.Source = m.Source;
  if (m.Type === 'volume') {
    const dc = m.VolumeOptions?.DriverConfig;
    if (dc && ((dc.Name && dc.Name !== 'local') || nonEmptyMap(dc.Options))) refuse('volume driver options (--mount volume-driver/volume-opt)');
    if (m.VolumeOptions) {
      out.VolumeOptions = {
        ...(m.VolumeOptions.NoCopy !== undefined ? { NoCopy: m.VolumeOptions.NoCopy } : {}),
        ...(m.VolumeOptions.Labels ? { Labels: { ...m.VolumeOptions.Labels, ...(policy.mode === 'local' ? { [SESSION_LABEL]: policy.sessionId } : {}) } } : {}),
      };
    }
  }
  if (m.Type === 'tmpfs' && m.TmpfsOptions) {
    const size = m.TmpfsOptions.SizeBytes ?? 0;
    out.TmpfsOptions = { SizeBytes: size === 0 ? policy.limits.tmpfsBytes : Math.min(size, policy.limits.tmpfsBytes) };
    if (m.TmpfsOptions.Mode !== undefined) out.TmpfsOptions.Mode = m.TmpfsOptions.Mode;
  }
  return out;
}

export interface CreateRequest {
  config: Partial<ContainerConfig>;
  hostConfig?: Partial<HostConfig>;
  networkingConfig?: NetworkingConfig;
  name: string;
}

/** The body of POST /containers/create for a validated request, or a refusal. */
export async function buildCreateBody(req: CreateRequest, policy: SessionPolicy): Promise<Record<string, unknown>> {
  const h: Partial<HostConfig> = req.hostConfig ?? {};
  const L = policy.limits;

  if (h.Privileged) refuse('privileged mode (--privileged)');
  if (isSet(h.CapAdd)) refuse('adding capabilities (--cap-add)');
  if (isSet(h.Devices) || isSet(h.DeviceCgroupRules) || isSet(h.DeviceRequests)) refuse('host devices (--device, --device-cgroup-rule, --gpus)');
  if (isSet(h.UsernsMode)) refuse('a user namespace mode (--userns)');
  if (isSet(h.SecurityOpt) && !(h.SecurityOpt ?? []).every((o) => SAFE_SECURITY_OPTS.has(o))) refuse('security options (--security-opt)');
  if (h.MaskedPaths != null || h.ReadonlyPaths != null) refuse('changing masked or read-only kernel paths (unmasked paths)');
  if (nonEmptyMap(h.Sysctls)) refuse('kernel parameters (--sysctl)');
  if (isSet(h.CgroupParent) || isSet(h.Cgroup)) refuse('choosing a cgroup (--cgroup-parent)');
  if (h.Runtime && h.Runtime !== 'runc') refuse(`the ${h.Runtime} runtime (--runtime)`);
  if (h.Isolation && h.Isolation !== 'default') refuse(`isolation ${JSON.stringify(h.Isolation)}`);
  if (h.VolumeDriver && h.VolumeDriver !== 'local') refuse('a volume driver (--volume-driver)');
  if (nonEmptyMap(h.StorageOpt)) refuse('storage driver options (--storage-opt)');
  if (h.OomKillDisable) refuse('disabling the OOM killer (--oom-kill-disable)');
  if ((h.OomScoreAdj ?? 0) < 0) refuse('a negative OOM score adjustment');
  if (h.LogConfig?.Type && !['json-file', 'local'].includes(h.LogConfig.Type)) refuse(`the ${h.LogConfig.Type} logging driver (--log-driver)`);
  for (const k of Object.keys(h.LogConfig?.Config ?? {})) if (k !== 'max-size' && k !== 'max-file') refuse(`log option ${k} (--log-opt)`);
  if (req.config.Volumes) for (const v of Object.keys(req.config.Volumes)) if (!v.startsWith('/')) refuse(`anonymous volume ${JSON.stringify(v)}`);
  if (h.Memory && h.Memory > L.memory) refuse(`a memory limit above ${L.memory / 1024 / 1024} MiB (--memory)`);
  if (h.NanoCpus && h.NanoCpus > L.nanoCpus) refuse(`more than ${L.nanoCpus / 1e9} CPU (--cpus)`);
  if (h.PidsLimit && (h.PidsLimit < 0 || h.PidsLimit > L.pids)) refuse(`a PID limit above ${L.pids} (--pids-limit)`);
  if (h.CpuQuota && h.CpuPeriod && h.CpuQuota / h.CpuPeriod > L.nanoCpus / 1e9) refuse(`more than ${L.nanoCpus / 1e9} CPU (--cpu-quota)`);
  if (h.ShmSize && h.ShmSize > L.tmpfsBytes) refuse(`a /dev/shm above ${L.tmpfsBytes / 1024 / 1024} MiB (--shm-size)`);

  await checkNamespace('NetworkMode', h.NetworkMode, policy);
  await checkNamespace('PidMode', h.PidMode, policy);
  await checkNamespace('IpcMode', h.IpcMode, policy);
  await checkNamespace('UTSMode', h.UTSMode, policy);
  await checkNamespace('CgroupnsMode', h.CgroupnsMode, policy);
  if (policy.mode === 'local') {
    for (const v of h.VolumesFrom ?? []) if (!(await policy.ownsContainer(v.split(':')[0]))) refuse('--volumes-from a container of another session');
    for (const l of h.Links ?? []) if (!(await policy.ownsContainer(l.split(':')[0]))) refuse('--link to a container of another session');
  }

  const c = req.config;
  const config: Record<string, unknown> = {};
  const copy = (from: Record<string, unknown>, to: Record<string, unknown>, keys: readonly string[]) => {
    for (const k of keys) if (from[k] !== undefined) to[k] = from[k];
  };
  copy(c as Record<string, unknown>, config, [
    'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty', 'OpenStdin', 'StdinOnce',
    'Env', 'Cmd', 'Healthcheck', 'ArgsEscaped', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'NetworkDisabled', 'MacAddress',
    'OnBuild', 'StopSignal', 'StopTimeout', 'Shell',
  ]);
  config.Labels = { ...(c.Labels ?? {}), ...(policy.mode === 'local' ? { [SESSION_LABEL]: policy.sessionId } : {}) };

  const host: Record<string, unknown> = {};
  copy(h as Record<string, unknown>, host, [
    'ContainerIDFile', 'NetworkMode', 'PortBindings', 'RestartPolicy', 'AutoRemove', 'VolumesFrom', 'CapDrop', 'CgroupnsMode', 'Dns',
    'DnsOptions', 'DnsSearch', 'ExtraHosts', 'GroupAdd', 'IpcMode', 'Links', 'OomScoreAdj', 'PidMode', 'PublishAllPorts', 'ReadonlyRootfs',
    'Tmpfs', 'UTSMode', 'ShmSize', 'ConsoleSize', 'CpuShares', 'BlkioWeight', 'CpuPeriod', 'CpuQuota', 'CpusetCpus', 'CpusetMems',
    'MemoryReservation', 'MemorySwap', 'MemorySwappiness', 'Init',
  ]);
  if (h.SecurityOpt && h.SecurityOpt.length > 0) host.SecurityOpt = h.SecurityOpt;
  if (h.Binds) host.Binds = h.Binds.map((b) => mapBind(b, policy));
  if (h.Mounts) host.Mounts = h.Mounts.map((m) => mapMount(m, policy));
  if (h.Tmpfs) host.Tmpfs = Object.fromEntries(Object.entries(h.Tmpfs).map(([dir, opts]) => [dir, cappedTmpfs(opts, L.tmpfsBytes)]));
  host.Memory = h.Memory || L.memory;
  host.NanoCpus = h.NanoCpus || (h.CpuQuota ? 0 : L.nanoCpus);
  host.PidsLimit = h.PidsLimit || L.pids;
  host.LogConfig = {
    Type: h.LogConfig?.Type || 'json-file',
    Config: { ...(h.LogConfig?.Config ?? {}), 'max-size': L.logMaxSize, 'max-file': L.logMaxFile },
  };
  const body: Record<string, unknown> = { ...config, HostConfig: host };
  if (req.networkingConfig) {
    const eps: Record<string, unknown> = {};
    for (const [net, ep] of Object.entries(req.networkingConfig.EndpointsConfig)) {
      const e: Record<string, unknown> = {};
      copy(ep as Record<string, unknown>, e, ['IPAMConfig', 'Links', 'Aliases']);
      eps[net] = e;
    }
    body.NetworkingConfig = { EndpointsConfig: eps };
  }
  return body;
}

/** tmpfs options with a size no larger than the cap (the cap when none is given) */
function cappedTmpfs(opts: string, cap: number): string {
  const parts = opts.split(',').filter((p) => p !== '');
  const size = parts.find((p) => p.startsWith('size='));
  if (size) {
    const m = /^size=(\d+)([kmg]?)$/i.exec(size);
    const bytes = m ? Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()] : Number.NaN;
    if (!(bytes <= cap)) refuse(`a tmpfs above ${cap / 1024 / 1024} MiB (--tmpfs size)`);
    return opts;
  }
  return [...parts, `size=${cap}`].join(',');
}
