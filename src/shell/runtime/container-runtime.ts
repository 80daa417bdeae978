/**
 * The ProcessRuntime the engine uses to run programs in containers (the role
 * of runc): PATH lookup in the container's filesystem, our implementation of
 * the program found there, signals with PID 1 semantics.
 *
 * Signals: a program may handle a signal (ProgramContext.onSignal: nginx quits
 * on SIGQUIT/SIGTERM, `sh -c` ends with 130 on SIGINT, an interactive shell
 * survives SIGINT). Unhandled: SIGKILL always ends the process with 137; PID 1
 * ignores every other signal (no default handlers for init); other processes
 * end with 128+n.
 */
import type { OutputStream, ProcessIO } from '../../api/io';
import type { ProcessHandle, ProcessRuntime, ProcessSpec } from '../../api/runtime';
import { type Credentials, type FileSystem, FsError, textDecoder } from '../../api/fs';
import { execUser } from '../../lib/users';
import { AccessFs } from '../vfs/access-fs';
import { BrokenPipeError } from '../io/streams';
import { processFailure } from '../interpreter/failures';
import { ExitSignal, exitStatus, isAbortError, type Program, type ProgramContext } from '../interpreter/types';
import { texts } from '../i18n';
import { baseName } from '../vfs/path';
import { Control, processTable } from './process-control';
import { containerResolver, DEFAULT_PATH, execError, implementationFor, lookupExecutable } from './resolve';
import { SignalTarget, signalNumber as lookupSignal } from './signals';

/** kept for callers of the old helper: 15 for an unknown name */
export function signalNumber(signal: string): number {
  return lookupSignal(signal) ?? 15;
}

function parseEnv(list: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  env.PATH ??= DEFAULT_PATH;
  env.HOSTNAME ??= '';
  return env;
}

/** an output that drops writes once the process has ended (killed) */
function gated(out: OutputStream, alive: () => boolean): OutputStream {
  return {
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
    write(data) {
      if (alive()) out.write(data);
    },
    drain() {
      return alive() ? out.drain?.() : undefined;
    },
  };
}

function readText(fs: FileSystem, path: string): string | undefined {
  try {
    return textDecoder.decode(fs.readFile(path));
  } catch {
    return undefined;
  }
}

/** the engine's credentials for the process (else `user` resolved in its filesystem, root when unknown) and its home directory */
function identityOf(spec: ProcessSpec): { creds: Credentials; home: string } {
  const r = execUser(spec.user === 'root' ? '' : spec.user, readText(spec.fs, '/etc/passwd'), readText(spec.fs, '/etc/group'));
  const home = 'error' in r ? '/' : r.home || '/';
  if (spec.credentials) return { creds: spec.credentials, home };
  return { creds: 'error' in r ? { uid: 0, gid: 0, groups: [0] } : { uid: r.uid, gid: r.gid, groups: r.groups }, home };
}

export function createContainerRuntime(): ProcessRuntime {
  return { spawn: (spec) => spawnProcess(spec) };
}

function spawnProcess(spec: ProcessSpec): ProcessHandle {
  const env = parseEnv(spec.env);
  if (!env.HOSTNAME) env.HOSTNAME = spec.hostname;
  const { creds, home } = identityOf(spec);
  if (!env.HOME) env.HOME = home;
  const name = spec.argv[0] ?? '';
  const fs = AccessFs.as(spec.fs, creds);
  const found = lookupExecutable(fs, name, env, spec.cwd);
  if (!('path' in found)) throw execError(name, found.error, name);
  const impl = implementationFor(spec.fs, found.path);
  const resolver = containerResolver(fs);

  const target = new SignalTarget(spec.init);
  let ended = false;
  let finish!: (status: number) => void;
  const exited = new Promise<number>((r) => {
    finish = (status) => {
      if (ended) return;
      ended = true;
      target.end();
      r(status);
    };
  });
  target.death.then(finish);
  const alive = () => !ended;
  const io: ProcessIO = {
    stdin: spec.io.stdin,
    stdout: gated(spec.io.stdout, alive),
    stderr: gated(spec.io.stderr, alive),
    interrupt: target.killed,
  };
  const kill = (signal: string) => target.deliver(signal);
  const onInterrupt = () => kill('SIGINT');
  spec.io.interrupt.addEventListener('abort', onInterrupt);
  exited.then(() => spec.io.interrupt.removeEventListener('abort', onInterrupt));
  const pid = spec.pid ?? (spec.init ? 1 : Math.max(1, ...spec.processes().map((p) => p.pid)));
  const table = processTable(spec, { pid, deliver: kill });
  const procArgv = impl.script ? [...impl.script, name.includes('/') ? name : found.path, ...spec.argv.slice(1)] : spec.argv;
  const control = new Control(table, pid, procArgv, (a) => spec.setArgv?.(a), { killed: target.killed });
  if (impl.script) spec.setArgv?.(procArgv);
  const onSignal = target.onSignal;

  const context = (argv: string[], pio: ProcessIO, penv: Record<string, string>): ProgramContext => ({
    argv,
    io: pio,
    env: penv,
    cwd: spec.cwd,
    fs,
    clock: spec.clock,
    net: { container: spec.net },
    container: { hostname: spec.hostname, user: spec.user || 'root', processes: () => spec.processes() },
    creds,
    lang: 'en',
    onSignal,
    proc: control,
    exec: async (args, io2, env2) => {
      const r = resolver.resolve(args[0], env2 ?? penv, spec.cwd);
      if (r.kind === 'error') return r.status;
      return guard(r.program, context(args, io2, env2 ?? penv));
    },
    lookup: (n) => {
      const r = resolver.resolve(n, penv, spec.cwd);
      return r.kind === 'program' ? r.path : undefined;
    },
  });

  const argv = impl.script ? [found.path, ...spec.argv.slice(1)] : spec.argv;
  guard(impl.program, context(argv, io, env)).then(finish, () => finish(1));
  return {
    exited,
    kill,
  };
}

/**
 * a process's end: its status, whatever it threw. A shell that crashed ends
 * with 139 (docker shows the code, nothing else), one out of memory with its
 * message; anything else is a failure of the simulator, said in its words
 */
async function guard(program: Program, ctx: ProgramContext): Promise<number> {
  try {
    return exitStatus(await program(ctx));
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof BrokenPipeError) return 141;
    if (isAbortError(e)) return 130;
    if (e instanceof FsError) {
      ctx.io.stderr.write(`${ctx.argv[0]}: ${e.message}\n`);
      return 1;
    }
    const failure = processFailure(e);
    if (failure === 'crash') return 139;
    if (failure === 'memory') {
      ctx.io.stderr.write(`${baseName(ctx.argv[0])}: out of memory\n`);
      return 2;
    }
    ctx.io.stderr.write(texts(ctx.lang).internalError(baseName(ctx.argv[0])));
    return 1;
  }
}
