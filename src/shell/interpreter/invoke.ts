/**
 * Running a command name: a function, a builtin, or a program found by PATH
 * (inside a container in a forked child process, or in place of the shell:
 * exec). A builtin's or program's errors become statuses (guard()).
 */
import { FsError } from '../../api/fs';
import type { ProcessIO } from '../../api/io';
import { BUILTINS } from '../builtins';
import { interruptibleStdin } from '../io/interruptible';
import type { Command } from '../parser/ast';
import { runWithOwnContext } from '../programs/flavor';
import { runCommand } from './compound';
import type { Interpreter } from './exec';
import { ExpansionError } from './expand';
import { failedStatus } from './failures';
import { runForked, withForkRetry } from './fork';
import { enterFunction, leaveFunction } from './nesting';
import type { Resolved, ShellState } from './state';
import { exitStatus, type ForkedProcess, ForkError, InterruptSignal, isAbortError, type ProgramContext, ReturnSignal } from './types';

const ERROR_TEXT = { 'no-such-file': 'No such file or directory', 'is-dir': 'Is a directory', 'permission-denied': 'Permission denied' };

/**
 * run a command name: function, builtin, or program (no frame of its own for
 * a builtin or a program: a loop runs several every round)
 */
export function invoke(interp: Interpreter, sh: ShellState, argv: string[], assigns: [string, string][], io: ProcessIO, line = 1, after?: AfterCommand): Promise<number> {
  try {
    return dispatch(interp, sh, argv, assigns, io, line, after);
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * what a simple command does with its status (simple.ts): given to invoke(),
 * it runs in the reaction that makes the status of a builtin or program
 * (guard()), not in one of its own (a loop runs several commands every round)
 */
export type AfterCommand = (sh: ShellState, io: ProcessIO, status: number) => number | Promise<number>;

/** `after` of the status a promise brings (a function's, a failed start's) */
function then(p: Promise<number>, sh: ShellState, io: ProcessIO, after: AfterCommand | undefined): Promise<number> {
  return after === undefined ? p : p.then((status) => after(sh, io, status));
}

function dispatch(interp: Interpreter, sh: ShellState, argv: string[], assigns: [string, string][], io: ProcessIO, line: number, after: AfterCommand | undefined): Promise<number> {
  const name = argv[0];
  const fn = sh.functions.get(name);
  if (fn) return then(callFunction(interp, sh, fn, argv, assigns, io, line), sh, io, after);
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (builtin) {
    for (const [k, v] of assigns) sh.set(k, v);
    let running: Promise<number>;
    try {
      running = builtin(sh, argv, io, interp);
    } catch (e) {
      return then(failed(sh, name, io, e, false), sh, io, after);
    }
    return guard(sh, name, io, running, false, after);
  }
  const env = assigns.length === 0 ? sh.env() : { ...sh.env(), ...Object.fromEntries(assigns) };
  const res = sh.resolver.resolve(name, env, sh.cwd);
  if (res.kind === 'error') {
    if (res.reason === 'not-found') io.stderr.write(sh.notFoundMessage(name, line));
    else io.stderr.write(`${sh.errPrefix(line)}${name}: ${ERROR_TEXT[res.reason]}\n`);
    return then(Promise.resolve(res.status), sh, io, after);
  }
  return guardProgram(interp, sh, res, argv, io, env, after);
}

/** runResolved under guard(), without a closure for it (a loop runs a program every round) */
function guardProgram(
  interp: Interpreter,
  sh: ShellState,
  res: Extract<Resolved, { kind: 'program' }>,
  argv: string[],
  io: ProcessIO,
  env: Record<string, string>,
  after?: AfterCommand,
): Promise<number> {
  let running: Promise<number>;
  try {
    running = runResolved(interp, sh, res, argv, io, env);
  } catch (e) {
    return then(failed(sh, argv[0], io, e, true), sh, io, after);
  }
  return guard(sh, argv[0], io, running, true, after);
}

async function callFunction(interp: Interpreter, sh: ShellState, fn: Command, argv: string[], assigns: [string, string][], io: ProcessIO, line: number): Promise<number> {
  const name = argv[0];
  sh.execNext = false;
  await enterFunction(sh, name, io, line);
  for (const [k, v] of assigns) sh.set(k, v);
  const saved = sh.positional;
  sh.positional = argv.slice(1);
  try {
    return await runCommand(interp, sh, fn, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.positional = saved;
    leaveFunction(sh);
  }
}

/** runForked's options, made once (a loop forks every round) */
const NEW_GROUP = { newGroup: true };
const SAME_GROUP = { newGroup: false };

/**
 * run a program found by PATH: inside a container the shell forks a child
 * process for it (listed in ps / docker top), or replaces itself (exec, the
 * last command of a background job)
 */
function runResolved(interp: Interpreter, sh: ShellState, res: Extract<Resolved, { kind: 'program' }>, argv: string[], io: ProcessIO, env: Record<string, string>): Promise<number> {
  const proc = sh.proc;
  if (!proc) return runWithOwnContext(res.program, context(interp, sh, argv, io, env));
  const procArgv = res.interpreter ? [...res.interpreter, argv[0].includes('/') ? argv[0] : res.path, ...argv.slice(1)] : argv;
  if (sh.execNext) {
    sh.execNext = false;
    proc.setArgv(procArgv);
    return runWithOwnContext(res.program, context(interp, sh, argv, io, env));
  }
  return Promise.resolve(
    withForkRetry(sh, io, () =>
      runForked(proc, procArgv, io, (child, cio) => runWithOwnContext(res.program, context(interp, sh, argv, cio, env, child)), sh.interactive ? NEW_GROUP : SAME_GROUP),
    ),
  );
}

/** what exec and lookup of a program context run with: hidden fields, copied with the context by a spread */
const CTX_INTERP = Symbol('interp');
const CTX_SH = Symbol('sh');
const CTX_ENV = Symbol('env');

interface ShellProgramContext extends ProgramContext {
  [CTX_INTERP]: Interpreter;
  [CTX_SH]: ShellState;
  [CTX_ENV]: Record<string, string>;
}

/** ProgramContext.exec: the shell's PATH rules, with the environment the program got by default */
function contextExec(this: ShellProgramContext, args: string[], io: ProcessIO, env?: Record<string, string>): Promise<number> {
  return runProgram(this[CTX_INTERP], this[CTX_SH], args, io, env ?? this[CTX_ENV]);
}

/** ProgramContext.lookup */
function contextLookup(this: ShellProgramContext, n: string): string | undefined {
  const sh = this[CTX_SH];
  const r = sh.resolver.resolve(n, this[CTX_ENV], sh.cwd);
  return r.kind === 'program' ? r.path : undefined;
}

/** what a program gets; `child`: it runs as a forked process (its signals, its process control) */
export function context(interp: Interpreter, sh: ShellState, argv: string[], io: ProcessIO, env: Record<string, string> = sh.env(), child?: ForkedProcess): ProgramContext {
  const ctx: ShellProgramContext = {
    argv,
    io: interruptibleStdin(io),
    env,
    cwd: sh.cwd,
    fs: sh.fs,
    clock: sh.clock,
    net: sh.net,
    container: sh.container,
    onSignal: child ? child.onSignal : sh.onSignal,
    proc: child ? child.control : sh.proc,
    lang: sh.lang(),
    // a slot for the flavour runWithOwnContext sets (added later, it would need a property store per context)
    flavor: undefined,
    // shared functions that find the shell in hidden fields, not closures: a loop makes a context every round
    exec: contextExec,
    lookup: contextLookup,
    [CTX_INTERP]: interp,
    [CTX_SH]: sh,
    [CTX_ENV]: env,
  };
  return ctx;
}

/** run a program by PATH only (no functions or builtins): xargs, env, exec */
export async function runProgram(interp: Interpreter, sh: ShellState, argv: string[], io: ProcessIO, env: Record<string, string> = sh.env()): Promise<number> {
  const res = sh.resolver.resolve(argv[0], env, sh.cwd);
  if (res.kind === 'error') return res.status;
  return guardProgram(interp, sh, res, argv, io, env);
}

/** the `exec` builtin: the program replaces the shell's process */
export async function execProgram(interp: Interpreter, sh: ShellState, argv: string[], io: ProcessIO): Promise<number> {
  sh.execNext = true;
  if (sh.resolver.resolve(argv[0], sh.env(), sh.cwd).kind === 'program') sh.releaseSignals?.();
  try {
    return await runProgram(interp, sh, argv, io);
  } finally {
    sh.execNext = false;
  }
}

/**
 * run a builtin or (`program`) a program: its status; interrupts, file
 * errors, a failed fork inside a program, and a program that crashed or ran
 * out of memory (a shell it ran: reported here, as by the parent) become
 * statuses; the shell's own control flow passes through
 */
function guard(sh: ShellState, name: string, io: ProcessIO, running: Promise<number> | number, program: boolean, after?: AfterCommand): Promise<number> {
  // no frame of its own: a loop runs a builtin or program every round
  const p = Promise.resolve(running);
  if (after === undefined) return p.then(exitStatus, (e: unknown) => failure(sh, name, io, e, program));
  return p.then(
    (status) => after(sh, io, exitStatus(status)),
    (e: unknown) => after(sh, io, failure(sh, name, io, e, program)),
  );
}

/** guard() of a builtin or program that threw instead of returning its promise */
function failed(sh: ShellState, name: string, io: ProcessIO, e: unknown, program: boolean): Promise<number> {
  return new Promise((resolve) => resolve(failure(sh, name, io, e, program)));
}

/** what guard() makes of an error (`program`: it came from a program): a status, or it passes through */
function failure(sh: ShellState, name: string, io: ProcessIO, e: unknown, program: boolean): number {
  if (program) {
    const failed = failedStatus(sh, e, io);
    if (failed !== undefined) return failed;
  }
  if (e instanceof ForkError) {
    io.stderr.write(`${name}: fork: ${e.message}\n`);
    return 1;
  }
  if (isAbortError(e) || e instanceof InterruptSignal) {
    if (io.interrupt.aborted) throw new InterruptSignal();
    return 130;
  }
  if (e instanceof FsError) {
    io.stderr.write(`${name}: ${e.message}\n`);
    return 1;
  }
  if (e instanceof ExpansionError) {
    io.stderr.write(`${sh.errPrefix()}${e.message}\n`);
    return 1;
  }
  throw e;
}
