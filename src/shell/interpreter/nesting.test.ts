/** Recursion without end: bash's FUNCNEST error, ash's crash, and never a JavaScript failure. */
import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';

describe('functions that call themselves', () => {
  it('bash stops at its nesting limit and abandons the command line', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'f(){ f; }; f; echo same line')).toEqual({ out: '', err: 'bash: f: maximum function nesting level exceeded (1000)\n', status: 1 });
    expect((await run(sh, 'echo $?')).out).toBe('1\n');
    expect(await run(sh, 'cd(){ cd "$@"; }; cd /tmp; unset -f cd; pwd')).toEqual({
      out: '',
      err: 'bash: cd: maximum function nesting level exceeded (1000)\n',
      status: 1,
    });
    expect((await run(sh, 'unset -f cd; cd /tmp; pwd')).out).toBe('/tmp\n');
  });

  it('FUNCNEST sets the limit; bash -c names the function\'s source "environment"', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'FUNCNEST=5; g(){ g; }; g; echo no'")).toEqual({
      out: '',
      err: 'environment: line 1: g: maximum function nesting level exceeded (5)\n',
      status: 1,
    });
    expect(await run(sh, "bash -c 'FUNCNEST=3; f(){ f; }\nf\necho next $?'")).toEqual({
      out: 'next 1\n',
      err: 'environment: line 1: f: maximum function nesting level exceeded (3)\n',
      status: 0,
    });
    expect((await run(sh, "bash -c 'FUNCNEST=3; f(){ f; }; (f); echo sub $?; x=$(f); echo cs $?' 2>/dev/null")).out).toBe('sub 1\ncs 1\n');
    // a shallow recursion is fine
    expect((await run(sh, 'n(){ if [ $1 -gt 0 ]; then n $(($1 - 1)); else echo bottom; fi; }; n 300')).out).toBe('bottom\n');
  });

  it('dash (and ash) have no limit: the shell crashes with SIGSEGV, its parent says so', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "sh -c 'f(){ f; }; f'; echo $?")).toEqual({ out: '139\n', err: 'Segmentation fault\n', status: 0 });
    expect(await run(sh, "sh -c '(f(){ f; }; f); echo survived $?'")).toEqual({ out: 'survived 139\n', err: 'Segmentation fault\n', status: 0 });
  });

  it('eval and source recursion end as a crash of the shell, not of the simulator', async () => {
    const { sh, fs } = hostShell();
    fs.writeFile('/root/self.sh', '. ./self.sh\n');
    expect(await run(sh, "bash -c '. ./self.sh'; echo $?")).toEqual({ out: '139\n', err: 'Segmentation fault\n', status: 0 });
  });

  it('source text nested past any stack is a crash of the shell that reads it', async () => {
    const { sh } = hostShell();
    const deep = `echo ${'$( '.repeat(3000)}x${' )'.repeat(3000)}`;
    expect(await run(sh, `sh -c '${deep}'; echo $?`)).toEqual({ out: '139\n', err: 'Segmentation fault\n', status: 0 });
    expect(await run(sh, deep)).toEqual({ out: '', err: 'Segmentation fault\n', status: 139 });
  });
});
