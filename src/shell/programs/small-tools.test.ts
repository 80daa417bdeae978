import { describe, expect, it } from 'vitest';
import { containerRun, sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';

describe('small tools', () => {
  it('nproc, uptime, tty, printenv, groups, logname', async () => {
    const { sh: host } = hostShell();
    expect((await run(host, 'nproc')).out).toBe('2\n');
    expect((await run(host, 'uptime')).out).toMatch(/^ \d\d:\d\d:\d\d up {2}3:17, {2}1 user, {2}load average: 0\.00, 0\.01, 0\.00\n$/);
    expect((await run(host, 'tty')).out).toBe('not a tty\n');
    expect((await run(host, 'printenv HOME NOPE')).out).toBe('/root\n');
    expect((await run(host, 'printenv NOPE')).status).toBe(1);
    expect((await run(host, 'logname')).out).toBe('root\n');
    expect((await containerRun(['groups'], { user: 'nobody' })).out).toBe('nogroup\n');
  });

  it('cmp, fold, strings, truncate, mktemp', async () => {
    const { sh: host, fs } = hostShell();
    fs.writeFile('/root/a', 'one\ntwo\n');
    fs.writeFile('/root/b', 'one\nTwo\n');
    fs.writeFile('/root/c', 'one\ntwo\nthree\n');
    const d = await run(host, 'cmp a b');
    expect([d.status, d.out]).toEqual([1, 'a b differ: byte 5, line 2\n']);
    expect((await run(host, 'cmp a c')).err).toBe('cmp: EOF on a after byte 8, line 2\n');
    expect((await run(host, 'cmp a a')).status).toBe(0);
    expect((await run(host, 'echo abcdefgh | fold -w 3')).out).toBe('abc\ndef\ngh\n');
    expect((await run(host, 'printf "ab\\001hello world\\002x" | strings')).out).toBe('hello world\n');
    expect((await run(host, 'truncate -s 2 a && cat a')).out).toBe('on');
    const t = await run(host, 'mktemp');
    expect(t.out).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
    expect(fs.stat(t.out.trim()).mode).toBe(0o600);
    expect((await run(host, 'mktemp -d')).out).not.toBe(t.out);
  });

  it('timeout ends a command after its time with 124; pidof finds container processes', async () => {
    const { sh: host, clock } = hostShell();
    const pending = run(host, 'timeout 2 sleep 10');
    await clock.advance(2000);
    const r = await pending;
    expect(r.status).toBe(124);
    expect((await run(host, 'timeout 5 true')).status).toBe(0);
    const p = await containerRun(['pidof', 'sleep'], { processes: [{ pid: 1, ppid: 0, user: 'root', argv: ['sleep', '100'], started: 0, tty: false }] });
    expect(p.out).toBe('1\n');
    expect((await sh('pidof nothing')).status).toBe(1);
  });
});
