/**
 * POST /containers/{id}/restart: stop (with the timeout) if running, then
 * start. As in moby's containerRestart, a --rm container is not removed by
 * the stop of a restart (AutoRemove is off while it stops), and a container
 * removed meanwhile (docker rm -f) is not started again.
 */
import { notFound } from '../../../api/errors';
import type { Engine } from '../../engine';
import { emitContainerEvent, runContainer } from '../lifecycle';
import { stopRecord } from './stop';

export async function restartContainer(engine: Engine, ref: string, timeout?: number): Promise<void> {
  const c = engine.containers.resolve(ref);
  if (c.State.Running) {
    const autoRemove = c.HostConfig.AutoRemove;
    c.HostConfig.AutoRemove = false;
    try {
      await stopRecord(engine, c, timeout);
    } finally {
      c.HostConfig.AutoRemove = autoRemove;
    }
  }
  if (engine.containers.get(c.ID) !== c) throw notFound(`No such container: ${ref}`);
  c.hasBeenManuallyStopped = false;
  c.exitOnNext = false;
  c.restartDelay = 0;
  runContainer(engine, c);
  emitContainerEvent(engine, c, 'restart');
}
