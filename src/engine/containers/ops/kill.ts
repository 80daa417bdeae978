/**
 * POST /containers/{id}/kill (moby ContainerKill / killWithSignal): send a
 * signal to PID 1. SIGKILL (the default) waits for the container to die.
 * The router wraps every error as "Cannot kill container: <name>: <error>".
 */
import { conflict, DaemonError } from '../../../api/errors';
import type { Engine } from '../../engine';
import type { ContainerRecord } from '../container-record';
import { cancelRestart, emitContainerEvent, signalInit } from '../lifecycle';
import { parseSignal, signalName } from '../signals';
import { thawContainer } from './unpause';

export function notRunning(id: string): DaemonError {
  return conflict(`Container ${id} is not running`);
}

/** send `sig` (a number) the way killWithSignal does; no wait */
export function killWithSignal(engine: Engine, c: ContainerRecord, sig: number): void {
  if (!c.State.Running) throw notRunning(c.ID);
  const stop = c.Config.StopSignal ? parseSignal(c.Config.StopSignal) : undefined;
  let unpause = false;
  if (stop === undefined || sig === 9 || stop === sig) {
    c.exitOnNext = true;
    unpause = c.State.Paused;
  }
  // a container the daemon stops while shutting down is not stopped by the user
  if (!engine.daemon.shuttingDown) c.hasBeenManuallyStopped = true;
  if (c.State.Restarting) {
    if (c.exitOnNext) cancelRestart(c);
    return;
  }
  signalInit(c, signalName(sig));
  if (unpause) thawContainer(c);
  emitContainerEvent(engine, c, 'kill', { signal: String(sig) });
}

/** resolves once PID 1 is gone (immediately when it is not running) */
export function waitNotRunning(c: ContainerRecord): Promise<void> {
  if (!c.State.Running || c.State.Restarting) return Promise.resolve();
  return new Promise((resolve) => {
    const l = (_code: number, final: boolean) => {
      void _code;
      if (!final && !c.exitOnNext) return;
      c.exitListeners.delete(l);
      resolve();
    };
    c.exitListeners.add(l);
  });
}

/** daemon.Kill: SIGKILL and wait for the exit */
export async function forceKill(engine: Engine, c: ContainerRecord): Promise<void> {
  if (!c.State.Running) throw notRunning(c.ID);
  const done = waitNotRunning(c);
  killWithSignal(engine, c, 9);
  await done;
}

export async function killContainer(engine: Engine, ref: string, signal = 'KILL'): Promise<void> {
  try {
    const sig = signal === '' ? 9 : parseSignal(signal);
    const c = engine.containers.resolve(ref);
    if (sig === 9) await forceKill(engine, c);
    else killWithSignal(engine, c, sig);
  } catch (err) {
    if (err instanceof DaemonError && !err.message.startsWith('Invalid signal')) {
      throw new DaemonError(err.kind, `Cannot kill container: ${ref}: ${err.message}`);
    }
    throw err;
  }
}
