/**
 * Bring running containers back after a restore, as dockerd does on restart
 * with live-restore: the container keeps its state (Running, StartedAt, Pid,
 * network endpoints, published ports) and its PID 1 runs again, so a loop
 * keeps printing and `docker logs -f` has something to follow. No events are
 * emitted: for the learner nothing happened. A container that was waiting for
 * its restart-policy restart gets its timer back.
 */
import type { ContainerRecord } from '../containers/container-record';
import { stopHealthMonitor, updateHealthMonitor } from '../containers/health';
import { initExited, launchInit, runContainer, watchInit } from '../containers/lifecycle';
import type { Engine } from '../engine';

function respawnInit(engine: Engine, c: ContainerRecord): void {
  let proc: ReturnType<typeof launchInit>;
  try {
    proc = launchInit(engine, c);
  } catch {
    // the program is not there any more (cannot happen with an unchanged image): it exits like a failed start
    initExited(engine, c, 127);
    return;
  }
  if (c.State.Pid) proc.hostPid = c.State.Pid;
  else c.State.Pid = proc.hostPid;
  proc.info.started = c.State.StartedAt || proc.info.started;
  watchInit(engine, c, proc);
  // its health checks go on (the first one an interval from now)
  updateHealthMonitor(engine, c);
}

function rescheduleRestart(engine: Engine, c: ContainerRecord): void {
  const s = c.State;
  c.cancelRestart = engine.clock.setTimer(c.restartDelay, () => {
    c.cancelRestart = undefined;
    if (!s.Restarting || !engine.containers.get(c.ID)) return;
    try {
      runContainer(engine, c);
    } catch {
      s.Running = false;
      s.Restarting = false;
      for (const l of [...c.exitListeners]) l(s.ExitCode, true);
    }
  });
}

/** respawn PID 1 of every running container (in creation order) and re-arm pending restarts */
export function respawnContainers(engine: Engine): void {
  for (const c of engine.containers.list()) {
    if (c.State.Restarting) rescheduleRestart(engine, c);
    else if (c.State.Running) respawnInit(engine, c);
  }
}

/**
 * Stop an engine that is being replaced (undo, redo, reset, import): every
 * process ends, no restart policy fires, no timer of it stays behind on the
 * shared clock.
 */
export function shutdownEngine(engine: Engine): void {
  for (const c of engine.containers.list()) {
    c.exitOnNext = true;
    c.cancelRestart?.();
    c.cancelRestart = undefined;
    c.State.Restarting = false;
    stopHealthMonitor(c);
    c.frozen = [];
    for (const p of [...c.processes]) p.handle?.kill('SIGKILL');
  }
}
