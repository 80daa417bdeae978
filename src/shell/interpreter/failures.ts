/**
 * When the shell itself fails as its C original would: a crash (SIGSEGV, from
 * recursion without end: status 139, "Segmentation fault" from the parent)
 * and running out of memory (bash's xmalloc, busybox's "out of memory").
 * JavaScript's own failures (a RangeError: call stack, string or array length)
 * become one of these; their texts never reach the learner.
 */
import type { ProcessIO } from '../../api/io';
import type { ShellState } from './state';
import { CrashSignal } from './types';

/** what a shell prints when a process it waited for crashed (a subshell, `sh -c` …) */
export function crashReport(): string {
  return 'Segmentation fault\n';
}

/** a JavaScript failure that is the shell's process failing: out of stack (a crash), out of memory */
export function processFailure(e: unknown): 'crash' | 'memory' | undefined {
  if (e instanceof CrashSignal) return 'crash';
  if (!(e instanceof RangeError)) return undefined;
  if (/call stack/i.test(e.message)) return 'crash';
  if (/Invalid (string|array|typed array) length|allocation failed|out of memory/i.test(e.message)) return 'memory';
  return undefined;
}

/**
 * the status a shell process ends with after `e` (reporting it as its parent
 * or the shell itself would), undefined when `e` is no such failure
 */
export function failedStatus(sh: ShellState, e: unknown, io: ProcessIO): number | undefined {
  const kind = processFailure(e);
  if (kind === 'crash') {
    io.stderr.write(crashReport());
    return 139;
  }
  if (kind === 'memory') {
    io.stderr.write(sh.flavor === 'bash' ? `${sh.name}: xmalloc: cannot allocate memory\n` : `${sh.name}: out of memory\n`);
    return 2;
  }
  return undefined;
}
