/**
 * Executes the syntax tree: lists, and-or, pipelines (stages run concurrently,
 * connected by byte pipes), simple commands (functions, builtins, programs)
 * and compound commands. Ctrl-C (io.interrupt) ends the foreground job with 130.
 *
 * The Interpreter is what builtins, sessions and scripts hold; the work is
 * done by functions that take it, one concept per file:
 * - pipeline.ts: lists, and-or lists, pipelines, trap actions between commands
 * - compound.ts: one command of a pipeline; if, loops, case, { … }, ( … )
 * - simple.ts: a simple command's expansion, assignments and redirections
 * - invoke.ts: a command name run as function, builtin or program
 * - subshell.ts: subshells, $(…), eval/source text
 */
import type { ProcessIO } from '../../api/io';
import type { List } from '../parser/ast';
import { context, execProgram, invoke, runProgram } from './invoke';
import { runList } from './pipeline';
import type { ShellState } from './state';
import { evalString, runSubshell } from './subshell';
import type { ForkedProcess, ProgramContext } from './types';

export { SUBSTITUTION_MAX } from './subshell';

export class Interpreter {
  /** a subshell's body: `exit`, an abandoned command or a crash end the subshell only */
  runSubshell(sub: ShellState, body: List, io: ProcessIO): Promise<number> {
    return runSubshell(this, sub, body, io);
  }

  /** parse and run source text in this shell (eval, source, trap actions) */
  evalString(sh: ShellState, src: string, io: ProcessIO): Promise<number> {
    return evalString(this, sh, src, io);
  }

  runList(sh: ShellState, list: List, io: ProcessIO): Promise<number> {
    return runList(this, sh, list, io);
  }

  /** run a command name: function, builtin, or program */
  invoke(sh: ShellState, argv: string[], assigns: [string, string][], io: ProcessIO, line?: number): Promise<number> {
    return invoke(this, sh, argv, assigns, io, line);
  }

  /** what a program gets; `child`: it runs as a forked process (its signals, its process control) */
  context(sh: ShellState, argv: string[], io: ProcessIO, env?: Record<string, string>, child?: ForkedProcess): ProgramContext {
    return context(this, sh, argv, io, env, child);
  }

  /** run a program by PATH only (no functions or builtins): xargs, env, exec */
  runProgram(sh: ShellState, argv: string[], io: ProcessIO, env?: Record<string, string>): Promise<number> {
    return runProgram(this, sh, argv, io, env);
  }

  /** the `exec` builtin: the program replaces the shell's process */
  execProgram(sh: ShellState, argv: string[], io: ProcessIO): Promise<number> {
    return execProgram(this, sh, argv, io);
  }
}
