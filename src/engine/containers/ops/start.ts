/** POST /containers/{id}/start (`docker start`, the second half of `docker run`). */
import { conflict } from '../../../api/errors';
import type { Engine } from '../../engine';
import { runContainer } from '../lifecycle';
import { removeContainer } from './remove';

/** starts the container; a running one is left as is (304 Not Modified) */
export function startContainer(engine: Engine, ref: string): void {
  const c = engine.containers.resolve(ref);
  if (c.State.Paused) throw conflict('cannot start a paused container, try unpause instead');
  if (c.State.Running) return;
  if (c.State.RemovalInProgress || c.State.Dead) throw conflict('container is marked for removal and cannot be started');
  c.hasBeenManuallyStopped = false;
  c.exitOnNext = false;
  c.restartDelay = 0;
  try {
    runContainer(engine, c);
  } catch (err) {
    // a container that could not start goes away at once with --rm (moby containerStart's cleanup)
    if (c.HostConfig.AutoRemove) removeContainer(engine, c.ID, { force: true, removeVolumes: true });
    throw err;
  }
}
