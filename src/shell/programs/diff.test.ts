import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';
import { editScript } from './diff';

describe('diff', () => {
  it('a shortest edit script', () => {
    const ops = editScript(['one', 'two', 'three'], ['one', '2', 'three', 'four']);
    expect(ops.map((o) => o.kind)).toEqual(['same', 'del', 'add', 'same', 'add']);
  });

  it('GNU: normal format by default, unified with -u, exit 1 when different', async () => {
    const { sh: host, fs } = hostShell();
    fs.writeFile('/root/a', 'one\ntwo\nthree\n');
    fs.writeFile('/root/b', 'one\n2\nthree\nfour\n');
    const n = await run(host, 'diff a b');
    expect([n.status, n.out]).toEqual([1, '2c2\n< two\n---\n> 2\n3a4\n> four\n']);
    const u = await run(host, 'diff -u a b');
    expect(u.out.split('\n').slice(2).join('\n')).toBe('@@ -1,3 +1,4 @@\n one\n-two\n+2\n three\n+four\n');
    expect(u.out).toMatch(/^--- a\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n\+\+\+ b\t/);
    expect((await run(host, 'diff a a')).status).toBe(0);
    expect((await run(host, 'diff -q a b')).out).toBe('Files a and b differ\n');
    const missing = await run(host, 'diff a nope');
    expect([missing.status, missing.err]).toEqual([2, 'diff: nope: No such file or directory\n']);
    fs.writeFile('/root/c', 'x\ny');
    fs.writeFile('/root/d', 'x\nz\n');
    expect((await run(host, 'diff c d')).out).toBe('2c2\n< y\n\\ No newline at end of file\n---\n> z\n');
  });

  it('busybox: unified without timestamps', async () => {
    const r = await sh('printf "one\\ntwo\\n" > /tmp/1 && printf "one\\n2\\n" > /tmp/2 && diff /tmp/1 /tmp/2');
    expect([r.status, r.out]).toEqual([1, '--- /tmp/1\n+++ /tmp/2\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n']);
  });
});
