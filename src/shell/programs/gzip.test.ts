import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';
import { gunzipBytes, gzipBytes, isGzip } from './gzip';

describe('gzip, gunzip, zcat', () => {
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
