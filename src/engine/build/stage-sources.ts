/**
 * Where a stage starts and what COPY --from reads (moby imageSources,
 * getImageOrStage, stagesBuildResults): earlier stages by name or index,
 * `scratch`, local images, and images pulled from the registry when missing
 * (or always with --pull), with the pull progress in the build output.
 */
import type { ImageRecord } from '../images/image-store';
import { imageLayers } from '../images/ops/layers';
import { pullImage } from '../images/ops/pull';
import { findImage } from '../images/ops/resolve';
import type { Credentials } from '../registry/remote';
import { InvalidReferenceError, parseNormalizedNamed } from '../../lib/reference';
import { ImageSourceTree } from './context/image-source';
import type { StepRunner } from './steps';
import type { RunConfig } from './state';

export class StageResults {
  readonly flat: RunConfig[] = [];
  private readonly indexed = new Map<string, RunConfig>();

  byName(name: string): RunConfig | undefined {
    return this.indexed.get(name.toLowerCase());
  }

  /** stages.get: by name, else by index ("refers to current build stage", "index out of bounds"); undefined = not a stage */
  get(nameOrIndex: string): RunConfig | undefined {
    const named = this.byName(nameOrIndex);
    if (named) return named;
    if (!/^[+-]?\d+$/.test(nameOrIndex)) return undefined;
    const i = Number(nameOrIndex);
    if (i === this.flat.length) throw new Error('refers to current build stage');
    if (i < 0 || i > this.flat.length) throw new Error('index out of bounds');
    return this.flat[i];
  }

  checkNameAvailable(name: string): void {
    if (name !== '' && this.byName(name)) throw new Error(`${name} stage name already used`);
  }

  commit(name: string, config: RunConfig): void {
    this.checkNameAvailable(name);
    if (name !== '') this.indexed.set(name.toLowerCase(), config);
    this.flat.push(config);
  }
}

export interface ImageSourceOptions {
  pullParent: boolean;
  credentials?: (domain: string) => Credentials | undefined;
}

function domainOf(name: string): string | undefined {
  try {
    return parseNormalizedNamed(name).domain;
  } catch (err) {
    if (err instanceof InvalidReferenceError) return undefined;
    throw err;
  }
}

/** GetImageAndReleasableLayer: a local image, or pulled (progress into the build output) */
export async function getImage(b: StepRunner, idOrRef: string, localOnly: boolean, opts: ImageSourceOptions): Promise<ImageRecord> {
  if (localOnly || !opts.pullParent) {
    const local = findImage(b.engine, idOrRef);
    if (local) return local;
    if (localOnly) throw new Error(`No such image: ${idOrRef}`);
  }
  const domain = domainOf(idOrRef);
  const auth = domain ? opts.credentials?.(domain) : undefined;
  return pullImage(b.engine, idOrRef, { auth, onMessage: (m) => b.out.raw(m) });
}

/** the root filesystem of a stage (by name/index) or an image, for COPY --from */
export async function fromTree(b: StepRunner, stages: StageResults, from: string, opts: ImageSourceOptions) {
  const stage = stages.get(from);
  // a stage that never left FROM scratch: an empty root (GetImageAndReleasableLayer of "")
  if (stage && !stage.Image) return new ImageSourceTree([]);
  const image = stage ? await getImage(b, stage.Image, true, opts) : await getImage(b, from, false, opts);
  return new ImageSourceTree(imageLayers(b.engine, image.id));
}
