/** GET /containers/{id}/changes: `docker diff` (moby daemon.ContainerChanges). */
import type { ContainerChange } from '../../../api/archive';
import type { Engine } from '../../engine';

export function containerChanges(engine: Engine, ref: string): ContainerChange[] {
  const c = engine.containers.resolve(ref);
  return c.rootfs.changes().map((ch) => ({ Kind: ch.Kind, Path: ch.Path }));
}
