/** POST /containers/{id}/pause: freeze the container's processes (cgroup freezer). */
import { conflict } from '../../../api/errors';
import type { Engine } from '../../engine';
import { updateHealthMonitor } from '../health';
import { emitContainerEvent } from '../lifecycle';

export function pauseContainer(engine: Engine, ref: string): void {
  const c = engine.containers.resolve(ref);
  if (!c.State.Running) throw conflict(`Container ${c.ID} is not running`);
  if (c.State.Paused) throw conflict(`Container ${c.ID} is already paused`);
  if (c.State.Restarting) throw conflict(`Container ${c.ID} is restarting, wait until the container is running`);
  c.State.Paused = true;
  updateHealthMonitor(engine, c);
  emitContainerEvent(engine, c, 'pause');
}
