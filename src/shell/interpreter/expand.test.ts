/** Field splitting (IFS) as POSIX words it, on words of any size: slices of the expansions, never a character at a time. */
import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';

describe('field splitting', () => {
  it('keeps quoted and unquoted runs, IFS white-space runs, empty IFS and patterns', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'z=" p  q "; for w in [$z] "$z"x; do echo "<$w>"; done')).out).toBe('<[>\n<p>\n<q>\n<]>\n< p  q x>\n');
    expect((await run(sh, 'IFS=; y="a b"; for w in $y; do echo "<$w>"; done; unset IFS; mkdir -p /tmp/s && touch /tmp/s/a1 && p="/tmp/s/a*"; echo $p "$p"')).out).toBe('<a b>\n/tmp/s/a1 /tmp/s/a*\n');
  });

  it('an IFS character that is not white space ends a field of its own, empty ones too; white space around it goes with it', async () => {
    const { sh } = hostShell();
    const each = (v: string) => `for w in ${v}; do printf '<%s>' "$w"; done; echo`;
    expect((await run(sh, `IFS=:; x=a::b:c; ${each('$x')}; x=:a:; ${each('$x')}; y=b:; ${each('$x$y')}`)).out).toBe('<a><><b><c>\n<><a>\n<><a><b>\n');
    expect((await run(sh, `IFS=': '; x=' a : b  c :: d'; ${each('$x')}`)).out).toBe('<a><b><c><><d>\n');
  });
});
