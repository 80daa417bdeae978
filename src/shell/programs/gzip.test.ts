import { describe, expect, it } from 'vitest';
import { concatContent, contentSize, isLazy, materialize, synthetic } from '../../lib/content';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';
import { gunzipBytes, gzipBytes, isGzip } from './gzip';

describe('gzip, gunzip, zcat', () => {
  it('a lazy file (an image tar) gets a lazy gzip file: its size at once, the same bytes when read, back without inflating', async () => {
    const { sh: host, fs } = hostShell();
    fs.writeFile('/root/big.tar', concatContent([new TextEncoder().encode('head'), synthetic('/usr/sbin/nginx', 3_000_000)]));
    expect((await run(host, 'gzip -k big.tar && ls')).out).toBe('big.tar\nbig.tar.gz\n');
    const gz = fs.readContent('/root/big.tar.gz');
    expect(isLazy(gz)).toBe(true);
    expect(contentSize(gz)).toBeGreaterThan(900_000);
    expect(contentSize(gz)).toBeLessThan(1_400_000);
    // the bytes are a real gzip file
    expect(gunzipBytes(materialize(gz)).length).toBe(3_000_004);
    const want = (await run(host, 'sha256sum < big.tar')).out;
    expect((await run(host, 'zcat big.tar.gz | sha256sum')).out).toBe(want);
    expect((await run(host, 'cat big.tar | gzip | gunzip | sha256sum')).out).toBe(want);
    expect((await run(host, 'gzip -l big.tar.gz')).out).toContain(` 3000004 `);
  });


  it('real deflate that round-trips, with gzip headers', () => {
    const data = new TextEncoder().encode('hello '.repeat(1000));
    const packed = gzipBytes(data, { name: 'x.txt', mtime: 1_700_000_000_000 });
    expect(isGzip(packed)).toBe(true);
    expect(packed.length).toBeLessThan(100);
    expect(packed[3] & 8).toBe(8);
    expect(new TextDecoder().decode(gunzipBytes(packed))).toBe('hello '.repeat(1000));
    expect(() => gunzipBytes(new TextEncoder().encode('not gzip at all, really'))).toThrow('not in gzip format');
  });

  it('files on the host: replace, keep, refuse to overwrite, unknown suffix', async () => {
    const { sh: host, fs } = hostShell();
    fs.writeFile('/root/hello.txt', 'hello\n');
    expect((await run(host, 'gzip hello.txt && ls && zcat hello.txt.gz')).out).toBe('hello.txt.gz\nhello\n');
    expect((await run(host, 'gunzip hello.txt.gz && cat hello.txt && gzip -k hello.txt && ls')).out).toBe('hello\nhello.txt\nhello.txt.gz\n');
    const again = await run(host, 'gzip hello.txt');
    expect([again.status, again.err]).toEqual([2, 'gzip: hello.txt.gz already exists;\tnot overwritten\n']);
    const suffix = await run(host, 'gunzip hello.txt');
    expect([suffix.status, suffix.err]).toEqual([2, 'gzip: hello.txt: unknown suffix -- ignored\n']);
    const missing = await run(host, 'zcat missing.gz');
    expect([missing.status, missing.err]).toEqual([1, 'gzip: missing.gz: No such file or directory\n']);
    expect((await run(host, 'echo hi | gzip | gunzip')).out).toBe('hi\n');
    const bad = await run(host, 'echo plain | gunzip');
    expect([bad.status, bad.err]).toEqual([1, 'gzip: stdin: not in gzip format\n']);
  });

  it("busybox's words", async () => {
    expect((await sh('echo hello | gzip | gunzip')).out).toBe('hello\n');
    const r = await sh('echo x > /tmp/d && gunzip /tmp/d');
    expect([r.status, r.err]).toEqual([1, 'gunzip: /tmp/d: unknown suffix - ignored\n']);
    expect((await sh('zcat /nonexist.gz')).err).toBe('zcat: /nonexist.gz: No such file or directory\n');
    expect((await sh('seq 1 300 > /tmp/l && gzip /tmp/l && zcat /tmp/l.gz | tail -n 1')).out).toBe('300\n');
  });
});
