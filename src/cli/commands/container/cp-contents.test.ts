import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../../client/in-process/cli-sandbox.test-helper';
import { rebaseEntries } from './cp-archive';

describe('docker cp of a directory\'s contents (SRC/.)', () => {
  it('rebases "./…" members on the new name like strings.Replace(name, ".", dst, 1)', () => {
    const e = (name: string) => ({ name, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 });
    expect(rebaseEntries([e('./'), e('./a.txt'), e('./sub/b.txt')], '.', 'contents').map((x) => x.name)).toEqual(['contents/', 'contents/a.txt', 'contents/sub/b.txt']);
    expect(rebaseEntries([e('dir1/'), e('dir1/dir1/x')], 'dir1', 'new').map((x) => x.name)).toEqual(['new/', 'new/dir1/x']);
  });

  it('creates the destination with the contents in both directions', async () => {
    const { docker, hostFs } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker run -d --name box busybox sleep 1000');
    hostFs.mkdir('/work/dir1/sub', { recursive: true });
    hostFs.writeFile('/work/dir1/a.txt', 'a\n');
    hostFs.writeFile('/work/dir1/sub/b.txt', 'b\n');
    expect((await docker('docker cp dir1/. box:/tmp/contents')).status).toBe(0);
    expect((await docker('docker exec box ls /tmp/contents')).out).toBe('a.txt\nsub\n');
    expect((await docker('docker cp box:/tmp/contents/. ./merged')).status).toBe(0);
    expect(new TextDecoder().decode(hostFs.readFile('/work/merged/sub/b.txt'))).toBe('b\n');
  });

  it('a destination with a trailing slash that is a file fails os.Stat', async () => {
    const { docker, hostFs } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker run -d --name box busybox sleep 1000');
    hostFs.writeFile('/work/hello.txt', 'hi\n');
    const r = await docker('docker cp box:/etc/hostname hello.txt/');
    expect(r.err).toBe('stat /work/hello.txt/: not a directory\n');
    expect(r.status).toBe(1);
  });
});
