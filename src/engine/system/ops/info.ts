/** GET /info (moby daemon SystemInfo) with this engine's counts. */
import type { SystemInfo } from '../../../api/system';
import type { Engine } from '../../engine';
import * as F from '../daemon-facts';
import { rfc3339Nano } from '../time-format';

type InfoEngine = Pick<Engine, 'containers' | 'images' | 'networks' | 'clock' | 'daemon'>;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** the daemon's key ID ("6SM2:CWWC:…", 12 groups of 4), derived from the bridge network's ID so it is stable */
export function daemonId(engine: Pick<Engine, 'networks'>): string {
  const seed = engine.networks.byName('bridge')?.id ?? '0'.repeat(64);
  const chars: string[] = [];
  for (let i = 0; i < 48; i++) chars.push(BASE32[Number.parseInt(seed.slice(i, i + 2), 16) % 32]);
  const groups: string[] = [];
  for (let i = 0; i < 48; i += 4) groups.push(chars.slice(i, i + 4).join(''));
  return groups.join(':');
}

/** the registry part of /info: insecure registries by name and network, the Hub with its mirrors */
function registryConfig(engine: InfoEngine): SystemInfo['RegistryConfig'] {
  const cfg = engine.daemon.config;
  const indexConfigs: SystemInfo['RegistryConfig']['IndexConfigs'] = {};
  for (const name of cfg.insecureNames) indexConfigs[name] = { Name: name, Mirrors: [], Secure: false, Official: false };
  indexConfigs['docker.io'] = { Name: 'docker.io', Mirrors: [...cfg.registryMirrors], Secure: true, Official: true };
  return {
    AllowNondistributableArtifactsCIDRs: [],
    AllowNondistributableArtifactsHostnames: [],
    InsecureRegistryCIDRs: [...cfg.insecureCidrs],
    IndexConfigs: indexConfigs,
    Mirrors: [...cfg.registryMirrors],
  };
}

export function systemInfo(engine: InfoEngine): SystemInfo {
  const cfg = engine.daemon.config;
  const all = engine.containers.list();
  const running = all.filter((c) => c.State.Running && !c.State.Paused).length;
  const paused = all.filter((c) => c.State.Running && c.State.Paused).length;
  return {
    ID: daemonId(engine),
    Containers: all.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: all.length - running - paused,
    Images: engine.images.all().length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'logentries', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    KernelMemory: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    BridgeNfIptables: true,
    BridgeNfIp6tables: true,
    Debug: cfg.debug,
    NFd: 24,
    OomKillDisable: true,
    NGoroutines: 34,
    SystemTime: rfc3339Nano(engine.clock.now()),
    LoggingDriver: cfg.logDriver,
    CgroupDriver: 'cgroupfs',
    CgroupVersion: '1',
    NEventsListener: 0,
    KernelVersion: F.KERNEL_VERSION,
    OperatingSystem: F.OPERATING_SYSTEM,
    OSVersion: F.OS_VERSION,
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: registryConfig(engine),
    NCPU: F.NCPU,
    MemTotal: F.MEM_TOTAL,
    GenericResources: null,
    DockerRootDir: cfg.dataRoot,
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: F.HOST_NAME,
    Labels: [...cfg.labels],
    ExperimentalBuild: cfg.experimental,
    ServerVersion: F.SERVER_VERSION,
    Runtimes: {
      'io.containerd.runc.v2': { path: 'runc' },
      'io.containerd.runtime.v1.linux': { path: 'runc' },
      runc: { path: 'runc' },
    },
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: cfg.liveRestore,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: F.CONTAINERD.commit, Expected: F.CONTAINERD.commit },
    RuncCommit: { ID: F.RUNC.commit, Expected: F.RUNC.commit },
    InitCommit: { ID: '', Expected: '' },
    SecurityOptions: ['name=seccomp,profile=default'],
    Warnings: null,
  };
}
