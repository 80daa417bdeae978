/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell source text, not templates */
import { describe, expect, it } from 'vitest';
import type { Program } from './types';
import { hostShell, run, settle, testIO } from '../testing/harness';

describe('expansions', () => {
  it('expands variables, $?, tilde, arithmetic and command substitution', async () => {
    const { sh } = hostShell();
    await run(sh, 'A=1; B="x  y"');
    expect((await run(sh, 'echo $A ${A} "$B" $B ~ ~/d $((A + 2 * 3))')).out).toBe('1 1 x  y x y /root /root/d 7\n');
    expect((await run(sh, 'false; echo $?')).out).toBe('1\n');
    expect((await run(sh, 'echo "$(echo hi; echo there)" `echo back`')).out).toBe('hi\nthere back\n');
    expect((await run(sh, 'echo ${NOPE:-def} ${A:+set} ${#B}')).out).toBe('def set 4\n');
    expect((await run(sh, 'F=a.tar.gz; echo ${F%.gz} ${F%%.*} ${F#*.}')).out).toBe('a.tar a tar.gz\n');
    expect((await run(sh, "echo 'a\\b' \"a\\\\b\" a\\ b")).out).toBe('a\\b a\\b a b\n');
    expect((await run(sh, 'echo line\\\ncontinued')).out).toBe('linecontinued\n');
  });

  it('passes temporary assignments and exports to programs', async () => {
    const seen: Record<string, string>[] = [];
    const envProgram: Program = async (ctx) => {
      seen.push(ctx.env);
      return 0;
    };
    const { sh } = hostShell({ showenv: envProgram });
    await run(sh, 'X=1 showenv; export Y=2; Z=3; showenv');
    expect(seen[0].X).toBe('1');
    expect(seen[1].X).toBeUndefined();
    expect(seen[1].Y).toBe('2');
    expect(seen[1].Z).toBeUndefined();
  });

  it('globs against the filesystem and splits words', async () => {
    const { sh, fs } = hostShell();
    for (const f of ['a.txt', 'b.txt', 'c.log']) fs.writeFile(`/root/${f}`, '');
    expect((await run(sh, 'echo *.txt [ab]* ?.log "*.txt" nomatch*')).out).toBe('a.txt b.txt a.txt b.txt c.log *.txt nomatch*\n');
    expect((await run(sh, 'for f in $(echo "1 2"   3); do echo [$f]; done')).out).toBe('[1]\n[2]\n[3]\n');
    expect((await run(sh, 'set -- "a b" c; for x in "$@"; do echo $x; done; echo $#')).out).toBe('a b\nc\n2\n');
  });
});

describe('control flow', () => {
  it('runs if/elif/else, case, functions, && ||, !, subshells and groups', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'if false; then echo 1; elif true; then echo 2; else echo 3; fi')).out).toBe('2\n');
    expect((await run(sh, 'x=foo.c; case $x in *.h) echo h;; *.c|*.cc) echo c;; esac')).out).toBe('c\n');
    expect((await run(sh, 'greet() { echo "hi $1"; return 3; }; greet bob; echo $?')).out).toBe('hi bob\n3\n');
    expect((await run(sh, 'false && echo no || echo yes; ! false; echo $?')).out).toBe('yes\n0\n');
    expect((await run(sh, '(cd /tmp; pwd); pwd; { cd /tmp; }; pwd')).out).toBe('/tmp\n/root\n/tmp\n');
    expect((await run(sh, 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); if [ $i = 2 ]; then continue; fi; echo $i; done')).out).toBe('1\n3\n');
    expect((await run(sh, 'for i in 1 2 3; do for j in a b; do echo $i$j; break 2; done; done')).out).toBe('1a\n');
  });

  it('exit ends the shell with its status; syntax errors give 2', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'echo a ;; echo b')).toEqual({ out: '', err: "bash: syntax error near unexpected token `;;'\n", status: 2 });
    expect((await run(sh, 'exit 3')).status).toBe(3);
    expect(sh.exited).toBe(true);
  });

  it('reports missing programs like bash', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'nosuch arg')).toEqual({ out: '', err: 'bash: nosuch: command not found\n', status: 127 });
    expect(await run(sh, './nosuch')).toEqual({ out: '', err: 'bash: ./nosuch: No such file or directory\n', status: 127 });
    expect((await run(sh, 'cd /nope')).err).toBe('bash: cd: /nope: No such file or directory\n');
  });
});

describe('redirects and pipes', () => {
  it('redirects stdout, stderr, appends and reads', async () => {
    const { sh, fs } = hostShell();
    await run(sh, 'echo one > f; echo two >> f; cat nosuch 2> err; cat f nosuch > both 2>&1; echo x &> all; echo q >/dev/null');
    const text = (p: string) => new TextDecoder().decode(fs.readFile(p));
    expect(text('/root/f')).toBe('one\ntwo\n');
    expect(text('/root/err')).toBe('cat: nosuch: No such file or directory\n');
    expect(text('/root/both')).toBe('one\ntwo\ncat: nosuch: No such file or directory\n');
    expect(text('/root/all')).toBe('x\n');
    expect((await run(sh, 'wc -l < f; cat <<EOF\nhi $HOME\nEOF\ncat <<< "here"')).out).toBe('2\nhi /root\nhere\n');
    expect((await run(sh, 'echo x > /nodir/f')).err).toBe('bash: /nodir/f: No such file or directory\n');
  });

  it('carries bytes through pipes and files unchanged', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const emit: Program = async (ctx) => {
      ctx.io.stdout.write(bytes);
      return 0;
    };
    const { sh, fs } = hostShell({ emit });
    await run(sh, 'emit > bin.dat; cat bin.dat | cat > copy.dat');
    expect(fs.readFile('/root/copy.dat')).toEqual(bytes);
  });

  it('stops writers when the reader is gone (head)', async () => {
    const { sh } = hostShell();
    const r = await run(sh, 'while true; do echo y; done | head -3');
    expect(r.out).toBe('y\ny\ny\n');
  });
});

describe('time and interrupts', () => {
  it('prints 4 lines in 3.5 s of a sleep-1 loop, then Ctrl-C gives 130', async () => {
    const { sh, clock } = hostShell();
    const t = testIO();
    const done = sh.run('while true; do echo hello world; sleep 1; done', t.io);
    await clock.advance(3500);
    t.controller.abort();
    expect(await done).toBe(130);
    expect(t.out.text()).toBe('hello world\n'.repeat(4));
    expect((await run(sh, 'echo $?')).out).toBe('130\n');
  });

  it('sleep waits on the injected clock', async () => {
    const { sh, clock } = hostShell();
    const t = testIO();
    let finished = false;
    const p = sh.run('sleep 2; echo done', t.io).then((s) => {
      finished = true;
      return s;
    });
    await clock.advance(1999);
    expect(finished).toBe(false);
    await clock.advance(1);
    await settle();
    expect(await p).toBe(0);
    expect(t.out.text()).toBe('done\n');
  });
});

describe('sub-shells on the host', () => {
  it('bash -c and sh -c run with their own error prefixes', async () => {
    const { sh } = hostShell();
    expect(await run(sh, "bash -c 'echo $0 $1; nosuch' x y")).toEqual({ out: 'x y\n', err: 'x: line 1: nosuch: command not found\n', status: 127 });
    expect((await run(sh, "sh -c 'nosuch'")).err).toBe('sh: 1: nosuch: not found\n');
  });

  it('runs an executable script by path', async () => {
    const { sh, fs } = hostShell();
    fs.writeFile('/root/s.sh', '#!/bin/sh\necho "args: $@"\nexit 4\n', 0o755);
    expect(await run(sh, './s.sh a b')).toEqual({ out: 'args: a b\n', err: '', status: 4 });
    fs.writeFile('/root/n.sh', 'echo', 0o644);
    expect(await run(sh, './n.sh')).toEqual({ out: '', err: 'bash: ./n.sh: Permission denied\n', status: 126 });
  });
});
