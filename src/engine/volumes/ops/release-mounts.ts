/**
 * A container goes away (moby daemon.removeMountPoints): it stops using its
 * volumes; with `rm -v` / `--rm` the volumes its own spec created anonymously
 * (no source given) are removed too, unless another container still uses
 * them. Named volumes (`-v name:/path`) are never removed here.
 */
import type { ContainerLike } from '../container-like';
import type { VolumeEngine } from '../volume-engine';
import type { MountPoint } from '../../../api/volume';

export interface ReleaseMountsOptions {
  removeAnonymous: boolean;
}

/** names given explicitly in -v / --mount */
function namedSources(container: ContainerLike): Set<string> {
  const named = new Set<string>();
  for (const b of container.HostConfig.Binds ?? []) {
    const parts = b.split(':');
    if (parts.length >= 2 && parts[0] && !parts[0].startsWith('/')) named.add(parts[0]);
  }
  for (const m of container.HostConfig.Mounts ?? []) if (m.Type === 'volume' && m.Source) named.add(m.Source);
  return named;
}

export function releaseMounts(engine: VolumeEngine, container: ContainerLike, opts: ReleaseMountsOptions): void {
  const named = namedSources(container);
  for (const v of engine.volumes.usedBy(container.ID)) {
    v.refs.delete(container.ID);
    if (!opts.removeAnonymous || named.has(v.name) || v.refs.size > 0) continue;
    engine.volumes.delete(v.name);
    engine.events.emit(engine.clock.now(), 'volume', 'destroy', v.name, { driver: v.driver });
  }
}

/** `volume mount` / `volume unmount` events at container start / stop */
export function emitMountEvents(engine: VolumeEngine, containerId: string, mounts: MountPoint[], action: 'mount' | 'unmount'): void {
  for (const m of mounts) {
    if (m.Type !== 'volume' || !m.Name) continue;
    const attrs: Record<string, string> =
      action === 'mount'
        ? { container: containerId, destination: m.Destination, driver: m.Driver ?? 'local', propagation: m.Propagation, 'read/write': String(m.RW) }
        : { container: containerId, driver: m.Driver ?? 'local' };
    engine.events.emit(engine.clock.now(), 'volume', action, m.Name, attrs);
  }
}
