/**
 * One command of a pipeline: a simple command (simple.ts), a function
 * definition, or a compound command with its redirections: { … }, ( … ), if,
 * while/until, for, case. Loops give way to the rest of the machine each
 * round (pace.ts) and end on break/continue.
 */
import type { ProcessIO } from '../../api/io';
import type { Command, List, SimpleCommand } from '../parser/ast';
import type { Interpreter } from './exec';
import { matchPattern } from './glob';
import { loopRound } from './pace';
import { commandDone, isOneCommand, runList, runListItem, runTraps } from './pipeline';
import { applyRedirects } from './redirect';
import { reportExpansion, runSimple } from './simple';
import type { ShellState } from './state';
import { expander, forkSubshell } from './subshell';
import { checkInterrupt, LoopSignal } from './types';
import { traceLine, traceWord } from './xtrace';

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

export function runCommand(interp: Interpreter, sh: ShellState, cmd: Command, io: ProcessIO): Promise<number> {
  if (cmd.type === 'simple') return runSimple(interp, sh, cmd, io);
  if (cmd.type === 'function') {
    sh.functions.set(cmd.name, cmd.body);
    sh.status = 0;
    return Promise.resolve(0);
  }
  return runCompoundWithRedirects(interp, sh, cmd, io);
}

async function runCompoundWithRedirects(interp: Interpreter, sh: ShellState, cmd: Exclude<Command, SimpleCommand | { type: 'function' }>, io: ProcessIO): Promise<number> {
  if (cmd.redirects.length === 0) return (sh.status = await runCompound(interp, sh, cmd, io));
  const ex = expander(interp, sh, io);
  let r: Awaited<ReturnType<typeof applyRedirects>>;
  try {
    r = await applyRedirects(sh, ex, cmd.redirects, io);
  } catch (e) {
    return reportExpansion(sh, e, io, 1);
  }
  try {
    return (sh.status = await runCompound(interp, sh, cmd, r.io));
  } finally {
    r.close();
  }
}

async function cond(interp: Interpreter, sh: ShellState, list: List, io: ProcessIO): Promise<number> {
  sh.conditionDepth++;
  try {
    return await runList(interp, sh, list, io);
  } finally {
    sh.conditionDepth--;
  }
}

async function runCompound(interp: Interpreter, sh: ShellState, cmd: Exclude<Command, SimpleCommand | { type: 'function' }>, io: ProcessIO): Promise<number> {
  switch (cmd.type) {
    case 'group':
      return runList(interp, sh, cmd.body, io);
    case 'subshell':
      return forkSubshell(interp, sh, cmd.body, io);
    case 'if': {
      for (const c of cmd.clauses) if ((await cond(interp, sh, c.cond, io)) === 0) return runList(interp, sh, c.body, io);
      return cmd.otherwise ? runList(interp, sh, cmd.otherwise, io) : 0;
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
        // the condition and the body run in this frame (no frame or object of their own per round),
        // as runList runs them (its steps, pipeline.ts), without runList's promise per list
        let c: number;
        sh.conditionDepth++;
        try {
          const list = cmd.cond;
          for (let i = 0; i < list.length; i++) {
            const ao = list[i];
            checkInterrupt(io);
            if (isOneCommand(ao)) commandDone(sh, await runCommand(interp, sh, ao.first.commands[0], io), io);
            else await runListItem(interp, sh, ao, io);
            if (sh.pendingTraps.length) await runTraps(interp, sh, io);
          }
          c = sh.status;
        } finally {
          sh.conditionDepth--;
        }
        if ((c === 0) !== (cmd.type === 'while')) break;
        try {
          const list = cmd.body;
          for (let i = 0; i < list.length; i++) {
            const ao = list[i];
            checkInterrupt(io);
            if (isOneCommand(ao)) commandDone(sh, await runCommand(interp, sh, ao.first.commands[0], io), io);
            else await runListItem(interp, sh, ao, io);
            if (sh.pendingTraps.length) await runTraps(interp, sh, io);
          }
          status = sh.status;
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
        items = cmd.items ? await expander(interp, sh, io).fields(cmd.items) : [...sh.positional];
      } catch (e) {
        return reportExpansion(sh, e, io, 1);
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
        const r = await loopBody(interp, sh, cmd.body, io);
        status = r.status;
        if (r.stop) break;
      }
      return status;
    }
    case 'case': {
      const ex = expander(interp, sh, io);
      let word: string;
      try {
        word = await ex.single(cmd.word);
        if (sh.xtrace && sh.flavor === 'bash') traceLine(sh, io, ['case', traceWord(sh, word), 'in']);
        for (const item of cmd.items) {
          for (const p of item.patterns) if (matchPattern(await ex.pattern(p), word)) return runList(interp, sh, item.body, io);
        }
      } catch (e) {
        return reportExpansion(sh, e, io, 1);
      }
      return 0;
    }
  }
}

async function loopBody(interp: Interpreter, sh: ShellState, body: List, io: ProcessIO): Promise<{ status: number; stop: boolean }> {
  try {
    return { status: await runList(interp, sh, body, io), stop: false };
  } catch (e) {
    return { status: 0, stop: loopStops(e) };
  }
}
