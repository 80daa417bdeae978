/**
 * DELETE /containers/{id} (moby ContainerRm / cleanupContainer). A running
 * container needs force (it is killed first); `removeVolumes` also removes
 * the anonymous volumes it created.
 */
import { conflict } from '../../../api/errors';
import type { ContainerRemoveOptions } from '../../../api/container';
import type { Engine } from '../../engine';
import type { ContainerRecord } from '../container-record';
import { stateStatus } from '../container-state';
import { releaseMounts } from '../deps';
import { cancelRestart, emitContainerEvent, handleExit, signalInit } from '../lifecycle';

function refuse(c: ContainerRecord): void {
  const state = stateStatus(c.State);
  let procedure = 'Stop the container before attempting removal or force remove';
  if (state === 'paused') procedure = `Unpause and then ${procedure.toLowerCase()}`;
  throw conflict(`You cannot remove a ${state} container ${c.ID}. ${procedure}`);
}

/** remove a container that is not running (or kill it first with force) */
export function removeContainer(engine: Engine, ref: string, opts: ContainerRemoveOptions = {}): void {
  const c = engine.containers.resolve(ref);
  if (c.State.RemovalInProgress) throw conflict(`removal of container ${ref} is already in progress`);
  if (c.State.Running) {
    if (!opts.force) refuse(c);
    if (c.State.Restarting) {
      c.exitOnNext = true;
      cancelRestart(c);
    } else {
      c.exitOnNext = true;
      c.hasBeenManuallyStopped = true;
      c.State.RemovalInProgress = true;
      emitContainerEvent(engine, c, 'kill', { signal: '9' });
      signalInit(c, 'SIGKILL');
      // the runtime reports the exit asynchronously; finish the container's exit now, as Kill waits for it
      handleExit(engine, c, 137);
    }
  }
  c.State.RemovalInProgress = true;
  c.cancelRestart?.();
  for (const l of [...c.exitListeners]) l(c.State.ExitCode, true);
  c.exitListeners.clear();
  engine.containers.delete(c.ID);
  releaseMounts(engine, c, { removeAnonymous: opts.removeVolumes ?? false });
  c.State.Dead = true;
  emitContainerEvent(engine, c, 'destroy');
  for (const l of [...c.removeListeners]) l();
  c.removeListeners.clear();
  c.listeners.clear();
  c.logListeners.clear();
}
