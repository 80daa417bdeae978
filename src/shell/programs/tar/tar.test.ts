import { describe, expect, it } from 'vitest';
import { isLazy, materialize, synthetic } from '../../../lib/content';
import { readTar } from '../../../lib/tar';
import { gunzipBytes } from '../gzip';
import { hostShell, run } from '../../testing/harness';

describe('tar (over src/lib/tar)', () => {
  it('writes a GNU archive padded to 10240 bytes that the shared reader reads back', async () => {
    const { sh, fs } = hostShell();
    await run(sh, 'mkdir -p d/sub && echo hello > d/sub/f && ln -s sub/f d/link && tar -cf /tmp/a.tar d');
    const bytes = fs.readFile('/tmp/a.tar');
    expect(bytes.length % 10240).toBe(0);
    const entries = readTar(bytes);
    expect(entries.map((e) => [e.name, e.type, e.size, e.linkname ?? ''])).toEqual([
      ['d/', 'dir', 0, ''],
      ['d/link', 'symlink', 0, 'sub/f'],
      ['d/sub/', 'dir', 0, ''],
      ['d/sub/f', 'file', 6, ''],
    ]);
  });

  it('lists verbosely and extracts files with their content', async () => {
    const { sh, fs } = hostShell();
    await run(sh, 'mkdir src && echo abc > src/x && tar -cf t.tar src && mkdir out && tar -xf t.tar -C out');
    expect(new TextDecoder().decode(fs.readFile('/root/out/src/x'))).toBe('abc\n');
    const v = await run(sh, 'tar -tvf t.tar');
    expect(v.out.split('\n')[1]).toMatch(/^-rw-r--r-- root\/root\s+4 \d{4}-\d\d-\d\d \d\d:\d\d src\/x$/);
  });

  it('says when the input is no archive', async () => {
    const { sh } = hostShell();
    const r = await run(sh, 'echo nope > n.tar; tar -tf n.tar');
    expect(r.status).toBe(2);
    expect(r.err).toBe('tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n');
  });

  it('-z writes and reads gzip archives (lazy files stay lazy: a lazy gzip file)', async () => {
    const { sh, fs } = hostShell();
    await run(sh, 'mkdir src && echo abc > src/x');
    fs.writeFile('/root/src/big', synthetic('/usr/bin/big', 2_000_000));
    const c = await run(sh, 'tar -czf t.tgz src && mkdir out && tar -xzf t.tgz -C out && cat out/src/x && tar -tzf t.tgz');
    expect(c.out).toBe('abc\nsrc/\nsrc/big\nsrc/x\n');
    expect(isLazy(fs.readContent('/root/t.tgz'))).toBe(true);
    expect(isLazy(fs.readContent('/root/out/src/big'))).toBe(true);
    // the archive is a real gzip file of a real tar
    expect(readTar(gunzipBytes(materialize(fs.readContent('/root/t.tgz')))).map((e) => e.name)).toEqual(['src/', 'src/big', 'src/x']);
    // the tutorial's form: long options, --strip-components
    const strip = await run(sh, 'mkdir -p /usr/src/x && tar -xzf t.tgz -C /usr/src/x --strip-components=1 && ls /usr/src/x && tar --extract --gzip --file t.tgz --directory /tmp && ls /tmp/src');
    expect(strip.out).toBe('big\nx\nbig\nx\n');
    const bad = await run(sh, 'echo nope > n.tgz; tar -tzf n.tgz');
    expect([bad.status, bad.err]).toEqual([2, '\ngzip: stdin: not in gzip format\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n']);
  });
});
