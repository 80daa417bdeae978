/** POST /containers/{id}/restart: stop (with the timeout) if running, then start. */
import type { Engine } from '../../engine';
import { emitContainerEvent, runContainer } from '../lifecycle';
import { stopRecord } from './stop';

export async function restartContainer(engine: Engine, ref: string, timeout?: number): Promise<void> {
  const c = engine.containers.resolve(ref);
  if (c.State.Running) await stopRecord(engine, c, timeout);
  c.hasBeenManuallyStopped = false;
  c.exitOnNext = false;
  c.restartDelay = 0;
  runContainer(engine, c);
  emitContainerEvent(engine, c, 'restart');
}
