import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';
import { evaluateExpr } from './expr';

describe('tac, rev, nl, paste, yes, realpath, readlink, expr', () => {
  it('line tools', async () => {
    const { sh: host } = hostShell();
    expect((await run(host, 'seq 5 | tac | paste -s -d,')).out).toBe('5,4,3,2,1\n');
    expect((await run(host, 'echo hello world | rev')).out).toBe('dlrow olleh\n');
    expect((await run(host, 'printf "a\\nb\\n" | nl')).out).toBe('     1\ta\n     2\tb\n');
    expect((await run(host, 'yes | head -n 2')).out).toBe('y\ny\n');
    expect((await run(host, 'yes no | head -n 1')).out).toBe('no\n');
    expect((await run(host, 'seq 3 > a; seq 4 6 > b; paste a b')).out).toBe('1\t4\n2\t5\n3\t6\n');
  });

  it('symlinks resolved', async () => {
    expect((await sh('readlink /bin/sh; realpath /usr/../bin/sh; readlink -f /bin/sh')).out).toBe('/bin/busybox\n/bin/busybox\n/bin/busybox\n');
  });

  it('expr arithmetic, comparison, matching and its exit status', async () => {
    expect(evaluateExpr(['6', '*', '7'])).toBe('42');
    expect(evaluateExpr(['(', '1', '+', '2', ')', '*', '3'])).toBe('9');
    expect(evaluateExpr(['abc', ':', 'a\\(.\\)'])).toBe('b');
    expect(evaluateExpr(['abcd', ':', 'ab'])).toBe('2');
    expect(evaluateExpr(['length', 'hello'])).toBe('5');
    expect(evaluateExpr(['10', '>', '9'])).toBe('1');
    const { sh: host } = hostShell();
    expect((await run(host, 'expr 1 - 1')).status).toBe(1);
    expect((await run(host, 'expr 1 / 0')).err).toBe('expr: division by zero\n');
    expect((await run(host, 'expr a + 1')).err).toBe('expr: non-integer argument\n');
  });
});
