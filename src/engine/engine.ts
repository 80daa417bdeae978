/**
 * The simulated Docker daemon: one store per concept, composed here. Stores hold
 * state only; operations are functions in `<concept>/ops/<verb>.ts` that take
 * the Engine (or the narrow part of it they need) and their arguments.
 *
 * No DOM, no fetch, no Date.now, no Math.random: time and randomness come from
 * the injected Clock and IdSource, so the engine is deterministic.
 */
import type { FileSystem } from '../api/fs';
import type { ProcessRuntime } from '../api/runtime';
import type { Clock } from './core/clock';
import type { IdSource } from './core/ids';
import { ContainerStore } from './containers/container-store';
import { DaemonState } from './daemon/daemon-state';
import { EventLog } from './events/event-log';
import { ImageStore } from './images/image-store';
import { LayerStore } from './layers/layer-store';
import { NetworkStore } from './networks/network-store';
import { ReferenceStore } from './references/reference-store';
import type { Internet } from '../api/net';
import { type CatalogSource, RegistryService } from './registry/registry-service';
import { VolumeStore } from './volumes/volume-store';

export interface EngineOptions {
  clock: Clock;
  ids: IdSource;
  /** the learner's machine: bind mounts and build contexts live here */
  hostFs: FileSystem;
  /** what the simulated Docker Hub serves (a loader: loaded on first use of the Hub) */
  catalog: CatalogSource;
  /** runs programs inside containers (src/shell provides one) */
  runtime: ProcessRuntime;
  /** Docker Hub accounts are made on first login (the learner's app); default: the stand-in Hub's one password */
  hubAccounts?: boolean;
  /** the simulated Internet containers reach (the learner's app); default: none, names outside resolve nowhere */
  internet?: Internet;
}

export class Engine {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly hostFs: FileSystem;
  readonly runtime: ProcessRuntime;
  readonly layers = new LayerStore();
  readonly images = new ImageStore();
  readonly references = new ReferenceStore();
  readonly containers = new ContainerStore();
  readonly volumes = new VolumeStore();
  readonly networks: NetworkStore;
  readonly registries: RegistryService;
  /** the simulated Internet (src/engine/internet), when the machine has one */
  readonly internet: Internet | undefined;
  readonly events = new EventLog();
  /** dockerd itself: up or down, its configuration, its log */
  readonly daemon = new DaemonState();

  constructor(opts: EngineOptions) {
    this.clock = opts.clock;
    this.ids = opts.ids;
    this.hostFs = opts.hostFs;
    this.runtime = opts.runtime;
    this.internet = opts.internet;
    this.registries = new RegistryService(opts.catalog, { hubAccounts: opts.hubAccounts });
    this.networks = new NetworkStore(opts.ids, opts.clock);
  }
}
