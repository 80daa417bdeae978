/**
 * Starting PID 1 and what happens when it exits (moby containerStart and
 * daemon/monitor.go): state changes, events, networking, the restart policy
 * with its back-off (100 ms doubling to 1 min, reset after 10 s of running)
 * and --rm.
 */
import { DaemonError } from '../../api/errors';
import type { Engine } from '../engine';
import { NEVER_ABORTED } from './abort';
import { thaw } from './container-clock';
import { flushOutput, outputStream, writeOutput } from './container-output';
import type { ContainerRecord } from './container-record';
import { emitMountEvents } from './deps';
import { startNetworking, stopNetworking } from './networking';
import { execFailureStatus, isExecError, launchProcess, startFailure } from './process-launch';
import { initHealthMonitor, stopHealthMonitor } from './health';
import { startLogger } from './log-config';
import { buildRootfs } from './rootfs';
import { StdinPipe } from './stdin-pipe';
import { containerEventAttrs } from './ops/create';
import { removeContainer } from './ops/remove';

const MAX_RESTART_DELAY = 60_000;

export function emitContainerEvent(engine: Engine, c: ContainerRecord, action: string, extra: Record<string, string> = {}): void {
  engine.events.emit(engine.clock.now(), 'container', action, c.ID, { ...containerEventAttrs(c), ...extra });
}

/** deliver a signal to PID 1 (queued while paused, except SIGKILL) */
export function signalInit(c: ContainerRecord, sig: string): void {
  const init = c.processes.find((p) => p.info.pid === 1);
  if (!init?.handle) return;
  if (c.State.Paused && sig !== 'SIGKILL') {
    c.pendingSignals.push(sig);
    return;
  }
  init.handle.kill(sig);
}

function failStart(c: ContainerRecord, err: unknown, code: number): void {
  c.State.Error = err instanceof Error ? err.message : String(err);
  if (c.State.ExitCode === 0) c.State.ExitCode = code;
}

/** a fresh stdin pipe for `c` and its PID 1 launched from its config; throws what launchProcess throws */
export function launchInit(engine: Engine, c: ContainerRecord): ReturnType<typeof launchProcess> {
  const tty = c.Config.Tty;
  const stdin = new StdinPipe(
    tty,
    (text) => writeOutput(engine.clock, c, 'stdout', text),
    (sig) => signalInit(c, sig),
  );
  if (!c.Config.OpenStdin) stdin.close();
  c.stdin = stdin;
  c.partial = { stdout: '', stderr: '' };
  return launchProcess(engine, c, {
    argv: [c.Path, ...c.Args],
    env: c.Config.Env ?? [],
    cwd: c.Config.WorkingDir,
    user: c.Config.User,
    tty,
    io: { stdin, stdout: outputStream(engine.clock, c, 'stdout'), stderr: outputStream(engine.clock, c, 'stderr'), interrupt: NEVER_ABORTED },
    init: true,
  });
}

/** handleExit with PID 1's status (255 when its handle fails); a container already gone is left alone */
export function initExited(engine: Engine, c: ContainerRecord, code: number): void {
  try {
    handleExit(engine, c, code);
  } catch {
    // the container is gone already (removed while its process was ending)
  }
}

/** call initExited when `proc` (PID 1) ends */
export function watchInit(engine: Engine, c: ContainerRecord, proc: ReturnType<typeof launchProcess>): void {
  proc.handle?.exited.then(
    (code) => initExited(engine, c, code),
    () => initExited(engine, c, 255),
  );
}

/** start PID 1; throws the daemon error when networking or the runtime refuses */
export function runContainer(engine: Engine, c: ContainerRecord): void {
  try {
    startNetworking(engine, c);
  } catch (err) {
    failStart(c, err, 128);
    throw err;
  }
  try {
    c.rootfs = buildRootfs(engine, c);
  } catch (err) {
    stopNetworking(engine, c);
    const msg = err instanceof Error ? err.message : String(err);
    const daemonErr = new DaemonError(
      'System',
      `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${msg}: unknown`,
    );
    failStart(c, daemonErr, 128);
    throw daemonErr;
  }
  try {
    startLogger(c);
  } catch (err) {
    stopNetworking(engine, c);
    failStart(c, err, 128);
    throw err;
  }
  let proc: ReturnType<typeof launchProcess>;
  try {
    proc = launchInit(engine, c);
  } catch (err) {
    stopNetworking(engine, c);
    if (isExecError(err)) {
      const daemonErr = startFailure(err);
      c.State.ExitCode = execFailureStatus(err);
      c.State.Error = daemonErr.message;
      throw daemonErr;
    }
    failStart(c, err, 128);
    throw err instanceof DaemonError ? err : new DaemonError('System', err instanceof Error ? err.message : String(err));
  }
  const s = c.State;
  s.Running = true;
  s.Paused = false;
  s.Restarting = false;
  s.Error = '';
  s.ExitCode = 0;
  s.Pid = proc.hostPid;
  s.StartedAt = engine.clock.now();
  c.hasBeenStartedBefore = true;
  c.pendingSignals = [];
  emitMountEvents(engine, c.ID, c.Mounts, 'mount');
  emitContainerEvent(engine, c, 'start');
  initHealthMonitor(engine, c);
  const hooks = [...c.startListeners];
  c.startListeners.clear();
  for (const h of hooks) h();
  watchInit(engine, c, proc);
}

function shouldRestart(c: ContainerRecord, code: number): boolean {
  if (c.exitOnNext) return false;
  const p = c.HostConfig.RestartPolicy;
  switch (p.Name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !c.hasBeenManuallyStopped;
    case 'on-failure':
      return code !== 0 && (p.MaximumRetryCount === 0 || c.RestartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}

/** PID 1 ended with `code` */
export function handleExit(engine: Engine, c: ContainerRecord, code: number): void {
  if (!engine.containers.get(c.ID) && !c.State.RemovalInProgress) return;
  const now = engine.clock.now();
  flushOutput(engine.clock, c);
  stopHealthMonitor(c);
  for (const p of [...c.processes]) p.handle?.kill('SIGKILL');
  c.processes = [];
  c.stdin?.close();
  const ranFor = now - c.State.StartedAt;
  const s = c.State;
  s.Paused = false;
  s.Pid = 0;
  s.ExitCode = code;
  s.FinishedAt = now;
  thaw(c);
  const restart = !s.RemovalInProgress && shouldRestart(c, code);
  if (restart) {
    c.RestartCount++;
    s.Running = true;
    s.Restarting = true;
  } else {
    s.Running = false;
    s.Restarting = false;
  }
  // moby handleContainerExit: "die", then Cleanup (network, volumes)
  emitContainerEvent(engine, c, 'die', { exitCode: String(code) });
  stopNetworking(engine, c);
  emitMountEvents(engine, c.ID, c.Mounts, 'unmount');
  if (restart) {
    c.restartDelay = ranFor >= 10_000 || c.restartDelay === 0 ? 100 : Math.min(c.restartDelay * 2, MAX_RESTART_DELAY);
    for (const l of [...c.exitListeners]) l(code, false);
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
    return;
  }
  for (const l of [...c.exitListeners]) l(code, true);
  if (c.HostConfig.AutoRemove && !s.RemovalInProgress) {
    try {
      removeContainer(engine, c.ID, { force: true, removeVolumes: true });
    } catch {
      // already gone
    }
  }
}

/** cancel a pending restart (stop/kill/rm of a restarting container) */
export function cancelRestart(c: ContainerRecord): void {
  if (!c.State.Restarting) return;
  c.cancelRestart?.();
  c.cancelRestart = undefined;
  c.State.Restarting = false;
  c.State.Running = false;
  for (const l of [...c.exitListeners]) l(c.State.ExitCode, true);
}
