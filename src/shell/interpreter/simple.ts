/**
 * A simple command (`X=1 cmd args >file`): its words expanded (literal words
 * worked out once per parsed command), its assignments and redirections, then
 * the command name run (invoke.ts); afterwards the shell waits while its
 * stdout is a full pipe. Expansion and redirection errors become statuses.
 */
import type { ProcessIO } from '../../api/io';
import type { SimpleCommand } from '../parser/ast';
import type { Interpreter } from './exec';
import { ExpansionError } from './expand';
import { mayGlob } from './glob';
import { invoke } from './invoke';
import { applyRedirects, RedirectError } from './redirect';
import type { ShellState } from './state';
import { expander } from './subshell';
import { checkInterrupt, DiscardSignal, InterruptSignal } from './types';
import { traceCommand } from './xtrace';

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

/** the assignments of a command without any (never written to) */
const NO_ASSIGNS: [string, string][] = [];

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

/**
 * an error while expanding or redirecting a command: the command fails (1);
 * `${x:?}` and set -u end a non-interactive shell (sh.fatal()); a bad
 * arithmetic expression abandons the rest of the command line in bash, and
 * is fatal in ash and dash
 */
export function reportExpansion(sh: ShellState, e: unknown, io: ProcessIO, line: number): number {
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

export function runSimple(interp: Interpreter, sh: ShellState, cmd: SimpleCommand, io: ProcessIO): Promise<number> {
  sh.subStatus = undefined;
  // words without expansions (`echo hi`, `sleep 1`) are worked out once per parsed command
  const fixed = cmd.assigns.length === 0 ? literalArgv(cmd) : undefined;
  if (fixed === undefined || cmd.redirects.length !== 0 || fixed.length === 0) return runExpanded(interp, sh, cmd, io, fixed);
  // no frame of its own: a loop runs such commands every round
  if (sh.xtrace) traceCommand(sh, io, NO_ASSIGNS, fixed);
  return invoke(interp, sh, fixed.slice(), NO_ASSIGNS, io, cmd.line, commandEnded);
}

/** after a simple command run by runSimple: its status, and the wait on a full pipe */
function commandEnded(sh: ShellState, io: ProcessIO, status: number): number | Promise<number> {
  sh.status = status;
  const full = waitWritable(io);
  return full ? full.then(() => sh.status) : status;
}

async function runExpanded(interp: Interpreter, sh: ShellState, cmd: SimpleCommand, io: ProcessIO, fixed: readonly string[] | undefined): Promise<number> {
  const assigns: [string, string][] = [];
  const ex = expander(interp, sh, io);
  let argv: string[];
  try {
    argv = fixed ? fixed.slice() : await ex.fields(cmd.words);
    for (const a of cmd.assigns) assigns.push([a.name, await ex.single(a.value)]);
  } catch (e) {
    return reportExpansion(sh, e, io, cmd.line);
  }
  const subStatus = sh.subStatus ?? 0;
  if (sh.xtrace) traceCommand(sh, io, assigns, argv);
  if (argv.length === 0) {
    for (const [k, v] of assigns) sh.set(k, v);
    try {
      (await applyRedirects(sh, ex, cmd.redirects, io)).close();
    } catch (e) {
      return reportExpansion(sh, e, io, cmd.line);
    }
    return (sh.status = subStatus);
  }
  let r: Awaited<ReturnType<typeof applyRedirects>>;
  try {
    r = await applyRedirects(sh, ex, cmd.redirects, io);
  } catch (e) {
    return reportExpansion(sh, e, io, cmd.line);
  }
  try {
    sh.status = await invoke(interp, sh, argv, assigns, r.io, cmd.line);
  } finally {
    r.close();
  }
  const full = waitWritable(r.io);
  if (full) await full;
  return sh.status;
}
