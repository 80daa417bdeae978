/**
 * Run a program inside a container through the ProcessRuntime (dockerd →
 * containerd/runc): argv, env, cwd, user, hostname, the container's root
 * filesystem with its mounts, its clock, network view and process table.
 */
import type { ProcessIO } from '../../api/io';
import { type ChildProcessEntry, type ChildProcessSpec, ExecError, type ProcessHandle, type ProcessInfo } from '../../api/runtime';
import { DaemonError } from '../../api/errors';
import { LazyExit } from '../../lib/lazy-exit';
import type { Engine } from '../engine';
import { containerClock } from './container-clock';
import type { ContainerProcess, ContainerRecord } from './container-record';
import { containerNetFor } from './deps';
import { daemonEnvironment } from './daemon-env';
import { processCredentials } from './exec-user';

export interface LaunchOptions {
  argv: string[];
  env: string[];
  cwd: string;
  user: string;
  tty: boolean;
  io: ProcessIO;
  init: boolean;
  execId?: string;
}

export function launchProcess(engine: Engine, c: ContainerRecord, opts: LaunchOptions): ContainerProcess {
  // exec'd processes: runc's own helper processes take PIDs in between, as in a real container
  const credentials = processCredentials(c.rootfs, opts.user);
  if (!opts.init && opts.cwd) checkExecCwd(c, opts.cwd);
  const pid = opts.init ? 1 : (c.nextPid += 7);
  if (opts.init) c.nextPid = 1;
  const info: ProcessInfo = { pid, ppid: 0, user: opts.user || 'root', argv: opts.argv, started: engine.clock.now(), tty: opts.tty };
  const proc: ContainerProcess = { info, hostPid: engine.containers.nextHostPid(), execId: opts.execId };
  c.processes.push(proc);
  try {
    proc.handle = engine.runtime.spawn({
      containerId: c.ID,
      argv: opts.argv,
      env: daemonEnvironment(c.Config.Hostname, opts.tty, opts.env),
      cwd: opts.cwd || '/',
      user: opts.user || 'root',
      credentials,
      hostname: c.Config.Hostname,
      fs: c.rootfs,
      tty: opts.tty,
      init: opts.init,
      io: opts.io,
      clock: containerClock(engine.clock, c),
      net: containerNetFor(engine, c.ID, c.rootfs),
      processes: () => c.processes.map((p) => p.info),
      processCount: () => c.processes.length,
      pid,
      spawnChild: (child) => registerChild(engine, c, info, child),
      setArgv: (argv) => {
        info.argv = [...argv];
      },
      signal: (target, sig) => signalProcess(c, target, sig),
    });
  } catch (err) {
    c.processes.splice(c.processes.indexOf(proc), 1);
    throw err;
  }
  const remove = () => {
    const i = c.processes.indexOf(proc);
    if (i >= 0) c.processes.splice(i, 1);
  };
  proc.handle.exited.then(remove, remove);
  return proc;
}

/** runc's chdir into an exec's working directory, which nobody creates for it */
function checkExecCwd(c: ContainerRecord, cwd: string): void {
  let type: string;
  try {
    type = c.rootfs.stat(cwd).type;
  } catch {
    throw new ExecError('no-such-file', `chdir to cwd ("${cwd}") set in config.json failed: no such file or directory`);
  }
  if (type !== 'dir') throw new ExecError('no-such-file', `chdir to cwd ("${cwd}") set in config.json failed: not a directory`);
}

/**
 * A process forked inside the container (a shell's background job or
 * command): it takes the next PID and is listed until it exits; the runtime
 * owns it, the engine only signals it (SIGKILL when the container ends).
 */
function registerChild(engine: Engine, c: ContainerRecord, parent: ProcessInfo, child: ChildProcessSpec): ChildProcessEntry {
  // fork takes the next PID (exec'd processes skip the PIDs of runc's helpers)
  c.nextPid += 1;
  const info: ProcessInfo = {
    pid: c.nextPid,
    ppid: child.ppid ?? parent.pid,
    user: child.user ?? parent.user,
    argv: [...child.argv],
    started: engine.clock.now(),
    tty: parent.tty,
  };
  const forked = new ForkedChild(c, info, engine.containers.nextHostPid(), child);
  c.processes.push(forked.proc);
  return forked;
}

/**
 * One object for a forked child: its table entry (ChildProcessEntry) and its
 * handle (ProcessHandle). A shell loop forks a child every round: no closures,
 * and the exit promise only once someone asks for it (LazyExit).
 */
class ForkedChild extends LazyExit implements ChildProcessEntry, ProcessHandle {
  readonly proc: ContainerProcess;
  constructor(
    private readonly c: ContainerRecord,
    private readonly info: ProcessInfo,
    hostPid: number,
    private readonly child: ChildProcessSpec,
  ) {
    super();
    this.proc = { info, hostPid, handle: this };
  }
  get pid(): number {
    return this.info.pid;
  }
  get exited(): Promise<number> {
    return this.exitPromise();
  }
  kill(sig: string): void {
    this.child.kill(sig);
  }
  setArgv(argv: string[]): void {
    this.info.argv = [...argv];
  }
  exit(status: number): void {
    const list = this.c.processes;
    const i = list.indexOf(this.proc);
    // moved down by hand: splice() would make an array of the removed entry (a loop's child exits every round)
    if (i >= 0) {
      for (let k = i + 1; k < list.length; k++) list[k - 1] = list[k];
      list.length--;
    }
    this.settleExit(status);
  }
}

/** kill(2) inside the container: the process with this in-container PID gets the signal */
function signalProcess(c: ContainerRecord, pid: number, sig: string): boolean {
  const p = c.processes.find((x) => x.info.pid === pid);
  if (!p?.handle) return false;
  p.handle.kill(sig);
  return true;
}

/** the exit status docker gives a process that could not start: 127 not found, 126 not executable */
export function execFailureStatus(err: ExecError): number {
  return err.reason === 'permission-denied' ? 126 : 127;
}

/** the daemon's text for a container whose PID 1 could not start (runc via containerd) */
export function startFailure(err: ExecError): DaemonError {
  return new DaemonError(
    'InvalidParameter',
    `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${err.message}: unknown`,
  );
}

/** what dockerd adds to a start error about a file where a directory should be (translateContainerdStartErr) */
function mountHint(desc: string): string {
  return desc.toLowerCase().includes('not a directory')
    ? `${desc}: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`
    : desc;
}

/** the daemon's text for an exec that could not start */
export function execFailure(err: ExecError): DaemonError {
  return new DaemonError('InvalidParameter', mountHint(`OCI runtime exec failed: exec failed: unable to start container process: ${err.message}: unknown`));
}

export function isExecError(err: unknown): err is ExecError {
  return err instanceof ExecError;
}
