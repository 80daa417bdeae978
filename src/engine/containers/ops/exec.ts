/**
 * POST /containers/{id}/exec, /exec/{id}/start, GET /exec/{id}/json: run an
 * extra process in a running container. Its output goes to the caller only
 * (not to the container's log). A command that cannot start is reported on
 * the caller's stdout, as dockerd writes it into the hijacked stream, and the
 * exec's exit code becomes 126.
 */
import type { Abortable } from '../abort';
import { NEVER_ABORTED } from '../abort';
import type { ExecConfig, ExecInspect } from '../../../api/container';
import { conflict, invalidParameter, notFound } from '../../../api/errors';
import type { OutputStream, ProcessIO } from '../../../api/io';
import type { Engine } from '../../engine';
import { generateId } from '../../core/ids';
import type { ContainerRecord, ExecRecord } from '../container-record';
import { emitContainerEvent } from '../lifecycle';
import { replaceOrAppendEnv } from '../daemon-env';
import { UserLookupError } from '../exec-user';
import { execFailure, isExecError, launchProcess } from '../process-launch';
import { StdinPipe, type StdinSource } from '../stdin-pipe';
import { parseDetachKeys } from './attach';

/** how exec events name the command: entrypoint + " " + the arguments joined (so `true` alone leaves a trailing space) */
function execLine(cmd: string[]): string {
  return `${cmd[0] ?? ''} ${cmd.slice(1).join(' ')}`;
}

function checkRunning(c: ContainerRecord, ref: string): void {
  if (!c.State.Running) throw conflict(`Container ${c.ID} is not running`);
  if (c.State.Paused) throw conflict(`Container ${ref} is paused, unpause the container before exec`);
  if (c.State.Restarting) throw conflict(`Container ${c.ID} is restarting, wait until the container is running`);
}

export function execCreate(engine: Engine, ref: string, config: ExecConfig): { Id: string } {
  const c = engine.containers.resolve(ref);
  checkRunning(c, ref);
  if (!config.Cmd || config.Cmd.length === 0) throw invalidParameter('No exec command specified');
  const id = generateId(engine.ids);
  const rec: ExecRecord = {
    ID: id,
    containerId: c.ID,
    Cmd: [...config.Cmd],
    Tty: config.Tty ?? false,
    User: config.User ?? '',
    Privileged: config.Privileged ?? false,
    WorkingDir: config.WorkingDir ?? '',
    Env: config.Env ?? [],
    OpenStdin: config.AttachStdin ?? false,
    OpenStdout: config.AttachStdout ?? false,
    OpenStderr: config.AttachStderr ?? false,
    DetachKeys: config.DetachKeys ?? '',
    Running: false,
    ExitCode: null,
    Pid: 0,
  };
  c.execs.set(id, rec);
  emitContainerEvent(engine, c, `exec_create: ${execLine(rec.Cmd)}`, { execID: id });
  return { Id: id };
}

function findExec(engine: Engine, execId: string): { c: ContainerRecord; e: ExecRecord } {
  for (const c of engine.containers.list()) {
    const e = c.execs.get(execId);
    if (e) return { c, e };
  }
  throw notFound(`No such exec instance: ${execId}`);
}


/** the exec's side of its output: a terminal only with -t (then "\n" goes out as "\r\n") */
function ttyStream(s: OutputStream, tty: boolean): OutputStream {
  if (!tty) return { isTTY: false, write: (d) => s.write(d) };
  return { isTTY: true, columns: s.columns ?? 80, write: (d) => s.write(typeof d === 'string' ? d.replace(/\r?\n/g, '\r\n') : d) };
}

export interface ExecStartResult {
  /** the user typed the detach keys */
  detached: boolean;
}

/** run the exec to completion (or until detach / abort) */
export interface ExecStartOptions {
  /** an abort kills the process (a health probe past its timeout) instead of only detaching from it */
  killOnAbort?: boolean;
}

export async function execStart(engine: Engine, execId: string, io: ProcessIO, signal?: Abortable, opts: ExecStartOptions = {}): Promise<ExecStartResult> {
  const { c, e } = findExec(engine, execId);
  if (e.Running) throw conflict(`Error: Exec command ${execId} is already running`);
  if (e.ExitCode !== null) throw conflict(`Error: Exec command ${execId} has already run`);
  checkRunning(c, c.ID);
  const out = ttyStream(io.stdout, e.Tty);
  const err = e.Tty ? out : ttyStream(io.stderr, false);
  const stdout: OutputStream = e.OpenStdout ? out : { isTTY: e.Tty, write: () => {} };
  const stderr: OutputStream = e.OpenStderr ? err : { isTTY: e.Tty, write: () => {} };
  let kill: (sig: string) => void = () => {};
  const stdin = new StdinPipe(e.Tty, (text) => stdout.write(text), (sig) => kill(sig));
  let result: (r: ExecStartResult) => void = () => {};
  const finished = new Promise<ExecStartResult>((r) => {
    result = r;
  });
  let source: StdinSource | undefined;
  if (e.OpenStdin) {
    source = { stream: io.stdin, detachKeys: parseDetachKeys(e.DetachKeys), onDetach: () => result({ detached: true }), onEnd: () => stdin.close() };
    stdin.attachSource(source);
  } else {
    stdin.close();
  }
  let proc: ReturnType<typeof launchProcess>;
  try {
    proc = launchProcess(engine, c, {
      argv: e.Cmd,
      env: replaceOrAppendEnv(c.Config.Env ?? [], e.Env),
      cwd: e.WorkingDir || c.Config.WorkingDir,
      user: e.User || c.Config.User,
      tty: e.Tty,
      io: { stdin, stdout, stderr, interrupt: (signal as ProcessIO['interrupt'] | undefined) ?? NEVER_ABORTED },
      init: false,
      execId,
    });
  } catch (err) {
    stdin.detachSource(source);
    if (err instanceof UserLookupError) {
      // the daemon's getUser fails inside the exec stream: its text reaches the terminal, the exec ends with 126
      e.ExitCode = 126;
      io.stdout.write(`${err.message}\r\n`);
      return { detached: false };
    }
    if (!isExecError(err)) throw err;
    // dockerd gives every exec that fails to start exit code 126, also for a missing program
    e.ExitCode = 126;
    io.stdout.write(`${execFailure(err).message}\r\n`);
    return { detached: false };
  }
  kill = (sig) => proc.handle?.kill(sig);
  e.Running = true;
  e.Pid = proc.hostPid;
  emitContainerEvent(engine, c, `exec_start: ${execLine(e.Cmd)}`, { execID: execId });
  proc.handle?.exited.then(
    (code) => {
      e.Running = false;
      e.ExitCode = code;
      emitContainerEvent(engine, c, 'exec_die', { execID: execId, exitCode: String(code) });
      result({ detached: false });
    },
    () => {
      e.Running = false;
      e.ExitCode = 255;
      result({ detached: false });
    },
  );
  signal?.addEventListener(
    'abort',
    () => {
      if (opts.killOnAbort) kill('SIGKILL');
      result({ detached: false });
    },
    { once: true },
  );
  const r = await finished;
  stdin.detachSource(source);
  return r;
}

export function execInspect(engine: Engine, execId: string): ExecInspect {
  const { c, e } = findExec(engine, execId);
  return {
    ID: e.ID,
    Running: e.Running,
    ExitCode: e.ExitCode,
    ProcessConfig: { tty: e.Tty, entrypoint: e.Cmd[0] ?? '', arguments: e.Cmd.slice(1), privileged: e.Privileged, user: e.User || undefined },
    OpenStdin: e.OpenStdin,
    OpenStderr: e.OpenStderr,
    OpenStdout: e.OpenStdout,
    CanRemove: false,
    ContainerID: c.ID,
    DetachKeys: e.DetachKeys,
    Pid: e.Pid,
  };
}
