/**
 * Executes the syntax tree: lists, and-or, pipelines (stages run concurrently,
 * connected by byte pipes), simple commands (functions, builtins, programs)
 * and compound commands. Ctrl-C (io.interrupt) ends the foreground job with 130.
 */
import { FsError } from '../../api/fs';
import type { ProcessIO } from '../../api/io';
import { BUILTINS } from '../builtins';
import { BrokenPipeError, CollectOutput, OutOfMemoryError, Pipe } from '../io/streams';
import { interruptibleStdin } from '../io/interruptible';
import type { AndOr, Command, List, Pipeline, SimpleCommand } from '../parser/ast';
import { ShellSyntaxError, parseScript } from '../parser/parser';
import { startBackground } from './background';
import { failedStatus } from './failures';
import { Expander, ExpansionError } from './expand';
import { matchPattern, mayGlob } from './glob';
import { runForked, withForkRetry } from './fork';
import { linkInterrupt } from './interrupt-link';
import { enterFunction, enterNesting, leaveFunction, leaveNesting } from './nesting';
import { loopRound } from './pace';
import { STRING_MAX } from './string-limit';
import { applyRedirects, RedirectError } from './redirect';
import type { Resolved, ShellState } from './state';
import {
  DiscardSignal,
  ExitSignal,
  exitStatus,
  type ForkedProcess,
  ForkError,
  InterruptSignal,
  isAbortError,
  LoopSignal,
  type ProgramContext,
  ReturnSignal,
} from './types';
import { traceCommand, traceLine, traceWord } from './xtrace';
import { runWithOwnContext } from '../programs/flavor';

/** bytes a command substitution may produce: as much as any value may hold (string-limit.ts) */
export const SUBSTITUTION_MAX = STRING_MAX;

const ERROR_TEXT = { 'no-such-file': 'No such file or directory', 'is-dir': 'Is a directory', 'permission-denied': 'Permission denied' };
/** the argv of a simple command whose words need no expansion (null: they do), per parsed command */
const literalWords = new WeakMap<SimpleCommand, readonly string[] | null>();

function literalArgv(cmd: SimpleCommand): readonly string[] | undefined {
  let argv = literalWords.get(cmd);
  if (argv === undefined) {
    argv = literalFields(cmd);
    literalWords.set(cmd, argv);
  }
  return argv ?? undefined;
}

/** a word of literal parts only is one field, its text, unless an unquoted part could glob */
function literalFields(cmd: SimpleCommand): string[] | null {
  const out: string[] = [];
  for (const w of cmd.words) {
    if (w.parts.length === 0) return null;
    let text = '';
    for (const p of w.parts) {
      if (p.kind !== 'lit') return null;
      if (!p.quoted && mayGlob(p.text)) return null;
      text += p.text;
    }
    out.push(text);
  }
  return out;
}

/**
 * what a loop does with an error from its body: `break` (true) and `continue`
 * (false) for this loop; anything else, and a break or continue for an outer
 * loop (one level fewer), passes on
 */
function loopStops(e: unknown): boolean {
  if (!(e instanceof LoopSignal)) throw e;
  if (e.levels > 1) {
    e.levels--;
    throw e;
  }
  return e.kind === 'break';
}

/** the assignments of a command without any (never written to) */
const NO_ASSIGNS: [string, string][] = [];

function checkInterrupt(io: ProcessIO): void {
  if (io.interrupt.aborted) throw new InterruptSignal();
}

/**
 * after a command: while its stdout is a full pipe, the shell waits for the
 * reader (a loop writing into `| tr a b` goes at the reader's pace); Ctrl-C
 * still ends the wait
 */
function waitWritable(io: ProcessIO): Promise<void> | undefined {
  // the usual case (nothing to wait for): no promise
  const full = io.stdout.drain?.();
  if (full === undefined) return undefined;
  return waitDrained(io, full);
}

async function waitDrained(io: ProcessIO, full: Promise<void>): Promise<void> {
  if (io.interrupt.aborted) throw new InterruptSignal();
  let onAbort: (() => void) | undefined;
  const interrupted = new Promise<void>((r) => {
    onAbort = () => r();
    io.interrupt.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([full, interrupted]);
  } finally {
    if (onAbort) io.interrupt.removeEventListener('abort', onAbort);
  }
  checkInterrupt(io);
}

export class Interpreter {
  expander(sh: ShellState, io: ProcessIO): Expander {
    return new Expander(sh, io, (s, body, sio) => this.substitute(s, body, sio));
  }

  /** $(…): run in a subshell, capture stdout */
  async substitute(sh: ShellState, body: List, io: ProcessIO): Promise<string> {
    // a substitution that never ends its output (`$(yes)`) is stopped at SUBSTITUTION_MAX: the shell is out of memory
    const stop = new AbortController();
    const unlink = linkInterrupt(io.interrupt, stop);
    const out = new CollectOutput(false, undefined, SUBSTITUTION_MAX, () => stop.abort());
    sh.traceLevel++;
    // bash (outside POSIX mode) and busybox ash run a command substitution without set -e; dash keeps it
    const errexit = sh.errexit;
    if (sh.flavor !== 'dash') sh.errexit = false;
    let status: number;
    try {
      const running = this.forkSubshell(sh, body, { ...io, stdout: out, interrupt: stop.signal });
      sh.errexit = errexit;
      status = await running;
    } catch (e) {
      if (out.overflowed && !io.interrupt.aborted) throw new OutOfMemoryError();
      throw e;
    } finally {
      sh.errexit = errexit;
      sh.traceLevel--;
      unlink();
    }
    if (out.overflowed) throw new OutOfMemoryError();
    sh.subStatus = status;
    return out.text();
  }

  /**
   * a subshell ($(…), ( … ), a pipeline stage): inside a container a forked
   * copy of the shell, listed in the process table; a lone simple command
   * execs in it, so the process shows that program (as bash and dash do)
   */
  async forkSubshell(sh: ShellState, body: List, io: ProcessIO): Promise<number> {
    const sub = sh.clone();
    const proc = sh.proc;
    if (!proc) return this.runSubshell(sub, body, io);
    const single = body.length === 1 && body[0].rest.length === 0 && !body[0].background && body[0].first.commands.length === 1 && body[0].first.commands[0].type === 'simple';
    const status = await withForkRetry(sh, io, () =>
      runForked(
        proc,
        [...proc.argv],
        io,
        (child, cio) => {
          sub.proc = child.control;
          sub.onSignal = child.onSignal;
          sub.execNext = single;
          return this.runSubshell(sub, body, cio);
        },
        // an interactive shell runs each foreground command in a process group of its own (job control)
        { newGroup: sh.interactive },
      ),
    );
    return status;
  }

  /** a subshell's body: `exit`, an abandoned command or a crash end the subshell only */
  async runSubshell(sub: ShellState, body: List, io: ProcessIO): Promise<number> {
    await enterNesting(sub);
    try {
      return await this.runList(sub, body, io);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal || e instanceof DiscardSignal) return e.status;
      const failed = failedStatus(sub, e, io);
      if (failed !== undefined) return failed;
      throw e;
    } finally {
      leaveNesting(sub);
    }
  }

  /** parse and run source text in this shell (eval, source, trap actions) */
  async evalString(sh: ShellState, src: string, io: ProcessIO): Promise<number> {
    let list: List;
    try {
      list = parseScript(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.stderr.write(`${sh.errPrefix(e.line)}${e.message}\n`);
        sh.status = 2;
        return 2;
      }
      throw e;
    }
    await enterNesting(sh);
    sh.traceLevel++;
    try {
      return await this.runList(sh, list, io);
    } finally {
      sh.traceLevel--;
      leaveNesting(sh);
    }
  }

  async runList(sh: ShellState, list: List, io: ProcessIO): Promise<number> {
    for (const ao of list) {
      checkInterrupt(io);
      if (ao.background) await startBackground(this, sh, ao, io);
      else if (ao.rest.length === 0 && ao.first.commands.length === 1 && !ao.first.bang) {
        // one command (the usual case), as runAndOr and runPipeline run it, without their promises
        const status = await this.runCommand(sh, ao.first.commands[0], io);
        sh.status = status;
        checkInterrupt(io);
        if (sh.errexit && status !== 0 && sh.conditionDepth === 0) throw new ExitSignal(status);
      } else await this.runAndOr(sh, ao, io);
      if (sh.pendingTraps.length) await this.runTraps(sh, io);
    }
    return sh.status;
  }

  /** run the actions of trapped signals that arrived (in the shell itself: `exit` in one ends it) */
  async runTraps(sh: ShellState, io: ProcessIO): Promise<void> {
    while (sh.pendingTraps.length) {
      const name = sh.pendingTraps.shift() as string;
      const action = sh.traps.get(name);
      if (!action) continue;
      const saved = sh.status;
      await this.evalString(sh, action, io);
      sh.status = saved;
    }
  }

  runAndOr(sh: ShellState, ao: AndOr, io: ProcessIO): Promise<number> {
    if (ao.rest.length > 0) return this.runAndOrChain(sh, ao, io);
    // one pipeline (the usual case): no frame of its own
    return this.runPipeline(sh, ao.first, io).then((status) => {
      if (sh.errexit && status !== 0 && sh.conditionDepth === 0 && !ao.first.bang) throw new ExitSignal(status);
      return status;
    });
  }

  private async runAndOrChain(sh: ShellState, ao: AndOr, io: ProcessIO): Promise<number> {
    const n = ao.rest.length;
    let status: number;
    let ranLast = n === 0;
    sh.conditionDepth += n > 0 ? 1 : 0;
    try {
      status = await this.runPipeline(sh, ao.first, io);
      for (let k = 0; k < n; k++) {
        const { op, pipeline } = ao.rest[k];
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
        const last = k === n - 1;
        if (last) sh.conditionDepth--;
        try {
          status = await this.runPipeline(sh, pipeline, io);
        } finally {
          if (last) sh.conditionDepth++;
        }
        ranLast = last;
      }
    } finally {
      sh.conditionDepth -= n > 0 ? 1 : 0;
    }
    const last = n ? ao.rest[n - 1].pipeline : ao.first;
    if (sh.errexit && ranLast && status !== 0 && sh.conditionDepth === 0 && !last.bang) throw new ExitSignal(status);
    return status;
  }

  runPipeline(sh: ShellState, p: Pipeline, io: ProcessIO): Promise<number> {
    if (p.commands.length === 1 && !p.bang) {
      // one command (the usual case): no frame of its own
      return this.runCommand(sh, p.commands[0], io).then((status) => {
        sh.status = status;
        checkInterrupt(io);
        return status;
      });
    }
    return this.runPipelineStages(sh, p, io);
  }

  private async runPipelineStages(sh: ShellState, p: Pipeline, io: ProcessIO): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      if (p.bang) sh.conditionDepth++;
      try {
        status = await this.runCommand(sh, p.commands[0], io);
      } finally {
        if (p.bang) sh.conditionDepth--;
      }
    } else {
      const n = p.commands.length;
      const pipes = Array.from({ length: n - 1 }, () => new Pipe());
      const stages = p.commands.map(async (cmd, k) => {
        const stageIo: ProcessIO = {
          stdin: k === 0 ? io.stdin : pipes[k - 1].input,
          stdout: k === n - 1 ? io.stdout : pipes[k].output,
          stderr: io.stderr,
          interrupt: io.interrupt,
          killed: io.killed,
        };
        try {
          return await this.forkSubshell(sh, [{ first: { bang: false, commands: [cmd] }, rest: [], background: false }], stageIo);
        } catch (e) {
          if (e instanceof BrokenPipeError) return 141;
          throw e;
        } finally {
          if (k < n - 1) pipes[k].close();
          if (k > 0) pipes[k - 1].closeReader();
        }
      });
      const results = await Promise.allSettled(stages);
      for (const r of results) if (r.status === 'rejected') throw r.reason;
      const statuses = results.map((r) => (r as PromiseFulfilledResult<number>).value);
      status = statuses[n - 1];
      // set -o pipefail: the last command that failed gives the pipeline's status
      if (sh.pipefail) status = statuses.findLast((s) => s !== 0) ?? 0;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    sh.status = status;
    checkInterrupt(io);
    return status;
  }

  runCommand(sh: ShellState, cmd: Command, io: ProcessIO): Promise<number> {
    if (cmd.type === 'simple') return this.runSimple(sh, cmd, io);
    if (cmd.type === 'function') {
      sh.functions.set(cmd.name, cmd.body);
      sh.status = 0;
      return Promise.resolve(0);
    }
    return this.runCompoundWithRedirects(sh, cmd, io);
  }

  private async runCompoundWithRedirects(sh: ShellState, cmd: Exclude<Command, SimpleCommand | { type: 'function' }>, io: ProcessIO): Promise<number> {
    if (cmd.redirects.length === 0) return (sh.status = await this.runCompound(sh, cmd, io));
    const ex = this.expander(sh, io);
    let r: Awaited<ReturnType<typeof applyRedirects>>;
    try {
      r = await applyRedirects(sh, ex, cmd.redirects, io);
    } catch (e) {
      return this.reportExpansion(sh, e, io, 1);
    }
    try {
      return (sh.status = await this.runCompound(sh, cmd, r.io));
    } finally {
      r.close();
    }
  }

  private async cond(sh: ShellState, list: List, io: ProcessIO): Promise<number> {
    sh.conditionDepth++;
    try {
      return await this.runList(sh, list, io);
    } finally {
      sh.conditionDepth--;
    }
  }

  private async runCompound(sh: ShellState, cmd: Exclude<Command, SimpleCommand | { type: 'function' }>, io: ProcessIO): Promise<number> {
    switch (cmd.type) {
      case 'group':
        return this.runList(sh, cmd.body, io);
      case 'subshell':
        return this.forkSubshell(sh, cmd.body, io);
      case 'if': {
        for (const c of cmd.clauses) if ((await this.cond(sh, c.cond, io)) === 0) return this.runList(sh, c.body, io);
        return cmd.otherwise ? this.runList(sh, cmd.otherwise, io) : 0;
      }
      case 'while':
      case 'until': {
        let status = 0;
        for (;;) {
          checkInterrupt(io);
          const pause = loopRound(sh.pace, io.interrupt);
          if (pause) {
            await pause;
            // a Ctrl-C read while the loop gave way stops it before another round
            checkInterrupt(io);
          }
          // the condition and the body run in this frame (no frame or object of their own per round)
          let c: number;
          sh.conditionDepth++;
          try {
            c = await this.runList(sh, cmd.cond, io);
          } finally {
            sh.conditionDepth--;
          }
          if ((c === 0) !== (cmd.type === 'while')) break;
          try {
            status = await this.runList(sh, cmd.body, io);
          } catch (e) {
            status = 0;
            if (loopStops(e)) break;
          }
        }
        return status;
      }
      case 'for': {
        let items: string[];
        try {
          items = cmd.items ? await this.expander(sh, io).fields(cmd.items) : [...sh.positional];
        } catch (e) {
          return this.reportExpansion(sh, e, io, 1);
        }
        let status = 0;
        for (const item of items) {
          checkInterrupt(io);
          const pause = loopRound(sh.pace, io.interrupt);
          if (pause) {
            await pause;
            // a Ctrl-C read while the loop gave way stops it before another round
            checkInterrupt(io);
          }
          if (sh.xtrace && sh.flavor === 'bash') traceLine(sh, io, ['for', cmd.name, 'in', ...items.map((w) => traceWord(sh, w))]);
          sh.set(cmd.name, item);
          const r = await this.loopBody(sh, cmd.body, io);
          status = r.status;
          if (r.stop) break;
        }
        return status;
      }
      case 'case': {
        const ex = this.expander(sh, io);
        let word: string;
        try {
          word = await ex.single(cmd.word);
          if (sh.xtrace && sh.flavor === 'bash') traceLine(sh, io, ['case', traceWord(sh, word), 'in']);
          for (const item of cmd.items) {
            for (const p of item.patterns) if (matchPattern(await ex.pattern(p), word)) return this.runList(sh, item.body, io);
          }
        } catch (e) {
          return this.reportExpansion(sh, e, io, 1);
        }
        return 0;
      }
    }
  }

  private async loopBody(sh: ShellState, body: List, io: ProcessIO): Promise<{ status: number; stop: boolean }> {
    try {
      return { status: await this.runList(sh, body, io), stop: false };
    } catch (e) {
      return { status: 0, stop: loopStops(e) };
    }
  }

  /**
   * an error while expanding or redirecting a command: the command fails (1);
   * `${x:?}` and set -u end a non-interactive shell (sh.fatal()); a bad
   * arithmetic expression abandons the rest of the command line in bash, and
   * is fatal in ash and dash
   */
  private reportExpansion(sh: ShellState, e: unknown, io: ProcessIO, line: number): number {
    if (e instanceof RedirectError) {
      io.stderr.write(`${sh.errPrefix(line)}${e.message}\n`);
      return (sh.status = 1);
    }
    if (e instanceof ExpansionError) {
      io.stderr.write(`${sh.expansionErrPrefix(line)}${e.message}\n`);
      if (e.kind === 'fatal') throw sh.fatal();
      if (e.kind === 'arith') throw sh.flavor === 'bash' ? new DiscardSignal(1) : sh.fatal();
      return (sh.status = 1);
    }
    throw e;
  }

  runSimple(sh: ShellState, cmd: SimpleCommand, io: ProcessIO): Promise<number> {
    sh.subStatus = undefined;
    // words without expansions (`echo hi`, `sleep 1`) are worked out once per parsed command
    const fixed = cmd.assigns.length === 0 ? literalArgv(cmd) : undefined;
    if (fixed === undefined || cmd.redirects.length !== 0 || fixed.length === 0) return this.runExpanded(sh, cmd, io, fixed);
    // no frame of its own: a loop runs such commands every round
    if (sh.xtrace) traceCommand(sh, io, NO_ASSIGNS, fixed);
    return this.invoke(sh, fixed.slice(), NO_ASSIGNS, io, cmd.line).then((status) => {
      sh.status = status;
      const full = waitWritable(io);
      return full ? full.then(() => sh.status) : status;
    });
  }

  private async runExpanded(sh: ShellState, cmd: SimpleCommand, io: ProcessIO, fixed: readonly string[] | undefined): Promise<number> {
    const assigns: [string, string][] = [];
    const ex = this.expander(sh, io);
    let argv: string[];
    try {
      argv = fixed ? fixed.slice() : await ex.fields(cmd.words);
      for (const a of cmd.assigns) assigns.push([a.name, await ex.single(a.value)]);
    } catch (e) {
      return this.reportExpansion(sh, e, io, cmd.line);
    }
    const subStatus = sh.subStatus ?? 0;
    if (sh.xtrace) traceCommand(sh, io, assigns, argv);
    if (argv.length === 0) {
      for (const [k, v] of assigns) sh.set(k, v);
      try {
        (await applyRedirects(sh, ex, cmd.redirects, io)).close();
      } catch (e) {
        return this.reportExpansion(sh, e, io, cmd.line);
      }
      return (sh.status = subStatus);
    }
    let r: Awaited<ReturnType<typeof applyRedirects>>;
    try {
      r = await applyRedirects(sh, ex, cmd.redirects, io);
    } catch (e) {
      return this.reportExpansion(sh, e, io, cmd.line);
    }
    try {
      sh.status = await this.invoke(sh, argv, assigns, r.io, cmd.line);
    } finally {
      r.close();
    }
    const full = waitWritable(r.io);
    if (full) await full;
    return sh.status;
  }

  /**
   * run a command name: function, builtin, or program (no frame of its own for
   * a builtin or a program: a loop runs several every round)
   */
  invoke(sh: ShellState, argv: string[], assigns: [string, string][], io: ProcessIO, line = 1): Promise<number> {
    try {
      return this.dispatch(sh, argv, assigns, io, line);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private dispatch(sh: ShellState, argv: string[], assigns: [string, string][], io: ProcessIO, line: number): Promise<number> {
    const name = argv[0];
    const fn = sh.functions.get(name);
    if (fn) return this.callFunction(sh, fn, argv, assigns, io, line);
    const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    if (builtin) {
      for (const [k, v] of assigns) sh.set(k, v);
      return this.guard(sh, name, io, () => builtin(sh, argv, io, this), false);
    }
    const env = assigns.length === 0 ? sh.env() : { ...sh.env(), ...Object.fromEntries(assigns) };
    const res = sh.resolver.resolve(name, env, sh.cwd);
    if (res.kind === 'error') {
      if (res.reason === 'not-found') io.stderr.write(sh.notFoundMessage(name, line));
      else io.stderr.write(`${sh.errPrefix(line)}${name}: ${ERROR_TEXT[res.reason]}\n`);
      return Promise.resolve(res.status);
    }
    return this.guard(sh, name, io, () => this.runResolved(sh, res, argv, io, env), true);
  }

  private async callFunction(sh: ShellState, fn: Command, argv: string[], assigns: [string, string][], io: ProcessIO, line: number): Promise<number> {
    const name = argv[0];
    sh.execNext = false;
    await enterFunction(sh, name, io, line);
    for (const [k, v] of assigns) sh.set(k, v);
    const saved = sh.positional;
    sh.positional = argv.slice(1);
    try {
      return await this.runCommand(sh, fn, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      sh.positional = saved;
      leaveFunction(sh);
    }
  }

  /**
   * run a program found by PATH: inside a container the shell forks a child
   * process for it (listed in ps / docker top), or replaces itself (exec, the
   * last command of a background job)
   */
  private runResolved(sh: ShellState, res: Extract<Resolved, { kind: 'program' }>, argv: string[], io: ProcessIO, env: Record<string, string>): Promise<number> {
    const proc = sh.proc;
    if (!proc) return runWithOwnContext(res.program, this.context(sh, argv, io, env));
    const procArgv = res.interpreter ? [...res.interpreter, argv[0].includes('/') ? argv[0] : res.path, ...argv.slice(1)] : argv;
    if (sh.execNext) {
      sh.execNext = false;
      proc.setArgv(procArgv);
      return runWithOwnContext(res.program, this.context(sh, argv, io, env));
    }
    return Promise.resolve(
      withForkRetry(sh, io, () =>
        runForked(proc, procArgv, io, (child, cio) => runWithOwnContext(res.program, this.context(sh, argv, cio, env, child)), { newGroup: sh.interactive }),
      ),
    );
  }

  /** what a program gets; `child`: it runs as a forked process (its signals, its process control) */
  context(sh: ShellState, argv: string[], io: ProcessIO, env: Record<string, string> = sh.env(), child?: ForkedProcess): ProgramContext {
    const interp = this;
    return {
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
      // methods, not arrow properties: nothing is made for them until a program calls them
      exec(args, io2, env2) {
        return interp.runProgram(sh, args, io2, env2 ?? env);
      },
      lookup(n) {
        const r = sh.resolver.resolve(n, env, sh.cwd);
        return r.kind === 'program' ? r.path : undefined;
      },
    };
  }

  /** run a program by PATH only (no functions or builtins): xargs, env, exec */
  async runProgram(sh: ShellState, argv: string[], io: ProcessIO, env: Record<string, string> = sh.env()): Promise<number> {
    const res = sh.resolver.resolve(argv[0], env, sh.cwd);
    if (res.kind === 'error') return res.status;
    return this.guard(sh, argv[0], io, () => this.runResolved(sh, res, argv, io, env), true);
  }

  /** the `exec` builtin: the program replaces the shell's process */
  async execProgram(sh: ShellState, argv: string[], io: ProcessIO): Promise<number> {
    sh.execNext = true;
    if (sh.resolver.resolve(argv[0], sh.env(), sh.cwd).kind === 'program') sh.releaseSignals?.();
    try {
      return await this.runProgram(sh, argv, io);
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
  private guard(sh: ShellState, name: string, io: ProcessIO, f: () => Promise<number>, program: boolean): Promise<number> {
    let running: Promise<number>;
    try {
      running = Promise.resolve(f());
    } catch (e) {
      return new Promise((resolve) => resolve(this.failure(sh, name, io, e, program)));
    }
    // no frame of its own: a loop runs a builtin or program every round
    return running.then(exitStatus, (e: unknown) => this.failure(sh, name, io, e, program));
  }

  /** what guard() makes of an error (`program`: it came from a program): a status, or it passes through */
  private failure(sh: ShellState, name: string, io: ProcessIO, e: unknown, program: boolean): number {
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
}
