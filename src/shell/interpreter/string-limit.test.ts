/**
 * One word, value or substitution holds at most STRING_MAX characters: a value
 * that doubles without end runs the shell out of memory as bash's xmalloc
 * does (status 2), long before the JavaScript heap, and fast.
 */
import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';
import { STRING_MAX } from './string-limit';

describe('string limit', () => {
  it('a function that doubles its argument at each call runs out of memory (g(){ g $1$1; }; g x)', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'g(){ g $1$1; }; g x; echo never'")).toEqual({ out: '', err: 'bash: xmalloc: cannot allocate memory\n', status: 2 });
  });

  it('a variable doubled 28 times runs out of memory; the words and values under the limit are whole', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'x=a; for i in $(seq 28); do x=$x$x; done; echo ${#x}'")).toEqual({ out: '', err: 'bash: xmalloc: cannot allocate memory\n', status: 2 });
    expect(await run(sh, "sh -c 'x=a; for i in $(seq 28); do x=$x$x; done; echo never'")).toEqual({ out: '', err: 'sh: out of memory\n', status: 2 });
    // 2^22 characters, under the limit: kept whole, split into the same fields
    expect(STRING_MAX).toBeGreaterThan(2 ** 22);
    expect(await run(sh, 'x=a; for i in $(seq 22); do x=$x$x; done; echo ${#x}; y="$x b"; set -- $y; echo $# ${#1}')).toEqual({ out: '4194304\n2 4194304\n', err: '', status: 0 });
  });
});
