/**
 * Subshells and what runs source in this shell: command substitution $(…)
 * (its output captured, stopped at SUBSTITUTION_MAX), ( … ) and pipeline
 * stages as forked copies of the shell, and eval/source/trap text.
 */
import type { ProcessIO } from '../../api/io';
import { CollectOutput, OutOfMemoryError } from '../io/streams';
import type { List } from '../parser/ast';
import { ShellSyntaxError, parseScript } from '../parser/parser';
import type { Interpreter } from './exec';
import { Expander } from './expand';
import { failedStatus } from './failures';
import { runForked, withForkRetry } from './fork';
import { linkInterrupt } from './interrupt-link';
import { enterNesting, leaveNesting } from './nesting';
import { runList } from './pipeline';
import type { ShellState } from './state';
import { STRING_MAX } from './string-limit';
import { DiscardSignal, ExitSignal, ReturnSignal } from './types';

/** bytes a command substitution may produce: as much as any value may hold (string-limit.ts) */
export const SUBSTITUTION_MAX = STRING_MAX;

export function expander(interp: Interpreter, sh: ShellState, io: ProcessIO): Expander {
  return new Expander(sh, io, (s, body, sio) => substitute(interp, s, body, sio));
}

/** $(…): run in a subshell, capture stdout */
export async function substitute(interp: Interpreter, sh: ShellState, body: List, io: ProcessIO): Promise<string> {
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
    const running = forkSubshell(interp, sh, body, { ...io, stdout: out, interrupt: stop.signal });
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
export async function forkSubshell(interp: Interpreter, sh: ShellState, body: List, io: ProcessIO): Promise<number> {
  const sub = sh.clone();
  const proc = sh.proc;
  if (!proc) return runSubshell(interp, sub, body, io);
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
        return runSubshell(interp, sub, body, cio);
      },
      // an interactive shell runs each foreground command in a process group of its own (job control)
      { newGroup: sh.interactive },
    ),
  );
  return status;
}

/** a subshell's body: `exit`, an abandoned command or a crash end the subshell only */
export async function runSubshell(interp: Interpreter, sub: ShellState, body: List, io: ProcessIO): Promise<number> {
  await enterNesting(sub);
  try {
    return await runList(interp, sub, body, io);
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
export async function evalString(interp: Interpreter, sh: ShellState, src: string, io: ProcessIO): Promise<number> {
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
    return await runList(interp, sh, list, io);
  } finally {
    sh.traceLevel--;
    leaveNesting(sh);
  }
}
