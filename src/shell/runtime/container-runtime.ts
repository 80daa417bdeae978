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
import { FsError } from '../../api/fs';
import { BrokenPipeError } from '../io/streams';
import { ExitSignal, isAbortError, type Program, type ProgramContext } from '../interpreter/types';
import { containerResolver, DEFAULT_PATH, execError, implementationFor, lookupExecutable } from './resolve';

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGSTOP: 19,
};

export function signalNumber(signal: string): number {
  const s = signal.toUpperCase();
  if (/^\d+$/.test(s)) return Number(s);
  return SIGNALS[s.startsWith('SIG') ? s : `SIG${s}`] ?? 15;
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
  };
}

export function createContainerRuntime(): ProcessRuntime {
  return { spawn: (spec) => spawnProcess(spec) };
}

function spawnProcess(spec: ProcessSpec): ProcessHandle {
  const env = parseEnv(spec.env);
  if (!env.HOSTNAME) env.HOSTNAME = spec.hostname;
  if (!env.HOME) env.HOME = spec.user && spec.user !== 'root' && spec.user !== '0' ? '/' : '/root';
  const name = spec.argv[0] ?? '';
  const found = lookupExecutable(spec.fs, name, env, spec.cwd);
  if (!('path' in found)) throw execError(name, found.error, name);
  const impl = implementationFor(spec.fs, found.path);
  const resolver = containerResolver(spec.fs);

  let ended = false;
  let finish!: (status: number) => void;
  const exited = new Promise<number>((r) => {
    finish = (status) => {
      if (ended) return;
      ended = true;
      r(status);
    };
  });
  const handlers: ((signal: string) => boolean)[] = [];
  const onSignal = (h: (signal: string) => boolean) => {
    handlers.push(h);
    return () => {
      const i = handlers.lastIndexOf(h);
      if (i >= 0) handlers.splice(i, 1);
    };
  };
  const alive = () => !ended;
  const killController = new AbortController();
  const io: ProcessIO = {
    stdin: spec.io.stdin,
    stdout: gated(spec.io.stdout, alive),
    stderr: gated(spec.io.stderr, alive),
    interrupt: killController.signal,
  };

  const kill = (signal: string) => {
    if (ended) return;
    const n = signalNumber(signal);
    const sig = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n) ?? signal;
    if (n === 9) {
      killController.abort();
      finish(137);
      return;
    }
    for (let i = handlers.length - 1; i >= 0; i--) if (handlers[i](sig)) return;
    if (spec.init || n === 19) return;
    killController.abort();
    finish(128 + n);
  };
  spec.io.interrupt.addEventListener('abort', () => kill('SIGINT'));

  const context = (argv: string[], pio: ProcessIO, penv: Record<string, string>): ProgramContext => ({
    argv,
    io: pio,
    env: penv,
    cwd: spec.cwd,
    fs: spec.fs,
    clock: spec.clock,
    net: { container: spec.net },
    container: { hostname: spec.hostname, user: spec.user || 'root', processes: () => spec.processes() },
    lang: 'en',
    onSignal,
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

async function guard(program: Program, ctx: ProgramContext): Promise<number> {
  try {
    return await program(ctx);
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof BrokenPipeError) return 141;
    if (isAbortError(e)) return 130;
    if (e instanceof FsError) {
      ctx.io.stderr.write(`${ctx.argv[0]}: ${e.message}\n`);
      return 1;
    }
    ctx.io.stderr.write(`${ctx.argv[0]}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
