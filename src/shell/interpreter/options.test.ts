/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell source text, not templates */
/** Shell options as bash, ash and dash take them: at start (`bash -euo pipefail -c`), with `set`, in `$-`. */
import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';

describe('options a shell is started with', () => {
  it('bash -o pipefail -c and bash -euo pipefail -c (a Dockerfile SHELL line)', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -o pipefail -c 'false | true; echo $?; true | false | true; echo $?'")).toEqual({ out: '1\n1\n', err: '', status: 0 });
    expect(await run(sh, "bash -c 'false | true; echo $?'")).toEqual({ out: '0\n', err: '', status: 0 });
    expect(await run(sh, "bash -euo pipefail -c 'echo $-; false | true; echo not here'")).toEqual({ out: 'ehuBc\n', err: '', status: 1 });
    expect(await run(sh, "bash -eu -c 'echo $NOPE; echo not here'")).toEqual({ out: '', err: 'bash: NOPE: unbound variable\n', status: 127 });
  });

  it('sh -ec stops at the first failing command, sh -xc traces', async () => {
    const { sh } = hostShell();
    // bash runs a command substitution without -e (dash keeps it)
    expect(await run(sh, "bash -ec 'x=$(false; echo after); echo \"[$x]\"; f(){ false; echo in-f; }; f || echo caught; (false; echo sub); echo no'")).toEqual({
      out: '[after]\nin-f\n',
      err: '',
      status: 1,
    });
    expect(await run(sh, "sh -ec 'x=$(false; echo after); echo \"[$x]\"'")).toEqual({ out: '', err: '', status: 1 });
    expect(await run(sh, "sh -ec 'echo one; false; echo two'")).toEqual({ out: 'one\n', err: '', status: 1 });
    expect(await run(sh, "sh -ec 'if false; then :; fi; false || echo ok; ! true; echo end'")).toEqual({ out: 'ok\nend\n', err: '', status: 0 });
    expect(await run(sh, "bash -xc 'x=\"a b\"; echo $x \"$x\" $(echo in)'")).toEqual({
      out: 'a b a b in\n',
      err: "+ x='a b'\n++ echo in\n+ echo a b 'a b' in\n",
      status: 0,
    });
    expect(await run(sh, "bash -c -e 'false; echo no'")).toEqual({ out: '', err: '', status: 1 });
  });

  it('rejects options the shell does not have, in its words', async () => {
    const { sh } = hostShell();
    expect((await run(sh, "bash -o nosuch -c 'echo hi'")).err).toBe('bash: bash: nosuch: invalid option name\n');
    const bad = await run(sh, "bash -q -c 'echo hi'");
    expect(bad.status).toBe(2);
    expect(bad.err.split('\n').slice(0, 2)).toEqual(['bash: -q: invalid option', 'Usage:\tbash [GNU long option] [option] ...']);
    expect(await run(sh, 'bash -c')).toEqual({ out: '', err: 'bash: -c: option requires an argument\n', status: 2 });
    expect(await run(sh, "sh -q -c 'echo'")).toEqual({ out: '', err: 'sh: 0: Illegal option -q\n', status: 2 });
  });
});

describe('set', () => {
  it('set -e, set -u, set -x and set -o pipefail in a running shell', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'set -o pipefail; false | true; echo $?; set +o pipefail; false | true; echo $?'")).toEqual({ out: '1\n0\n', err: '', status: 0 });
    expect(await run(sh, "bash -c 'set -x; echo \"a b\" 2>/dev/null; set +x; echo quiet'")).toEqual({ out: 'a b\nquiet\n', err: "+ echo 'a b'\n+ set +x\n", status: 0 });
    expect(await run(sh, "bash -c 'set -u; echo ${X:-default} ${#}; echo $X; echo no'")).toEqual({ out: 'default 0\n', err: 'bash: X: unbound variable\n', status: 127 });
    expect(await run(sh, "sh -c 'set -u; echo $X'")).toEqual({ out: '', err: 'sh: 1: X: parameter not set\n', status: 2 });
    expect(await run(sh, "bash -c 'for i in 1 2; do set -e; done; set -x; for i in a; do :; done; case q in q) :;; esac'")).toEqual({
      out: '',
      err: '+ for i in a\n+ :\n+ case q in\n+ :\n',
      status: 0,
    });
  });

  it('set -o and set +o list the options as bash and dash do', async () => {
    const { sh } = hostShell();
    const bash = (await run(sh, "bash -e -o pipefail -c 'set -o'")).out.split('\n');
    expect(bash).toContain('errexit        \ton');
    expect(bash).toContain('pipefail       \ton');
    expect(bash).toContain('hashall        \ton');
    expect(bash).toContain('interactive-comments\ton');
    expect(bash).toContain('xtrace         \toff');
    const commands = (await run(sh, "bash -c 'set +o'")).out.split('\n');
    expect(commands).toContain('set -o braceexpand');
    expect(commands).toContain('set +o errexit');
    const dash = (await run(sh, "sh -eu -c 'set -o'")).out.split('\n');
    expect(dash[0]).toBe('Current option settings');
    expect(dash).toContain('errexit         on');
    expect(dash).toContain('nounset         on');
  });

  it('says what is wrong with a bad option', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'set -o nosuch; echo $?')).toEqual({ out: '2\n', err: 'bash: set: nosuch: invalid option name\n', status: 0 });
    expect((await run(sh, 'set -q')).err).toBe('bash: set: -q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
  });

  it('$- shows the options, the interactive shell its own letters', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'echo $-')).out).toBe('himBHs\n');
    expect((await run(sh, "bash -c 'echo $-'; bash -ux -c 'echo $-' 2>/dev/null; sh -eu -c 'echo $-'")).out).toBe('hBc\nhuxBc\nue\n');
  });

  it('set -f stops pathname expansion, set -C protects files, set -a exports', async () => {
    const { sh, fs } = hostShell();
    fs.writeFile('/root/a.txt', 'x');
    expect((await run(sh, 'set -f; echo *.txt; set +f; echo *.txt')).out).toBe('*.txt\na.txt\n');
    expect(await run(sh, 'set -C; echo y > a.txt; echo $?; echo z >| a.txt; set +C; cat a.txt')).toEqual({
      out: '1\nz\n',
      err: 'bash: a.txt: cannot overwrite existing file\n',
      status: 0,
    });
    expect((await run(sh, "set -a; V=1; set +a; W=2; bash -c 'echo $V$W'")).out).toBe('1\n');
  });
});

describe('${x:?} and errors that end the shell', () => {
  it('bash: 127 from bash -c, 1 from a script, and the rest of the line is dropped when interactive', async () => {
    const { sh, fs } = hostShell();
    expect(await run(sh, "bash -c 'echo ${A:?msg}; echo after'")).toEqual({ out: '', err: 'bash: A: msg\n', status: 127 });
    expect(await run(sh, "bash -c 'echo ${A:?}'")).toEqual({ out: '', err: 'bash: A: parameter null or not set\n', status: 127 });
    expect(await run(sh, "bash -c 'x=$(echo ${A:?m}); echo after $?'")).toEqual({ out: 'after 1\n', err: 'bash: A: m\n', status: 0 });
    fs.writeFile('/root/s.sh', 'echo ${A:?msg}\necho after\n');
    expect(await run(sh, 'bash s.sh')).toEqual({ out: '', err: 's.sh: line 1: A: msg\n', status: 1 });
    expect(await run(sh, 'echo ${A:?msg}; echo same line')).toEqual({ out: '', err: 'bash: A: msg\n', status: 1 });
    expect((await run(sh, 'echo $?')).out).toBe('1\n');
  });

  it('ash and dash end with 2, in their words', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "sh -c 'echo ${A:?msg}; echo after'")).toEqual({ out: '', err: 'sh: 1: A: msg\n', status: 2 });
    expect(await run(sh, "sh -c 'echo ${A?}'")).toEqual({ out: '', err: 'sh: 1: A: parameter not set\n', status: 2 });
  });

  it('a bad arithmetic expression abandons the rest of the line in bash', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'echo $((1/0)); echo same\necho next'")).toEqual({
      out: 'next\n',
      err: 'bash: 1/0: division by 0 (error token is "0")\n',
      status: 0,
    });
  });
});
