/** POST /containers/{id}/rename (moby ContainerRename). */
import { DaemonError, invalidParameter } from '../../../api/errors';
import type { Engine } from '../../engine';
import { canonicalName } from '../container-names';
import { emitContainerEvent } from '../lifecycle';

export function renameContainer(engine: Engine, ref: string, newName: string): void {
  if (ref === '' || newName === '') throw invalidParameter('Neither old nor new names may be empty');
  const c = engine.containers.resolve(ref);
  const oldName = c.Name;
  if (canonicalName(newName) === oldName) throw invalidParameter('Renaming a container with the same name as its current name');
  let name: string;
  try {
    // moby passes the new name with its slash: "Invalid container name (/bad name)"
    name = engine.containers.reserveName(newName.startsWith('/') ? newName : `/${newName}`, c.ID);
  } catch (err) {
    if (err instanceof DaemonError) throw new DaemonError(err.kind, `Error when allocating new name: ${err.message}`);
    throw err;
  }
  engine.containers.releaseName(oldName);
  c.Name = name;
  for (const n of engine.networks.networksOf(c.ID)) {
    const ep = n.endpoints.get(c.ID);
    if (ep) ep.name = name.slice(1);
  }
  emitContainerEvent(engine, c, 'rename', { oldName });
}
