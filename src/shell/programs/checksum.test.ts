import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';

describe('checksums and base64', () => {
  it('md5sum, sha1sum, sha256sum, sha512sum of stdin and files; -c', async () => {
    const { sh: host, fs } = hostShell();
    expect((await run(host, 'echo hello | md5sum')).out).toBe('b1946ac92492d2347c6235b4d2611184  -\n');
    expect((await run(host, 'echo hello | sha256sum')).out).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  -\n');
    expect((await run(host, 'echo hello | sha1sum')).out).toBe('f572d396fae9206628714fb2ce00f72e94f2258f  -\n');
    expect((await run(host, 'echo hello | sha512sum')).out).toMatch(/^e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629 {2}-\n$/);
    fs.writeFile('/root/a.txt', 'hello\n');
    await run(host, 'sha256sum a.txt > sums');
    expect((await run(host, 'sha256sum -c sums')).out).toBe('a.txt: OK\n');
    fs.writeFile('/root/a.txt', 'changed\n');
    const bad = await run(host, 'sha256sum -c sums');
    expect([bad.status, bad.out, bad.err]).toEqual([1, 'a.txt: FAILED\n', 'sha256sum: WARNING: 1 computed checksum did NOT match\n']);
    expect((await run(host, 'md5sum nope')).err).toBe('md5sum: nope: No such file or directory\n');
    expect((await sh('md5sum /nope')).err).toBe("md5sum: can't open '/nope': No such file or directory\n");
  });

  it('base64 encodes with 76-column lines and decodes', async () => {
    const { sh: host } = hostShell();
    expect((await run(host, 'echo hello | base64')).out).toBe('aGVsbG8K\n');
    expect((await run(host, 'echo aGVsbG8K | base64 -d')).out).toBe('hello\n');
    expect((await run(host, 'seq 100 | base64')).out.split('\n')[0]).toHaveLength(76);
    expect((await run(host, 'seq 100 | base64 -w 0')).out.split('\n')).toHaveLength(2);
    const bad = await run(host, 'echo "%%%" | base64 -d');
    expect([bad.status, bad.err]).toEqual([1, 'base64: invalid input\n']);
  });
});
