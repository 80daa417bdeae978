/**
 * The shell as a program: `sh -c CMD`, `bash script.sh`, an interactive `bash`
 * (tty, no -c: prompts, ~/.bashrc, ~/.bash_history), and running an executable
 * script file by path.
 */
import { FsError, textDecoder } from '../../api/fs';
import { Interpreter } from '../interpreter/exec';
import { defaultOptions, optionByName, parseInvocation, type ShellInvocation, turn } from '../interpreter/options';
import { runInteractive, runSource } from '../interpreter/session';
import { type Flavor, type ProgramResolver, ShellState } from '../interpreter/state';
import type { Program, ProgramContext } from '../interpreter/types';
import { baseName, resolvePath } from '../vfs/path';
import { trimHistoryFile } from '../interpreter/history';

/**
 * The shell's signal handling: a trapped signal queues its action (`trap ''`
 * ignores it), SIGWINCH redraws an interactive prompt, SIGINT ends the running
 * command (`sh -c`, scripts: the caller's interrupt too), an interactive shell
 * ignores SIGTERM and SIGQUIT. Anything else gets the runtime's default.
 */
function shellSignals(ctx: ProgramContext, sh: ShellState, opts: { interactive: boolean }): { io: ProgramContext['io']; done: () => void } {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort();
  if (ctx.io.interrupt.aborted) ctl.abort();
  else ctx.io.interrupt.addEventListener('abort', onAbort);
  const unsub = ctx.onSignal?.((sig) => {
    const name = sig.replace(/^SIG/, '');
    const action = sh.traps.get(name);
    if (action !== undefined) {
      if (action !== '') sh.queueTrap(name);
      return true;
    }
    if (sig === 'SIGWINCH') {
      sh.onWinch?.();
      return true;
    }
    // dash and ash catch SIGINT under -c and in scripts and end (130); bash has no handler of its own
    // (as PID 1 it goes on: init ignores what it does not handle)
    if (sig === 'SIGINT' && !opts.interactive && sh.flavor !== 'bash') {
      ctl.abort();
      return true;
    }
    return opts.interactive && (sig === 'SIGTERM' || sig === 'SIGQUIT');
  });
  const done = () => {
    ctx.io.interrupt.removeEventListener('abort', onAbort);
    unsub?.();
  };
  // `exec PROGRAM`: the program replaces the shell, the shell's handlers go
  sh.releaseSignals = done;
  return { io: { ...ctx.io, interrupt: ctl.signal }, done };
}

/** the options a shell was started with, over the defaults of its kind */
function applyOptions(sh: ShellState, inv: ShellInvocation): void {
  for (const name of defaultOptions(sh.flavor, sh.interactive)) sh.otherOptions.add(name);
  for (const [name, on] of inv.options) {
    const def = optionByName(sh.flavor, name);
    if (def) turn(sh, def, on);
  }
}

/** run a non-interactive shell's source, then its EXIT trap */
async function runScript(sh: ShellState, interp: Interpreter, text: string, ctx: ProgramContext): Promise<number> {
  const sig = shellSignals(ctx, sh, { interactive: false });
  try {
    let status = await runSource(sh, interp, text, sig.io);
    const onExit = sh.traps.get('EXIT');
    if (onExit) {
      sh.traps.delete('EXIT');
      sh.exited = false;
      await runSource(sh, interp, onExit, sig.io);
      if (!sh.exited) sh.status = status;
      status = sh.status;
    }
    return status;
  } finally {
    sig.done();
  }
}

export type ResolverFactory = (ctx: ProgramContext) => ProgramResolver;

function newShell(ctx: ProgramContext, resolverFor: ResolverFactory, flavor: Flavor, name: string): ShellState {
  return new ShellState({
    fs: ctx.fs,
    cwd: ctx.cwd,
    env: ctx.env,
    clock: ctx.clock,
    resolver: resolverFor(ctx),
    flavor,
    name,
    net: ctx.net,
    container: ctx.container,
    onSignal: ctx.onSignal,
    proc: ctx.proc,
    pid: ctx.proc?.pid ?? (ctx.container?.processes().length ? Math.max(...ctx.container.processes().map((p) => p.pid)) : 1),
  });
}

function readText(ctx: ProgramContext, path: string): string {
  return textDecoder.decode(ctx.fs.readFile(resolvePath(ctx.cwd, path)));
}

/** shebang interpreter of a script's text ("/bin/sh"), undefined when none */
export function shebang(text: string): string | undefined {
  const m = /^#!\s*(\S+)/.exec(text);
  return m?.[1];
}

export interface ShellProgramOptions {
  flavor: Flavor;
  /** write ~/.bash_history when an interactive session ends (bash) */
  saveHistory?: boolean;
}

export function makeShellProgram(resolverFor: ResolverFactory, opts: ShellProgramOptions): Program {
  const { flavor } = opts;
  return async (ctx) => {
    const argv0 = ctx.argv[0];
    const inv = parseInvocation(flavor, argv0, ctx.argv.slice(1));
    if ('error' in inv) {
      ctx.io.stderr.write(inv.error);
      return 2;
    }
    const args = inv.operands;
    const interp = new Interpreter();
    if (inv.command !== undefined) {
      const sh = newShell(ctx, resolverFor, flavor, args[0] ?? argv0);
      sh.positional = args.slice(1);
      sh.nonInteractive = true;
      sh.commandString = true;
      applyOptions(sh, inv);
      return runScript(sh, interp, inv.command, ctx);
    }
    if (args.length && !inv.stdin) {
      let text: string;
      try {
        text = readText(ctx, args[0]);
      } catch (e) {
        ctx.io.stderr.write(`${argv0}: ${args[0]}: ${e instanceof FsError ? e.text : String(e)}\n`);
        return 127;
      }
      const sh = newShell(ctx, resolverFor, flavor, args[0]);
      sh.positional = args.slice(1);
      sh.nonInteractive = true;
      applyOptions(sh, inv);
      return runScript(sh, interp, text, ctx);
    }
    const tty = ctx.io.stdin.isTTY || inv.interactive;
    const sh = newShell(ctx, resolverFor, flavor, tty ? baseName(argv0) : argv0);
    sh.positional = args;
    sh.interactive = tty;
    sh.readsStdin = true;
    applyOptions(sh, inv);
    const home = sh.get('HOME') ?? '/root';
    if (tty && flavor === 'bash') {
      try {
        if (ctx.fs.exists(`${home}/.bashrc`)) await runSource(sh, interp, readText(ctx, `${home}/.bashrc`), ctx.io);
      } catch {
        // an unreadable .bashrc is skipped, as bash does after its message
      }
    }
    if (!tty) sh.nonInteractive = true;
    const sig = shellSignals(ctx, sh, { interactive: tty });
    let status: number;
    try {
      status = await runInteractive(sh, interp, ctx.io, tty);
    } finally {
      sig.done();
    }
    if (tty && opts.saveHistory && sh.history.length) {
      try {
        const file = `${home === '/' ? '' : home}/.bash_history`;
        ctx.fs.appendFile(file, sh.history.map((l) => `${l}\n`).join(''));
        const text = new TextDecoder().decode(ctx.fs.readFile(file));
        const kept = trimHistoryFile(text, sh);
        if (kept !== text) ctx.fs.writeFile(file, kept);
      } catch {
        // no home directory: bash silently skips the history file
      }
    }
    return status;
  };
}

/** run an executable file: a script with a shebang (or none) in a fresh shell */
export function makeScriptRunner(resolverFor: ResolverFactory, flavor: Flavor): Program {
  return async (ctx) => {
    const path = ctx.argv[0];
    const text = readText(ctx, path);
    const interp = new Interpreter();
    const sh = newShell(ctx, resolverFor, flavor, path);
    sh.positional = ctx.argv.slice(1);
    sh.nonInteractive = true;
    for (const name of defaultOptions(flavor, false)) sh.otherOptions.add(name);
    return runScript(sh, interp, text, ctx);
  };
}
