/**
 * How deep a shell may nest functions, subshells, eval and source.
 *
 * bash stops a function that calls itself at FUNCNEST with an error
 * (`bash: f: maximum function nesting level exceeded (1000)`) that abandons
 * the command being run. Without FUNCNEST, bash 5.2 recurses until it
 * crashes; we give it the error at 1000 levels instead. ash and dash have no
 * limit: they crash (SIGSEGV, status 139), and so does our shell there, at
 * MAX_NESTING levels, as a CrashSignal that ends that shell process only.
 *
 * Each level starts its work on a fresh JavaScript stack (an `await` of
 * nothing every few levels), so nothing of ours ever runs out of stack.
 */
import type { ProcessIO } from '../../api/io';
import type { ShellState } from './state';
import { CrashSignal, DiscardSignal } from './types';

/** bash's function nesting limit when FUNCNEST is not set (bash itself would crash) */
export const FUNCNEST_DEFAULT = 1000;
/** nesting of functions, subshells, eval and source at which a shell crashes like its C original */
export const MAX_NESTING = 2000;
/** levels between two fresh stacks */
const STACK_EVERY = 8;

/** the limit bash applies: FUNCNEST when it is a positive number (at most ours), else the default */
function funcnestLimit(sh: ShellState): number {
  const v = sh.get('FUNCNEST')?.trim() ?? '';
  const n = /^\d+$/.test(v) ? Number(v) : 0;
  return n > 0 ? Math.min(n, FUNCNEST_DEFAULT) : FUNCNEST_DEFAULT;
}

/** one more level of nesting (a subshell, eval, source): throws CrashSignal past MAX_NESTING */
export async function enterNesting(sh: ShellState): Promise<void> {
  if (sh.nesting >= MAX_NESTING) throw new CrashSignal();
  sh.nesting++;
  if (sh.nesting % STACK_EVERY === 0) await null;
}

export function leaveNesting(sh: ShellState): void {
  sh.nesting--;
}

/** a function call one level deeper: bash's FUNCNEST error (DiscardSignal), or a crash */
export async function enterFunction(sh: ShellState, name: string, io: ProcessIO, line: number): Promise<void> {
  if (sh.flavor === 'bash') {
    const limit = funcnestLimit(sh);
    if (sh.funcNest >= limit) {
      io.stderr.write(`${sh.errPrefix(line)}${name}: maximum function nesting level exceeded (${limit})\n`);
      throw new DiscardSignal(1);
    }
  }
  await enterNesting(sh);
  sh.funcNest++;
}

export function leaveFunction(sh: ShellState): void {
  sh.funcNest--;
  sh.nesting--;
}
