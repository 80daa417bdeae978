import { describe, expect, it } from 'vitest';
import { imageFs } from '../testing/catalog-fs';
import { sh } from '../testing/container-run';
import { countingReads } from '../testing/counting-fs';
import { hostShell, run } from '../testing/harness';

// recorded on Docker 20.10 (busybox 1.35) and on Debian's GNU grep 3.8:
// mkdir -p d/e; echo hi > d/e/f; ln -s e d/l; ln -s nowhere d/x; ln -s e/f d/lf
const TREE = 'mkdir -p /d/e && echo hi > /d/e/f && ln -s e /d/l && ln -s nowhere /d/x && ln -s e/f /d/lf';

describe('grep -r and -R over links', () => {
  it('busybox: -r reads a link to a file, skips a link to a directory; a link that leads nowhere is reported and the status stays 0', async () => {
    const r = await sh(`${TREE}; grep -r hi /d; echo rc=$?; grep -R hi /d; echo rc=$?; grep -rl hi /d/l; echo rc=$?`);
    expect(r.out).toBe('/d/e/f:hi\n/d/lf:hi\nrc=0\n/d/e/f:hi\n/d/l/f:hi\n/d/lf:hi\nrc=0\n/d/l/f\nrc=0\n');
    expect(r.err).toBe('grep: /d/x: No such file or directory\ngrep: /d/x: No such file or directory\n');
  });

  it("busybox: a missing operand is `grep: FILE: text` in its turn, and makes the status 2", async () => {
    const r = await sh(`${TREE}; grep -rl nothing /d /srv; echo rc=$?; grep x /nope; echo rc=$?`);
    expect(r.out).toBe('rc=2\nrc=2\n');
    expect(r.err).toBe('grep: /d/x: No such file or directory\ngrep: /srv: No such file or directory\ngrep: /nope: No such file or directory\n');
  });

  it('-r with one file operand names no file, as without -r (busybox and GNU)', async () => {
    expect((await sh(`${TREE}; grep -r hi /d/e/f; grep -r hi /d/e`)).out).toBe('hi\n/d/e/f:hi\n');
    const { sh: host } = hostShell();
    await run(host, TREE.replaceAll('/d', '/tmp/d'));
    expect((await run(host, 'grep -r hi /tmp/d/e/f /tmp/d/lf; grep -r hi /tmp/d/e/f')).out).toBe('/tmp/d/e/f:hi\n/tmp/d/lf:hi\nhi\n');
  });

  it('GNU: -r skips every link below its operands; -R follows them and a link that leads nowhere makes the status 2', async () => {
    const { sh: host } = hostShell();
    await run(host, TREE.replaceAll('/d', '/tmp/d'));
    expect(await run(host, 'cd /tmp; grep -r hi d')).toMatchObject({ out: 'd/e/f:hi\n', err: '', status: 0 });
    expect(await run(host, 'cd /tmp; grep -R hi d')).toMatchObject({ out: 'd/e/f:hi\nd/l/f:hi\nd/lf:hi\n', err: 'grep: d/x: No such file or directory\n', status: 2 });
    expect(await run(host, 'cd /tmp; grep -r hi d/l')).toMatchObject({ out: 'd/l/f:hi\n', status: 0 });
  });

  it('-R round a loop of links: busybox goes on until the kernel says ELOOP, GNU warns and steps over it', async () => {
    const loop = 'mkdir -p /d/e && echo hi > /d/e/f && ln -s .. /d/e/up';
    const r = await sh(`${loop}; grep -R hi /d | wc -l; echo rc=$?`);
    expect(r.out).toBe('41\nrc=0\n');
    expect(r.err).toBe(`grep: /d${'/e/up'.repeat(41)}: Too many levels of symbolic links\n`);
    const { sh: host } = hostShell();
    await run(host, loop.replaceAll('/d', '/tmp/d'));
    expect(await run(host, 'cd /tmp; grep -R hi d')).toMatchObject({ out: 'd/e/f:hi\n', err: 'grep: d/e/up: warning: recursive directory loop\n', status: 0 });
  });

  it('a file reached through many links is read once (busybox /bin: the fuzzer found `grep -rl x /` slow)', async () => {
    const fs = imageFs('busybox', 'latest');
    const counting = countingReads(fs, '/w/');
    const links = Array.from({ length: 60 }, (_, i) => `ln -s big /w/l${i}`).join(' && ');
    await sh(`mkdir /w && seq 1 2000 > /w/big && ${links}`, { fs });
    const r = await sh('grep -rl 5 /w | wc -l; grep -rc 1999 /w | sort -u -t: -k2', { fs: counting.fs });
    expect(r.out).toBe('61\n/w/big:1\n');
    expect(r.err).toBe('');
    expect(counting.reads()).toBe(2);
  });
});
