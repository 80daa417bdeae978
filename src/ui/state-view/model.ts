/**
 * The state view's picture of the engine as plain data: what buildStateModel
 * (build-model.ts) reads through the EngineClient and layoutStateModel
 * (layout.ts) places on the canvas. Every object has a key "kind:id" matching
 * the store's Selection ({ kind, id }).
 */
import type { PortSummary } from '../../api/container';
import type { ObjectKind } from '../../store/contract';

/** one layer of an image (bottom first); `chainId` identifies it across images */
export interface LayerInfo {
  /** "sha256:…" content digest (RootFS.Layers) */
  diffId: string;
  /** "sha256:…" chain ID: the layer with everything below it (shared layers share it) */
  chainId: string;
  /** history's CreatedBy for this layer, when history could be matched */
  createdBy?: string;
  size?: number;
}

export interface ImageInfo {
  /** "sha256:…" */
  id: string;
  /** 12 hex digits */
  shortId: string;
  /** "nginx:latest", "my/nginx:v1" (familiar form, as docker images shows them) */
  repoTags: string[];
  repoDigests: string[];
  /** no tag: shown as <none> and highlighted */
  dangling: boolean;
  size: number;
  /** seconds since the epoch */
  created: number;
  layers: LayerInfo[];
  /** IDs of the containers made from this image */
  containers: string[];
}

export type ContainerState = 'running' | 'paused' | 'exited' | 'created' | 'restarting' | 'removing' | 'dead';

export interface ContainerInfo {
  id: string;
  shortId: string;
  /** without the leading "/" */
  name: string;
  /** the image as the user named it ("nginx", "registry:2") */
  image: string;
  imageId: string;
  state: ContainerState;
  /** "Up 2 minutes", "Exited (0) 3 seconds ago" */
  status: string;
  ports: PortSummary[];
  /** network names */
  networks: string[];
  /** names of the named/anonymous volumes it mounts */
  volumes: string[];
}

export interface VolumeInfo {
  name: string;
  driver: string;
  /** IDs of the containers (of any state) that mount it */
  containers: string[];
  /** a 64-hex name: made by a container (VOLUME in the image, -v /path) */
  anonymous: boolean;
}

export interface NetworkInfo {
  id: string;
  name: string;
  driver: string;
  /** bridge, host, none */
  builtin: boolean;
  /** IDs of the containers attached (network inspect Containers) */
  containers: string[];
}

export interface RepositoryInfo {
  /** "docker.io/library/nginx", "localhost:5000/nginx" (the key) */
  fullName: string;
  /** "nginx", "localhost:5000/nginx" (familiar) */
  name: string;
  registry: string;
  /** the tags the registry holds, from its own API (tags/list); empty when it could not be asked */
  tags: string[];
  /** this repository's tags on the local engine ("v2" of nginx:v2), whether pushed or not */
  localTags: string[];
  /** "sha256:…": the manifest digests known locally (pulled from / pushed to the registry) */
  digests: string[];
  /** the registry holds the repository (its API says so; without an answer: a local digest says so) */
  inRegistry: boolean;
  /** the registry answered for this repository */
  checked: boolean;
  /** local image IDs */
  images: string[];
}

export interface RegistryInfo {
  /** "docker.io", "localhost:5000" */
  host: string;
  hub: boolean;
  repositories: RepositoryInfo[];
  /** a local container publishing the registry's port (a private registry run with -p 5000:5000) */
  containerId?: string;
  /** why the registry could not be asked what it holds (its API's or the network's error) */
  error?: string;
}

export interface StateModel {
  images: ImageInfo[];
  containers: ContainerInfo[];
  volumes: VolumeInfo[];
  networks: NetworkInfo[];
  registries: RegistryInfo[];
  /** inspect data by object key (objectKey(kind, id)) */
  inspect: Record<string, unknown>;
}

export function objectKey(kind: ObjectKind, id: string): string {
  return `${kind}:${id}`;
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

const STATES: readonly ContainerState[] = ['running', 'paused', 'exited', 'created', 'restarting', 'removing', 'dead'];

export function containerState(s: string): ContainerState {
  return (STATES as readonly string[]).includes(s) ? (s as ContainerState) : 'dead';
}

export function emptyModel(): StateModel {
  return { images: [], containers: [], volumes: [], networks: [], registries: [], inspect: {} };
}
