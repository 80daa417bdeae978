/**
 * The legacy builder's cache (moby image/cache LocalImageCache + imageProber):
 * a step is reused when a child of the current image was made with the same
 * container config — the same Cmd (the "#(nop) …" text of the step, which for
 * COPY/ADD carries the content hash), Env, Labels, ports, volumes, entrypoint.
 * The first miss turns the cache off for the rest of the stage.
 */
import { samePortMaps } from '../core/port-runs';
import type { ContainerConfig } from '../../api/image';
import type { Engine } from '../engine';
import type { ImageRecord } from '../images/image-store';

function len(v: readonly unknown[] | Record<string, unknown> | null | undefined): number {
  if (!v) return 0;
  return Array.isArray(v) ? v.length : Object.keys(v).length;
}

/** image/cache compare(): Image and Hostname are not compared */
export function sameConfig(a: Partial<ContainerConfig> | undefined, b: Partial<ContainerConfig>): boolean {
  if (!a || a.OpenStdin || b.OpenStdin) return false;
  if (
    Boolean(a.AttachStdout) !== Boolean(b.AttachStdout) ||
    Boolean(a.AttachStderr) !== Boolean(b.AttachStderr) ||
    (a.User ?? '') !== (b.User ?? '') ||
    Boolean(a.Tty) !== Boolean(b.Tty)
  ) {
    return false;
  }
  if (
    len(a.Cmd) !== len(b.Cmd) ||
    len(a.Env) !== len(b.Env) ||
    len(a.Labels) !== len(b.Labels) ||
    len(a.Entrypoint) !== len(b.Entrypoint) ||
    len(a.Volumes) !== len(b.Volumes)
  ) {
    return false;
  }
  const eq = (x: readonly string[] | null | undefined, y: readonly string[] | null | undefined) =>
    (x ?? []).every((v, i) => v === (y ?? [])[i]);
  if (!eq(a.Cmd, b.Cmd) || !eq(a.Env, b.Env) || !eq(a.Entrypoint, b.Entrypoint)) return false;
  for (const [k, v] of Object.entries(a.Labels ?? {})) if (b.Labels?.[k] !== v) return false;
  if (!samePortMaps(a.ExposedPorts, b.ExposedPorts)) return false;
  for (const k of Object.keys(a.Volumes ?? {})) if (!(k in (b.Volumes ?? {}))) return false;
  return true;
}

/** getLocalCachedImage: the newest child of `parentId` ('' = images without parent) made with `config` */
export function findCachedImage(engine: Engine, parentId: string, config: ContainerConfig): ImageRecord | undefined {
  let match: ImageRecord | undefined;
  for (const img of engine.images.all()) {
    if (img.parent !== parentId) continue;
    if (!sameConfig(img.config.container_config, config)) continue;
    // the newest; images of the same simulated millisecond in the order they were made (dockerd's clock has nanoseconds)
    if (!match || match.created <= img.created) match = img;
  }
  return match;
}

/** imageProber: reset per stage, off after the first miss, always off with --no-cache */
export class ImageProber {
  private busted = false;

  constructor(
    private readonly engine: Engine,
    private readonly noCache: boolean,
  ) {}

  reset(): void {
    this.busted = false;
  }

  probe(parentId: string, config: ContainerConfig): string {
    if (this.noCache || this.busted) return '';
    const hit = findCachedImage(this.engine, parentId, config);
    if (!hit) {
      this.busted = true;
      return '';
    }
    return hit.id;
  }
}
