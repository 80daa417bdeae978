/**
 * How a build step becomes an image (moby builder/dockerfile internals.go and
 * containerbackend.go): probe the cache, else create an intermediate
 * container (" ---> Running in …"), optionally run it, commit its writable
 * layer as the step's image (parent = the previous step), and remove it
 * afterwards ("Removing intermediate container …").
 */
import type { HostConfig } from '../../api/container';
import type { Engine } from '../engine';
import type { Abortable } from '../containers/abort';
import { snapshotLayer } from '../archive/ops/export';
import { generateId } from '../core/ids';
import { createContainer } from '../containers/ops/create';
import { removeContainer } from '../containers/ops/remove';
import { startContainer } from '../containers/ops/start';
import { waitContainer } from '../containers/ops/wait';
import type { LayerFiles } from '../fs/layer-entry';
import { createImage } from '../images/ops/create';
import type { ImageProber } from './image-cache';
import type { BuildOutput } from './output';
import { BuildError } from './build-error';
import { copyRunConfig, type DispatchState, type RunConfig, withCmdComment } from './state';
import { setupWorkingDirectory } from './workdir';

export interface StepOptions {
  networkMode: string;
  /** --rm (default true): remove intermediate containers after a successful step */
  remove: boolean;
  /** --force-rm: remove them even after a failed step */
  forceRemove: boolean;
}

/** what every dispatcher needs: the engine, the output, the cache, the step's containers */
export interface StepRunner {
  engine: Engine;
  out: BuildOutput;
  prober: ImageProber;
  options: StepOptions;
  /** the Dockerfile's escape character (`# escape=`) */
  escapeToken: string;
  signal?: AbortSignal;
  /** containers made by the current step; `virtual` ones (FROM scratch) exist only as an ID */
  tmpContainers: { id: string; virtual: boolean }[];
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** probeCache: " ---> Using cache" and the cached image becomes current */
export function probeCache(b: StepRunner, state: DispatchState, config: RunConfig): boolean {
  const cached = b.prober.probe(state.imageId, config);
  if (!cached) return false;
  b.out.stdout(' ---> Using cache\n');
  state.imageId = cached;
  return true;
}

/**
 * create the step's container from `config` (its working directory made as
 * dockerd's create does) and print " ---> Running in <id>"
 */
export function createStepContainer(b: StepRunner, config: RunConfig): string {
  let id: string;
  if (!config.Image) {
    // FROM scratch before the first layer: dockerd makes a container without an image
    id = generateId(b.engine.ids);
    b.tmpContainers.push({ id, virtual: true });
  } else {
    const hostConfig: Partial<HostConfig> = {
      NetworkMode: b.options.networkMode || 'default',
      LogConfig: { Type: 'none', Config: {} },
    };
    id = createContainer(b.engine, { config: copyRunConfig(config), hostConfig }).Id;
    const ctr = b.engine.containers.get(id);
    if (ctr && config.WorkingDir) {
      try {
        setupWorkingDirectory(ctr.rootfs, config.WorkingDir, `/var/lib/docker/overlay2/${ctr.layerId}/merged`);
      } catch (err) {
        // the create fails as a whole: no container, no " ---> Running in"
        removeContainer(b.engine, id, { force: true, removeVolumes: true });
        throw err;
      }
    }
    b.tmpContainers.push({ id, virtual: false });
  }
  b.out.stdout(` ---> Running in ${short(id)}\n`);
  return id;
}

/**
 * What dockerd's create does to a metadata step's healthcheck: it fills the
 * zero fields of the config's HealthConfig from the image's, and the builder
 * shares that HealthConfig with its run config (moby's copyRunConfig copies
 * the pointer). So `HEALTHCHECK CMD x` after one with --interval=5s keeps 5s
 * in the image config while history says "0s" (checked on Docker 20.10.24).
 */
function mergeParentHealthcheck(b: StepRunner, state: DispatchState, config: RunConfig): void {
  const own = state.runConfig.Healthcheck;
  const parent = state.imageId ? b.engine.images.get(state.imageId)?.config.config?.Healthcheck : undefined;
  if (!own || !parent) return;
  // rebuilt in HealthConfig's field order (the order inspect prints)
  const merged: NonNullable<RunConfig['Healthcheck']> = { Test: own.Test && own.Test.length > 0 ? own.Test : parent.Test };
  for (const k of ['Interval', 'Timeout', 'StartPeriod', 'Retries'] as const) {
    const v = own[k] || parent[k];
    if (v) merged[k] = v;
  }
  state.runConfig.Healthcheck = merged;
  config.Healthcheck = JSON.parse(JSON.stringify(merged)) as typeof merged;
}

/** probeAndCreate: '' when the cache answered */
export function probeAndCreate(b: StepRunner, state: DispatchState, config: RunConfig): string {
  if (probeCache(b, state, config)) return '';
  mergeParentHealthcheck(b, state, config);
  return createStepContainer(b, config);
}

/** the image of one step, on top of the current one */
export function commitLayer(b: StepRunner, state: DispatchState, layer: LayerFiles, containerConfig: RunConfig, containerId?: string): void {
  const image = createImage(b.engine, {
    parentId: state.imageId || undefined,
    layers: layer.size > 0 ? layer : undefined,
    config: copyRunConfig(state.runConfig),
    containerConfig,
    history: { createdBy: (containerConfig.Cmd ?? []).join(' '), author: state.maintainer || undefined },
    author: state.maintainer || undefined,
    containerId,
    created: b.engine.clock.now(),
  });
  state.imageId = image.id;
}

/** commitContainer: the container's writable layer becomes the step's image */
export function commitContainer(b: StepRunner, state: DispatchState, id: string, containerConfig: RunConfig): void {
  const c = b.engine.containers.get(id);
  const layer = c ? snapshotLayer(c.rootfs.upper()) : new Map();
  commitLayer(b, state, layer, containerConfig, id);
}

/** commit(): a metadata step — container created (not started) and committed */
export function commitMetadata(b: StepRunner, state: DispatchState, comment: string): void {
  if (!state.imageId && !state.hasBase) throw new Error('Please provide a source image with `from` prior to commit');
  const config = copyRunConfig(state.runConfig, withCmdComment(comment));
  const id = probeAndCreate(b, state, config);
  if (!id) return;
  commitContainer(b, state, id, config);
}

/**
 * The build's signal as seen by one step: aborts with it, and once released
 * leaves nothing on it (a wait keeps its abort listener, and a build has one
 * signal for all its RUN steps).
 */
function stepSignal(parent: Abortable | undefined): { signal: Abortable; release(): void } {
  type Listener = Parameters<Abortable['addEventListener']>[1];
  const listeners = new Set<Listener>();
  const signal = {
    aborted: parent?.aborted ?? false,
    addEventListener: (_: 'abort', fn: Listener) => void listeners.add(fn),
    removeEventListener: (_: 'abort', fn: Listener) => void listeners.delete(fn),
  };
  const onAbort = () => {
    signal.aborted = true;
    // a listener is a function or, as for an AbortSignal, an object with handleEvent (a sleep)
    for (const fn of [...listeners]) typeof fn === 'function' ? fn() : fn.handleEvent();
    listeners.clear();
  };
  parent?.addEventListener('abort', onAbort, { once: true });
  return { signal, release: () => parent?.removeEventListener('abort', onAbort) };
}

/** containerManager.Run: start, stream its output, wait; the exit status */
export async function runStepContainer(b: StepRunner, id: string): Promise<number> {
  const c = b.engine.containers.resolve(id);
  const onOutput = (chunk: { stream: 'stdout' | 'stderr'; text: string }) => {
    if (chunk.stream === 'stdout') b.out.stdout(chunk.text);
    else b.out.stderr(chunk.text);
  };
  c.listeners.add(onOutput);
  const step = stepSignal(b.signal);
  try {
    startContainer(b.engine, id);
    const r = await waitContainer(b.engine, id, 'not-running', step.signal);
    return r.StatusCode;
  } catch (err) {
    if (b.signal?.aborted) {
      cancelStepContainer(b, id);
      throw new BuildError('build cancelled');
    }
    throw err;
  } finally {
    step.release();
    c.listeners.delete(onOutput);
  }
}

/** the build was cancelled while RUN ran (moby containerManager.Run): its container is killed and removed */
function cancelStepContainer(b: StepRunner, id: string): void {
  if (b.engine.containers.get(id)) {
    try {
      removeContainer(b.engine, id, { force: true, removeVolumes: true });
    } catch (err) {
      b.out.stdout(`Error removing intermediate container ${short(id)}: ${err instanceof Error ? err.message : String(err)}\n`);
      return;
    }
  }
  const i = b.tmpContainers.findIndex((t) => t.id === id);
  if (i >= 0) b.tmpContainers.splice(i, 1);
}

/** RemoveAll: "Removing intermediate container <id>" for each of the step's containers */
export function removeStepContainers(b: StepRunner): void {
  while (b.tmpContainers.length > 0) {
    const t = b.tmpContainers[0] as { id: string; virtual: boolean };
    if (!t.virtual) {
      try {
        removeContainer(b.engine, t.id, { force: true, removeVolumes: true });
      } catch (err) {
        b.out.stdout(`Error removing intermediate container ${short(t.id)}: ${err instanceof Error ? err.message : String(err)}\n`);
        return;
      }
    }
    b.tmpContainers.shift();
    b.out.stdout(`Removing intermediate container ${short(t.id)}\n`);
  }
}
