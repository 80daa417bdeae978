/**
 * What the docker CLI, the lesson checks and the UI may ask of a Docker engine.
 * Shaped like the Engine API v1.41 (moby's Go client): one method per endpoint,
 * request and response types from src/api. Two implementations: the in-process
 * client over the simulated engine (in-process/) and the HTTP/WebSocket client
 * for the real backend (later issue).
 *
 * Every method rejects with ClientError (src/api/errors.ts) whose message is the
 * text the CLI prints.
 */
import type { HostNetwork } from '../api/net';
import type { ArchiveApi } from './api/archive';
import type { BuildApi } from './api/build';
import type { ContainerApi } from './api/containers';
import type { ImageApi } from './api/images';
import type { NetworkApi } from './api/networks';
import type { RegistryApi } from './api/registry';
import type { SystemApi } from './api/system';
import type { VolumeApi } from './api/volumes';

export interface EngineClient extends ImageApi, ContainerApi, ArchiveApi, VolumeApi, NetworkApi, SystemApi, BuildApi, RegistryApi {
  /** the learner's host network: `curl localhost:80` reaches published ports */
  readonly hostNetwork: HostNetwork;
}
