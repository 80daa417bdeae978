/**
 * GET /containers/{id}/export: the container's root filesystem (image layers,
 * init layer, writable layer; not its volumes) as one tar, members in
 * filepath.Walk order like Docker's (".dockerenv", "bin/", "bin/arch", …).
 */
import type { Content } from '../../../lib/content';
import { writeTarContent } from '../../../lib/tar';
import type { Engine } from '../../engine';
import type { LayerFiles } from '../../fs/layer-entry';
import { lowerView } from '../../fs/lower-view';
import { imageLayers } from '../../images/ops/layers';
import type { ContainerRecord } from '../../containers/container-record';
import { exportInitLayer } from '../export-init-layer';
import { DOCKER_TAR, viewToTarEntries } from '../layer-tar';

/** a frozen copy of a writable layer (entries are mutated in place by the union fs) */
export function snapshotLayer(files: LayerFiles): LayerFiles {
  const out: LayerFiles = new Map();
  for (const [p, e] of files) out.set(p, { ...e });
  return out;
}

export function containerRootView(engine: Engine, c: ContainerRecord) {
  const layers = imageLayers(engine, c.Image);
  return lowerView([...layers, exportInitLayer(layers, c.Created), snapshotLayer(c.rootfs.upper())]);
}

/** the archive is lazy when the container's files are (an image's binaries): it costs its headers */
export function containerExport(engine: Engine, ref: string): Content {
  const c = engine.containers.resolve(ref);
  const tar = writeTarContent(viewToTarEntries(containerRootView(engine, c)), DOCKER_TAR);
  engine.events.emit(engine.clock.now(), 'container', 'export', c.ID, {
    ...(c.Config.Labels ?? {}),
    image: c.Config.Image,
    name: c.Name.slice(1),
  });
  return tar;
}
