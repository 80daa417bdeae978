/**
 * POST /containers/{id}/stop (moby containerStop): the stop signal (the
 * image's StopSignal or SIGTERM), then SIGKILL once `timeout` seconds of
 * simulated time have passed. A stopped container is left as is.
 */
import { daemonLog } from '../../daemon/daemon-log';
import type { Engine } from '../../engine';
import type { ContainerRecord } from '../container-record';
import { cancelRestart, emitContainerEvent } from '../lifecycle';
import { parseSignal } from '../signals';
import { killWithSignal, waitNotRunning } from './kill';

export async function stopRecord(engine: Engine, c: ContainerRecord, timeout?: number): Promise<void> {
  if (!c.State.Running) return;
  if (c.State.Restarting) {
    c.hasBeenManuallyStopped = true;
    c.exitOnNext = true;
    cancelRestart(c);
    emitContainerEvent(engine, c, 'stop');
    return;
  }
  const seconds = timeout ?? c.Config.StopTimeout ?? 10;
  const sig = parseSignal(c.Config.StopSignal || 'SIGTERM');
  const exited = waitNotRunning(c);
  killWithSignal(engine, c, sig);
  if (seconds >= 0) {
    let timedOut = false;
    await Promise.race([
      exited,
      new Promise<void>((resolve) => {
        const cancel = engine.clock.setTimer(seconds * 1000, () => {
          timedOut = true;
          resolve();
        });
        void exited.then(cancel);
      }),
    ]);
    if (timedOut && c.State.Running) {
      daemonLog(engine, 'info', `Container failed to exit within ${seconds}s of signal ${sig} - using the force`, { container: c.ID });
      killWithSignal(engine, c, 9);
    }
  }
  await exited;
  emitContainerEvent(engine, c, 'stop');
}

export async function stopContainer(engine: Engine, ref: string, timeout?: number): Promise<void> {
  const c = engine.containers.resolve(ref);
  await stopRecord(engine, c, timeout);
}
