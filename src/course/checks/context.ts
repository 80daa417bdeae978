/**
 * What a check may look at: the engine through the EngineClient interface
 * (never src/engine: the same checks run against a real Docker), the
 * learner's host filesystem, the commands typed during the step, and a way to
 * run a command line out of sight. One CheckPass per evaluation memoizes the
 * client calls so that a step's checks ask the engine each thing once.
 */
import type { ContainerJSON, ContainerSummary } from '../../api/container';
import type { FileSystem } from '../../api/fs';
import type { ImageInspect, ImageSummary } from '../../api/image';
import type { NetworkResource } from '../../api/network';
import type { Volume } from '../../api/volume';
import type { EngineClient } from '../../client/engine-client';
import type { Text } from '../model';

export interface ExecResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** a line the learner ran in a terminal */
export interface CommandRecord {
  terminal: string;
  line: string;
  status: number;
  /** simulated time (ms) it finished */
  at: number;
}

/** where checks and setup act: a sandbox, or a real engine with its host */
export interface CheckEnv {
  readonly client: EngineClient;
  readonly hostFs: FileSystem;
  /** the learner's home directory ("~/" in paths) */
  readonly home: string;
  /** run a shell command line on the learner's host, out of sight */
  exec(line: string): Promise<ExecResult>;
}

/** what a check says: passed, or what is wrong now */
export interface Outcome {
  ok: boolean;
  /** when !ok: what is wrong now, naming what is there instead */
  problem: Text;
  /** the expectation as a plain statement ("web2 maps port 81 to 80"): the message of a failed `not:` check */
  expect: Text;
  /** the object a check with `as:` binds (an ID, with its name for containers) */
  bind?: Bound;
}

export interface Bound {
  id: string;
  name?: string;
}

/** caches that outlive one pass: what an image holds never changes */
export interface CheckCaches {
  imageFiles: Map<string, Uint8Array | null>;
  /** container/volume files by container ID, path, size and mtime */
  containerFiles: Map<string, Uint8Array | null>;
}

export function newCaches(): CheckCaches {
  return { imageFiles: new Map(), containerFiles: new Map() };
}

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
  }
  return p;
}

const none = () => undefined;

/** one evaluation of a step's checks: each engine question asked once */
export class CheckPass {
  readonly bindings = new Map<string, Bound>();
  private readonly images_ = new Map<string, Promise<ImageSummary[]>>();
  private readonly image_ = new Map<string, Promise<ImageInspect | undefined>>();
  private readonly containers_ = new Map<string, Promise<ContainerSummary[]>>();
  private readonly container_ = new Map<string, Promise<ContainerJSON | undefined>>();
  private readonly volumes_ = new Map<string, Promise<Volume[]>>();
  private readonly networks_ = new Map<string, Promise<NetworkResource[]>>();
  private readonly network_ = new Map<string, Promise<NetworkResource | undefined>>();

  constructor(
    readonly env: CheckEnv,
    readonly caches: CheckCaches,
    /** the commands run since the step started */
    readonly commands: readonly CommandRecord[],
  ) {}

  /** `docker images` (with filters) */
  images(filters?: Record<string, string[]>): Promise<ImageSummary[]> {
    return memo(this.images_, JSON.stringify(filters ?? {}), () => this.env.client.imageList(filters ? { filters } : {}));
  }

  image(ref: string): Promise<ImageInspect | undefined> {
    return memo(this.image_, ref, () => this.env.client.imageInspect(ref).catch(none));
  }

  containers(filters?: Record<string, string[]>): Promise<ContainerSummary[]> {
    return memo(this.containers_, JSON.stringify(filters ?? {}), () => this.env.client.containerList({ all: true, ...(filters ? { filters } : {}) }));
  }

  container(ref: string): Promise<ContainerJSON | undefined> {
    return memo(this.container_, ref, () => this.env.client.containerInspect(ref).catch(none));
  }

  volumes(): Promise<Volume[]> {
    return memo(this.volumes_, '', async () => (await this.env.client.volumeList()).Volumes ?? []);
  }

  networks(): Promise<NetworkResource[]> {
    return memo(this.networks_, '', () => this.env.client.networkList());
  }

  network(ref: string): Promise<NetworkResource | undefined> {
    return memo(this.network_, ref, () => this.env.client.networkInspect(ref).catch(none));
  }

  /** "~/x" → the home directory's x */
  hostPath(p: string): string {
    if (p === '~') return this.env.home;
    return p.startsWith('~/') ? `${this.env.home}/${p.slice(2)}` : p;
  }

  /** `$name` → what an earlier check bound; anything else as written */
  ref(v: string): { ref: string; bound?: Bound; missing?: string } {
    if (!v.startsWith('$')) return { ref: v };
    const b = this.bindings.get(v.slice(1));
    if (!b) return { ref: v, missing: v.slice(1) };
    return { ref: b.id, bound: b };
  }
}
