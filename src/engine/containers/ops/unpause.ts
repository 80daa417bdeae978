/** POST /containers/{id}/unpause: thaw the container's processes. */
import { conflict } from '../../../api/errors';
import type { Engine } from '../../engine';
import { thaw } from '../container-clock';
import type { ContainerRecord } from '../container-record';
import { updateHealthMonitor } from '../health';
import { emitContainerEvent } from '../lifecycle';

/** resume: pending sleeps end, queued signals are delivered */
export function thawContainer(c: ContainerRecord): void {
  if (!c.State.Paused) return;
  c.State.Paused = false;
  thaw(c);
  const init = c.processes.find((p) => p.info.pid === 1);
  const pending = c.pendingSignals;
  c.pendingSignals = [];
  for (const sig of pending) init?.handle?.kill(sig);
}

export function unpauseContainer(engine: Engine, ref: string): void {
  const c = engine.containers.resolve(ref);
  if (!c.State.Paused) throw conflict(`Container ${c.ID} is not paused`);
  thawContainer(c);
  updateHealthMonitor(engine, c);
  emitContainerEvent(engine, c, 'unpause');
}
