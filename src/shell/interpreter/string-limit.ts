/**
 * The most text one shell value may hold: a word after expansion, a
 * variable's value, a command substitution's output. bash has no such limit
 * of its own and dies when malloc fails (`bash: xmalloc: cannot allocate
 * memory`, status 2); a shell in a browser tab must fail the same way long
 * before the JavaScript heap does (`g(){ g $1$1; }; g x`, `x=$x$x` 28 times
 * would reach gigabytes): past STRING_MAX the shell process runs out of memory.
 */
import { OutOfMemoryError } from '../io/streams';

/** characters one word, value or substitution may hold (32 Mi: a JavaScript string holds about 512 Mi) */
export const STRING_MAX = 32 * 1024 * 1024;

/** throws the shell's out-of-memory failure when `length` is past STRING_MAX */
export function checkStringSize(length: number): void {
  if (length > STRING_MAX) throw new OutOfMemoryError();
}
