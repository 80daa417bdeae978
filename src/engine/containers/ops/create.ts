/**
 * POST /containers/create (moby daemon.ContainerCreate): validate the host
 * config, find the image, merge its config, reserve the name, create the
 * writable layer and the volumes. The container is left "created".
 */
import type { ContainerConfig, ContainerCreateResponse, HostConfig, NetworkingConfig } from '../../../api/container';
import { invalidParameter, systemError } from '../../../api/errors';
import { BuildError } from '../../build/build-error';
import { setupWorkingDirectory } from '../../build/workdir';
import type { Engine } from '../../engine';
import { generateId } from '../../core/ids';
import { newState, type ContainerRecord } from '../container-record';
import { entrypointAndArgs, mergeImageConfig, normalizeConfig } from '../container-config';
import { prepareMounts, resolveImage } from '../deps';
import { parseMountSpec } from '../../volumes/mount-spec';
import { parseSignal } from '../signals';
import { normalizeHostConfig, verifyHostConfig } from '../host-config';
import { verifyLogConfig } from '../log-config';
import { initialNetworkSettings } from '../network-settings';
import { buildRootfs } from '../rootfs';

export interface CreateRequest {
  config: Partial<ContainerConfig>;
  hostConfig?: Partial<HostConfig>;
  networkingConfig?: NetworkingConfig;
  /** without the leading slash; '' = a random name */
  name?: string;
}

function attrs(c: ContainerRecord): Record<string, string> {
  return { ...(c.Config.Labels ?? {}), image: c.Config.Image, name: c.Name.slice(1) };
}

/** the attributes of every container event: its labels, image and name */
export const containerEventAttrs = attrs;

/** linuxMinMemory: 6 MiB */
const MIN_MEMORY = 6 * 1024 * 1024;

/** verifyPlatformContainerResources on the memory limits (a host with memory and swap limits) */
function verifyResources(h: HostConfig): void {
  if (h.Memory !== 0 && h.Memory < MIN_MEMORY) throw invalidParameter('Minimum memory limit allowed is 6MB');
  if (h.Memory > 0 && h.MemorySwap > 0 && h.MemorySwap < h.Memory) {
    throw invalidParameter('Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (h.Memory === 0 && h.MemorySwap > 0) throw invalidParameter('You should always set the Memory limit when using Memoryswap limit, see usage');
}

/** verifyContainerSettings on the healthcheck: durations of at least 1ms, retries not negative */
function verifyHealthcheck(hc: ContainerConfig['Healthcheck']): void {
  if (!hc) return;
  const MIN_NS = 1_000_000;
  for (const [field, v] of [
    ['Interval', hc.Interval],
    ['Timeout', hc.Timeout],
  ] as const) {
    if (v && v < MIN_NS) throw invalidParameter(`${field} in Healthcheck cannot be less than 1ms`);
  }
  if ((hc.Retries ?? 0) < 0) throw invalidParameter('Retries in Healthcheck cannot be negative');
  if (hc.StartPeriod && hc.StartPeriod < MIN_NS) throw invalidParameter('StartPeriod in Healthcheck cannot be less than 1ms');
}

export function createContainer(engine: Engine, req: CreateRequest): ContainerCreateResponse {
  const hostConfig = normalizeHostConfig(req.hostConfig);
  const config = normalizeConfig(req.config);
  // verifyContainerSettings: all of it before the image is looked up (so before any pull)
  verifyHostConfig(hostConfig);
  if (config.WorkingDir && !config.WorkingDir.startsWith('/')) {
    throw invalidParameter(`the working directory '${config.WorkingDir}' is invalid, it needs to be an absolute path`);
  }
  if (config.StopSignal) parseSignal(config.StopSignal);
  verifyHealthcheck(config.Healthcheck);
  verifyResources(hostConfig);
  for (const m of hostConfig.Mounts ?? []) parseMountSpec(m, (p) => engine.hostFs.exists(p));
  // adaptContainerSettings: swap defaults to twice the memory limit
  if (hostConfig.Memory > 0 && hostConfig.MemorySwap === 0) hostConfig.MemorySwap = hostConfig.Memory * 2;
  if (!config.Image) throw invalidParameter('No image specified');
  const image = resolveImage(engine, config.Image);
  // daemon.create, once the image is there: mergeAndVerifyConfig, the log config, the name, the mounts
  mergeImageConfig(config, image.config.config);
  const { path, args } = entrypointAndArgs(config);
  verifyLogConfig(hostConfig.LogConfig);

  const id = generateId(engine.ids);
  const name = req.name ? engine.containers.reserveName(req.name, id) : engine.containers.generateName(id, engine.ids);
  if (!config.Hostname) config.Hostname = id.slice(0, 12);

  const c: ContainerRecord = {
    ID: id,
    Name: name,
    Created: engine.clock.now(),
    Path: path,
    Args: args,
    Config: config,
    HostConfig: hostConfig,
    State: newState(),
    Image: image.id,
    NetworkSettings: initialNetworkSettings(hostConfig.NetworkMode, req.networkingConfig),
    Mounts: [],
    RestartCount: 0,
    layerId: engine.ids.hex(32),
    rootfs: undefined as unknown as ContainerRecord['rootfs'],
    logs: [],
    listeners: new Set(),
    logListeners: new Set(),
    exitListeners: new Set(),
    removeListeners: new Set(),
    startListeners: new Set(),
    processes: [],
    nextPid: 1,
    hasBeenStartedBefore: false,
    hasBeenManuallyStopped: false,
    exitOnNext: false,
    restartDelay: 0,
    pendingSignals: [],
    frozen: [],
    execs: new Map(),
    partial: { stdout: '', stderr: '' },
  };
  try {
    c.Mounts = prepareMounts(engine, c, (ref) => {
      try {
        return engine.containers.resolve(ref).Mounts;
      } catch (err) {
        // not a NotFound for the client: docker run does not pull the image again for it
        throw invalidParameter(err instanceof Error ? err.message : String(err));
      }
    });
  } catch (err) {
    engine.containers.releaseName(name);
    throw err;
  }
  const upper = new Map();
  try {
    c.rootfs = buildRootfs(engine, c, upper);
  } catch {
    // a mount that cannot be set up fails the start, as with dockerd; the layers are there already
    c.rootfs = buildRootfs(engine, c, upper, false);
  }
  try {
    // createContainerOSSpecificSettings: the working directory is made now, and one that is a file fails the create
    setupWorkingDirectory(c.rootfs, config.WorkingDir, `/var/lib/docker/overlay2/${c.layerId}/merged`);
  } catch (err) {
    engine.containers.releaseName(name);
    throw err instanceof BuildError ? systemError(err.message) : err;
  }
  engine.containers.add(c);
  engine.events.emit(engine.clock.now(), 'container', 'create', c.ID, attrs(c));
  return { Id: c.ID, Warnings: [] };
}
