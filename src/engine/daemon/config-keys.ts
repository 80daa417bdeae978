/**
 * What dockerd 20.10.24 (Linux) accepts as keys of daemon.json, as data
 * (moby daemon/config and cmd/dockerd; checked against a real dockerd, see
 * test/fixtures/real-host/):
 * - a key is known when it is the long name of a dockerd flag (hidden ones
 *   included), the name of a "named option" (the config-file name of a list
 *   flag: "registry-mirrors" for --registry-mirror), or one of the keys that
 *   skip the check ("features", "builder", "deprecated-key-path");
 * - so a flag name that is no config field ("registry-mirror", "label",
 *   "insecure-registry") passes the check and is then ignored;
 * - a JSON object value is flattened for the check (its keys are checked as
 *   keys), except for the options whose value is a map.
 */

/** every long flag name of `dockerd` 20.10.24 (`dockerd --help` and the hidden ones it still accepts) */
export const DOCKERD_FLAGS: readonly string[] = [
  'add-runtime', 'allow-nondistributable-artifacts', 'api-cors-header', 'authorization-plugin', 'bip', 'bridge',
  'cgroup-parent', 'config-file', 'containerd', 'containerd-namespace', 'containerd-plugins-namespace',
  'cpu-rt-period', 'cpu-rt-runtime', 'cri-containerd', 'data-root', 'debug', 'default-address-pool',
  'default-cgroupns-mode', 'default-gateway', 'default-gateway-v6', 'default-ipc-mode', 'default-runtime',
  'default-shm-size', 'default-ulimit', 'dns', 'dns-opt', 'dns-search', 'exec-opt', 'exec-root', 'experimental',
  'fixed-cidr', 'fixed-cidr-v6', 'group', 'help', 'host', 'host-gateway-ip', 'icc', 'init', 'init-path',
  'insecure-registry', 'ip', 'ip-forward', 'ip-masq', 'ip6tables', 'iptables', 'ipv6', 'label', 'live-restore',
  'log-driver', 'log-level', 'log-opt', 'max-concurrent-downloads', 'max-concurrent-uploads',
  'max-download-attempts', 'metrics-addr', 'mtu', 'network-control-plane-mtu', 'no-new-privileges',
  'node-generic-resource', 'oom-score-adjust', 'pidfile', 'raw-logs', 'registry-mirror', 'rootless',
  'seccomp-profile', 'selinux-enabled', 'shutdown-timeout', 'storage-driver', 'storage-opt',
  'swarm-default-advertise-addr', 'tls', 'tlscacert', 'tlscert', 'tlskey', 'tlsverify', 'userland-proxy',
  'userland-proxy-path', 'userns-remap', 'version',
  // hidden (deprecated or internal)
  'graph', 'restart', 'cluster-store', 'cluster-advertise', 'cluster-store-opt', 'network-diagnostic-port',
];

/** config-file name → the flag it belongs to (opts.NamedOption) */
export const NAMED_OPTIONS: Readonly<Record<string, string>> = {
  'storage-opts': 'storage-opt',
  'authorization-plugins': 'authorization-plugin',
  'exec-opts': 'exec-opt',
  'dns-opts': 'dns-opt',
  labels: 'label',
  'log-opts': 'log-opt',
  'cluster-store-opts': 'cluster-store-opt',
  'node-generic-resources': 'node-generic-resource',
  'allow-nondistributable-artifacts': 'allow-nondistributable-artifacts',
  'registry-mirrors': 'registry-mirror',
  'insecure-registries': 'insecure-registry',
  runtimes: 'add-runtime',
  'default-ulimits': 'default-ulimit',
  'default-address-pools': 'default-address-pool',
  hosts: 'host',
};

/** keys the unknown-key check lets through (skipValidateOptions) */
export const SKIP_VALIDATE: readonly string[] = ['features', 'builder', 'deprecated-key-path'];

/** keys whose object value is one option, not a group of keys (flatOptions) */
export const FLAT_OPTIONS: readonly string[] = ['cluster-store-opts', 'log-opts', 'runtimes', 'default-ulimits', 'features', 'builder'];

/** named options a flag on the command line may also set without a conflict (skipDuplicates) */
export const SKIP_DUPLICATES: readonly string[] = ['runtimes'];

/**
 * The Go type of each field of dockerd's Config struct by its JSON name, for
 * json.Unmarshal's type errors ("cannot unmarshal string into Go struct field
 * Config.debug of type bool"). Fields with their own decoding (address pools,
 * ulimits, runtimes, builder, sizes, IPs) are not listed: any value passes here.
 */
export type GoFieldType =
  | 'bool'
  | '*bool'
  | 'string'
  | 'int'
  | '*int'
  | 'int64'
  | 'uint32'
  | '[]string'
  | 'map[string]string'
  | 'map[string]bool';

export const CONFIG_FIELDS: Readonly<Record<string, GoFieldType>> = {
  debug: 'bool',
  'raw-logs': 'bool',
  'live-restore': 'bool',
  experimental: 'bool',
  'cri-containerd': 'bool',
  'selinux-enabled': 'bool',
  init: 'bool',
  'no-new-privileges': 'bool',
  rootless: 'bool',
  ipv6: 'bool',
  iptables: 'bool',
  ip6tables: 'bool',
  'ip-forward': 'bool',
  'ip-masq': 'bool',
  'userland-proxy': 'bool',
  icc: 'bool',
  tls: '*bool',
  tlsverify: '*bool',
  'storage-driver': 'string',
  pidfile: 'string',
  graph: 'string',
  'data-root': 'string',
  'exec-root': 'string',
  group: 'string',
  'api-cors-header': 'string',
  'deprecated-key-path': 'string',
  'cluster-store': 'string',
  'cluster-advertise': 'string',
  'log-level': 'string',
  tlscacert: 'string',
  tlscert: 'string',
  tlskey: 'string',
  'swarm-default-advertise-addr': 'string',
  'metrics-addr': 'string',
  containerd: 'string',
  'containerd-namespace': 'string',
  'containerd-plugin-namespace': 'string',
  'log-driver': 'string',
  bridge: 'string',
  'fixed-cidr': 'string',
  'fixed-cidr-v6': 'string',
  'cgroup-parent': 'string',
  'userns-remap': 'string',
  'init-path': 'string',
  'seccomp-profile': 'string',
  'default-ipc-mode': 'string',
  'default-cgroupns-mode': 'string',
  'resolv-conf': 'string',
  'userland-proxy-path': 'string',
  'default-runtime': 'string',
  'default-init': 'string',
  bip: 'string',
  mtu: 'int',
  'network-diagnostic-port': 'int',
  'shutdown-timeout': 'int',
  'network-control-plane-mtu': 'int',
  'oom-score-adjust': 'int',
  'max-concurrent-downloads': '*int',
  'max-concurrent-uploads': '*int',
  'max-download-attempts': '*int',
  'cpu-rt-period': 'int64',
  'cpu-rt-runtime': 'int64',
  'swarm-raft-heartbeat-tick': 'uint32',
  'swarm-raft-election-tick': 'uint32',
  'authorization-plugins': '[]string',
  'exec-opts': '[]string',
  'storage-opts': '[]string',
  labels: '[]string',
  hosts: '[]string',
  dns: '[]string',
  'dns-opts': '[]string',
  'dns-search': '[]string',
  'node-generic-resources': '[]string',
  'allow-nondistributable-artifacts': '[]string',
  'registry-mirrors': '[]string',
  'insecure-registries': '[]string',
  'log-opts': 'map[string]string',
  'cluster-store-opts': 'map[string]string',
  features: 'map[string]bool',
};
