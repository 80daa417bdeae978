/**
 * The whole EngineSnapshot checked before anything of it is used (a stored or
 * imported sandbox): the types of every field the engine reads, data nested no
 * deeper than real snapshots are, and the references between the objects: a
 * layer's parent, an image's top layer, parent and ID, a reference's image, a
 * container's volumes and networks, a network's containers, the default
 * networks. Layer reference counts are derived data (layerRefCounts: the
 * restore takes them from the graph). Throws an Error saying what is wrong;
 * changes nothing.
 */
import {
  anyObject,
  arr,
  bool,
  checkDepth,
  either,
  int,
  matching,
  maybe,
  nullable,
  num,
  obj,
  oneOf,
  opt,
  record,
  type Shape,
  ShapeError,
  str,
  tuple,
} from '../../lib/json-shape';
import { parseReference } from '../../lib/reference';
import { isSharedPortMap, parseRunsText } from '../core/port-runs';
import type { ImageConfigJson } from '../images/image-config';
import type { EngineSnapshot } from './engine-snapshot';
import { imageConfigDigest, imageConfigOf } from './port-snapshot';

const digest = matching(/^sha256:[0-9a-f]{64}$/, 'a sha256 digest');
const hex64 = matching(/^[0-9a-f]{64}$/, 'a 64-hex ID');
const strings = arr(str);
const u32 = int(0, 2 ** 32 - 1);
const port = int(0, 65535);
const attrs = { m: int(0, 0o7777), u: int(0), g: int(0), t: num };

const entry: Shape = (v, p) => {
  anyObject(v, p);
  const k = (v as { k?: unknown }).k;
  if (k === 'f') obj({ ...attrs, s: int(0), d: opt(digest) })(v, p);
  else if (k === 'd') obj({ ...attrs, o: opt(bool) })(v, p);
  else if (k === 'l') obj({ ...attrs, l: str })(v, p);
  else oneOf('w')(k, `${p}.k`);
};
export const filesShape = arr(tuple(matching(/^\//, 'an absolute path'), entry));

/** runs text of a big port set (port-snapshot.ts): "1-65535/tcp,53/udp", sorted and merged */
const portRuns: Shape = (v, p) => {
  str(v, p);
  if (parseRunsText(v as string) === undefined) throw new ShapeError(`${p}: not a list of port runs`);
};

const healthcheck = obj({ Test: maybe(strings), Interval: opt(num), Timeout: opt(num), StartPeriod: opt(num), Retries: opt(int(0)) });
const containerConfig = obj({
  Hostname: opt(str),
  Domainname: opt(str),
  User: opt(str),
  Tty: opt(bool),
  OpenStdin: opt(bool),
  StdinOnce: opt(bool),
  AttachStdin: opt(bool),
  AttachStdout: opt(bool),
  AttachStderr: opt(bool),
  Env: maybe(strings),
  Cmd: maybe(strings),
  Entrypoint: maybe(strings),
  Image: opt(str),
  WorkingDir: opt(str),
  Labels: maybe(record(str)),
  ExposedPorts: maybe(record(anyObject)),
  Volumes: maybe(record(anyObject)),
  OnBuild: maybe(strings),
  Healthcheck: maybe(healthcheck),
  StopSignal: opt(str),
  StopTimeout: opt(int()),
  Shell: maybe(strings),
});
const binding = obj({ HostIp: str, HostPort: str });
const portMap = maybe(record(maybe(arr(binding))));
const hostConfig = obj({
  Binds: maybe(strings),
  PortBindings: portMap,
  RestartPolicy: obj({ Name: str, MaximumRetryCount: int(0) }),
  NetworkMode: str,
  AutoRemove: bool,
  LogConfig: obj({ Type: str, Config: maybe(record(str)) }),
  VolumesFrom: maybe(strings),
  Links: maybe(strings),
  ExtraHosts: maybe(strings),
  Dns: maybe(strings),
  Memory: opt(num),
  MemorySwap: opt(num),
  NanoCpus: opt(num),
  CpuShares: opt(num),
  ShmSize: opt(num),
  PidsLimit: maybe(num),
  Privileged: opt(bool),
  PublishAllPorts: opt(bool),
  ReadonlyRootfs: opt(bool),
  Tmpfs: maybe(record(str)),
  Mounts: maybe(arr(anyObject)),
});
const state = obj({
  Running: bool,
  Paused: bool,
  Restarting: bool,
  OOMKilled: bool,
  RemovalInProgress: bool,
  Dead: bool,
  Pid: int(0),
  ExitCode: int(-255, 255),
  Error: str,
  StartedAt: num,
  FinishedAt: num,
  Health: maybe(obj({ Status: str, FailingStreak: int(0), Log: arr(obj({ Start: num, End: num, ExitCode: int(), Output: str })) })),
});
const endpointSettings = obj({
  NetworkID: opt(str),
  EndpointID: opt(str),
  Gateway: opt(str),
  IPAddress: opt(str),
  IPPrefixLen: opt(int(0, 128)),
  MacAddress: opt(str),
  Aliases: maybe(strings),
  Links: maybe(strings),
});
const networkSettings = obj({ Networks: record(endpointSettings), Ports: portMap, IPAddress: opt(str), Gateway: opt(str), IPPrefixLen: opt(int(0, 128)), MacAddress: opt(str) });
const mount = obj({ Type: str, Name: opt(str), Source: str, Destination: str, RW: bool, Mode: opt(str), Driver: opt(str), Propagation: opt(str) });
const exec = obj({ ID: str, containerId: str, Cmd: strings, Tty: bool, User: str, Privileged: bool, WorkingDir: str, Env: strings, Running: bool, ExitCode: nullable(int()), Pid: int(0) });
const container = obj({
  ID: hex64,
  Name: matching(/^\/[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'a container name'),
  Created: num,
  Path: str,
  Args: strings,
  Config: containerConfig,
  HostConfig: hostConfig,
  State: state,
  Image: str,
  NetworkSettings: networkSettings,
  Mounts: arr(mount),
  RestartCount: int(0),
  layerId: str,
  logs: arr(obj({ stream: oneOf('stdout', 'stderr'), time: num, text: str })),
  nextPid: int(1),
  hasBeenStartedBefore: bool,
  hasBeenManuallyStopped: bool,
  exitOnNext: opt(bool),
  restartDelay: opt(num),
  pendingSignals: opt(strings),
  upper: filesShape,
  execs: arr(exec),
  ports: opt(obj({ exposed: opt(portRuns), unpublished: opt(portRuns) })),
});
const imageConfig = obj({
  config: maybe(containerConfig),
  container_config: maybe(containerConfig),
  history: maybe(arr(obj({ created: opt(str), created_by: opt(str), empty_layer: opt(bool), comment: opt(str), author: opt(str) }))),
  // an image of no layer (FROM scratch, then only USER/ENV…) has rootfs {"type":"layers"}: diff_ids is omitempty
  rootfs: opt(obj({ type: str, diff_ids: opt(strings) })),
  created: opt(str),
  os: opt(str),
  architecture: opt(str),
  author: opt(str),
});
const layer = obj({ chainId: digest, diffId: digest, parent: maybe(digest), files: filesShape, size: num, tarSize: num, cacheId: str, refs: num, blobs: arr(obj({ digest: str, size: num, repo: str })) });
const image = obj({ id: digest, configJson: str, portSets: opt(arr(portRuns)), config: opt(imageConfig), parent: either(oneOf(''), digest), created: num, chainId: either(oneOf(''), digest), size: num, lastTagTime: str });
const volume = obj({ name: str, driver: str, labels: nullable(record(str)), options: nullable(record(str)), createdAt: num, anonymous: bool, files: filesShape, refs: strings });
const network = obj({
  id: hex64,
  name: str,
  driver: str,
  created: num,
  internal: bool,
  attachable: bool,
  enableIPv6: bool,
  ipamConfig: arr(obj({ Subnet: opt(str), Gateway: opt(str), IPRange: opt(str) })),
  ipamOptions: nullable(record(str)),
  subnet: maybe(obj({ base: u32, prefix: int(0, 32) })),
  gateway: maybe(u32),
  options: record(str),
  labels: record(str),
  predefined: bool,
  endpoints: arr(obj({ containerId: str, name: str, endpointId: str, ip: str, mac: str, aliases: strings })),
  usedIps: arr(u32),
});
const snapshotShape = obj({
  version: oneOf(1),
  ids: opt(either(tuple(num, num, num), tuple(num, num))),
  hostPid: int(0),
  layers: arr(layer),
  images: arr(image),
  references: arr(tuple(str, arr(tuple(str, digest)))),
  containers: arr(container),
  volumes: arr(volume),
  networks: arr(network),
  portMappings: arr(obj({ containerId: str, proto: str, containerPort: port, hostIp: str, hostPort: port })),
  portPools: arr(obj({ key: str, used: arr(port), last: port })),
  hub: obj({ repos: arr(anyObject), manifests: arr(tuple(str, str)), configs: arr(tuple(str, str)), layers: arr(anyObject) }),
  events: arr(obj({ Type: str, Action: str, Actor: obj({ ID: str, Attributes: record(str) }), time: num, timeNano: num })),
  blobs: opt(strings),
});

/** how deep a snapshot's JSON goes at most (real ones: about 12) */
export const MAX_SNAPSHOT_DEPTH = 64;

function fail(what: string): never {
  throw new Error(`engine snapshot: ${what}`);
}

function unique(what: string, keys: string[]): Set<string> {
  const set = new Set<string>();
  for (const k of keys) {
    if (set.has(k)) fail(`${what} ${k} twice`);
    set.add(k);
  }
  return set;
}

/** the shape and the references between the objects */
export function checkSnapshotGraph(snap: unknown): asserts snap is EngineSnapshot {
  try {
    checkDepth(snap, MAX_SNAPSHOT_DEPTH);
    snapshotShape(snap, 'engine');
  } catch (e) {
    if (e instanceof ShapeError) fail(e.message);
    throw e;
  }
  const s = snap as EngineSnapshot;
  const layers = new Map(s.layers.map((l) => [l.chainId, l]));
  unique('layer', s.layers.map((l) => l.chainId));
  for (const l of s.layers) {
    if (l.parent && !layers.has(l.parent)) fail(`layer ${l.chainId} sits on missing layer ${l.parent}`);
    // a parent chain ends (no cycle): at most as many steps as there are layers
    let cur: string | undefined = l.chainId;
    for (let n = 0; cur; n++) {
      if (n > s.layers.length) fail(`layers in a cycle at ${l.chainId}`);
      cur = layers.get(cur)?.parent;
    }
  }
  const images = new Map(s.images.map((i) => [i.id, i]));
  unique('image', s.images.map((i) => i.id));
  for (const i of s.images) {
    const d = imageConfigDigest(i);
    if (d === undefined) fail(`image ${i.id}: its config's port sets do not fit it`);
    if (d !== i.id) fail(`image ${i.id}: its ID is not the digest of its config`);
    // left out of the snapshot (a big port set): what the restore parses must be a config too
    if (i.config === undefined) checkParsedConfig(imageConfigOf(i), `engine.images.${i.id}.config`);
    if (i.chainId && !layers.has(i.chainId)) fail(`image ${i.id} has missing top layer ${i.chainId}`);
    if (i.parent && !images.has(i.parent)) fail(`image ${i.id} has missing parent ${i.parent}`);
  }
  for (const [, refs] of s.references) {
    for (const [ref, id] of refs) {
      try {
        parseReference(ref);
      } catch {
        fail(`bad reference ${JSON.stringify(ref.slice(0, 100))}`);
      }
      if (!images.has(id)) fail(`reference ${ref} points to missing image ${id}`);
    }
  }
  const want = layerRefCounts(s);
  for (const l of s.layers) if (!want.has(l.chainId)) fail(`layer ${l.chainId} is used by no image and no layer`);

  const containers = unique('container', s.containers.map((c) => c.ID));
  unique('container name', s.containers.map((c) => c.Name));
  const volumes = unique('volume', s.volumes.map((v) => v.name));
  for (const v of s.volumes) for (const id of v.refs) if (!containers.has(id)) fail(`volume ${v.name} is used by missing container ${id}`);
  const networkNames = unique('network name', s.networks.map((n) => n.name));
  unique('network', s.networks.map((n) => n.id));
  for (const name of ['bridge', 'host', 'none']) if (!networkNames.has(name)) fail(`no ${name} network`);
  for (const n of s.networks) for (const e of n.endpoints) if (!containers.has(e.containerId)) fail(`network ${n.name} has an endpoint of missing container ${e.containerId}`);
  for (const c of s.containers) {
    for (const m of c.Mounts) if (m.Type === 'volume' && m.Name !== undefined && !volumes.has(m.Name)) fail(`container ${c.Name} mounts missing volume ${m.Name}`);
  }
  for (const m of s.portMappings) if (!containers.has(m.containerId)) fail(`port ${m.hostPort} is published by missing container ${m.containerId}`);
}

function checkParsedConfig(c: ImageConfigJson | undefined, path: string): void {
  if (c === undefined) fail(`${path}: its configJson is not a config`);
  // the engine's shared map of a big port set is known good: the rest is checked
  const view = { ...(c as ImageConfigJson) };
  for (const k of ['config', 'container_config'] as const) {
    const cfg = view[k];
    if (cfg && typeof cfg === 'object' && isSharedPortMap(cfg.ExposedPorts)) view[k] = { ...cfg, ExposedPorts: {} };
  }
  try {
    checkDepth(view, MAX_SNAPSHOT_DEPTH);
    imageConfig(view, path);
  } catch (e) {
    if (e instanceof ShapeError) fail(e.message);
    throw e;
  }
}

/** each layer's reference count as the graph says (images on top of it, layers on it): derived data, not read from the file */
export function layerRefCounts(s: Pick<EngineSnapshot, 'images' | 'layers'>): Map<string, number> {
  const want = new Map<string, number>();
  for (const i of s.images) if (i.chainId) want.set(i.chainId, (want.get(i.chainId) ?? 0) + 1);
  for (const l of s.layers) if (l.parent) want.set(l.parent, (want.get(l.parent) ?? 0) + 1);
  return want;
}
