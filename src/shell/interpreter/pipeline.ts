/**
 * Lists (`a; b`), and-or lists (`a && b || c`) and pipelines (`a | b`: the
 * stages run concurrently as subshells, connected by byte pipes), with set -e
 * and the trap actions run between commands.
 */
import type { ProcessIO } from '../../api/io';
import { BrokenPipeError, Pipe } from '../io/streams';
import type { AndOr, List, Pipeline } from '../parser/ast';
import { startBackground } from './background';
import { runCommand } from './compound';
import type { Interpreter } from './exec';
import type { ShellState } from './state';
import { evalString, forkSubshell } from './subshell';
import { checkInterrupt, ExitSignal } from './types';

export async function runList(interp: Interpreter, sh: ShellState, list: List, io: ProcessIO): Promise<number> {
  // an index, not for-of: no iterator object per list (a loop runs two lists every round)
  for (let i = 0; i < list.length; i++) {
    const ao = list[i];
    checkInterrupt(io);
    // one command (the usual case), as runAndOr and runPipeline run it, without their promises
    if (isOneCommand(ao)) commandDone(sh, await runCommand(interp, sh, ao.first.commands[0], io), io);
    else await runListItem(interp, sh, ao, io);
    if (sh.pendingTraps.length) await runTraps(interp, sh, io);
  }
  return sh.status;
}

/*
 * runList's steps, for a loop that runs its condition and body in its own
 * frame (compound.ts) as runList would, without runList's promise per list:
 * per item, checkInterrupt(io); then a lone command is awaited and given to
 * commandDone(), anything else awaited with runListItem(); then pending traps.
 */

/** a list item that is one command: run by runCommand, not runAndOr */
export function isOneCommand(ao: AndOr): boolean {
  return !ao.background && ao.rest.length === 0 && ao.first.commands.length === 1 && !ao.first.bang;
}

/** after a lone command: its status, a Ctrl-C, set -e */
export function commandDone(sh: ShellState, status: number, io: ProcessIO): void {
  sh.status = status;
  checkInterrupt(io);
  if (sh.errexit && status !== 0 && sh.conditionDepth === 0) throw new ExitSignal(status);
}

/** a list item that is not one command: a background job or an and-or list */
export function runListItem(interp: Interpreter, sh: ShellState, ao: AndOr, io: ProcessIO): Promise<unknown> {
  return ao.background ? startBackground(interp, sh, ao, io) : runAndOr(interp, sh, ao, io);
}

/** run the actions of trapped signals that arrived (in the shell itself: `exit` in one ends it) */
export async function runTraps(interp: Interpreter, sh: ShellState, io: ProcessIO): Promise<void> {
  while (sh.pendingTraps.length) {
    const name = sh.pendingTraps.shift() as string;
    const action = sh.traps.get(name);
    if (!action) continue;
    const saved = sh.status;
    await evalString(interp, sh, action, io);
    sh.status = saved;
  }
}

export function runAndOr(interp: Interpreter, sh: ShellState, ao: AndOr, io: ProcessIO): Promise<number> {
  if (ao.rest.length > 0) return runAndOrChain(interp, sh, ao, io);
  // one pipeline (the usual case): no frame of its own
  return runPipeline(interp, sh, ao.first, io).then((status) => {
    if (sh.errexit && status !== 0 && sh.conditionDepth === 0 && !ao.first.bang) throw new ExitSignal(status);
    return status;
  });
}

async function runAndOrChain(interp: Interpreter, sh: ShellState, ao: AndOr, io: ProcessIO): Promise<number> {
  const n = ao.rest.length;
  let status: number;
  let ranLast = n === 0;
  sh.conditionDepth += n > 0 ? 1 : 0;
  try {
    status = await runPipeline(interp, sh, ao.first, io);
    for (let k = 0; k < n; k++) {
      const { op, pipeline } = ao.rest[k];
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      const last = k === n - 1;
      if (last) sh.conditionDepth--;
      try {
        status = await runPipeline(interp, sh, pipeline, io);
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

export function runPipeline(interp: Interpreter, sh: ShellState, p: Pipeline, io: ProcessIO): Promise<number> {
  if (p.commands.length === 1 && !p.bang) {
    // one command (the usual case): no frame of its own
    return runCommand(interp, sh, p.commands[0], io).then((status) => {
      sh.status = status;
      checkInterrupt(io);
      return status;
    });
  }
  return runPipelineStages(interp, sh, p, io);
}

async function runPipelineStages(interp: Interpreter, sh: ShellState, p: Pipeline, io: ProcessIO): Promise<number> {
  let status: number;
  if (p.commands.length === 1) {
    if (p.bang) sh.conditionDepth++;
    try {
      status = await runCommand(interp, sh, p.commands[0], io);
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
        return await forkSubshell(interp, sh, [{ first: { bang: false, commands: [cmd] }, rest: [], background: false }], stageIo);
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
