import { describe, expect, it } from 'vitest';
import { UnionFs } from '../fs/union-fs';
import { setupWorkingDirectory } from './workdir';

const MERGED = '/var/lib/docker/overlay2/abc/merged';

function rootfs(): UnionFs {
  const fs = new UnionFs([]);
  fs.mkdir('/etc', { recursive: true });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  fs.mkdir('/bin', { recursive: true });
  fs.writeFile('/bin/busybox', '');
  fs.symlink('busybox', '/bin/sh');
  fs.symlink('/srv', '/data');
  return fs;
}

describe('setupWorkingDirectory (dockerd at container create)', () => {
  it('makes a missing directory with its parents, through symlinks', () => {
    const fs = rootfs();
    setupWorkingDirectory(fs, '/app/sub', MERGED);
    expect(fs.stat('/app/sub').type).toBe('dir');
    setupWorkingDirectory(fs, '/data/x', MERGED);
    expect(fs.lstat('/srv/x').type).toBe('dir');
    setupWorkingDirectory(fs, '/etc/passwd/../app', MERGED);
  });

  it('fails like Docker 20.10 on a file or below one', () => {
    const fs = rootfs();
    expect(() => setupWorkingDirectory(fs, '/etc/passwd', MERGED)).toThrow('Cannot mkdir: /etc/passwd is not a directory');
    expect(() => setupWorkingDirectory(fs, '/bin/sh', MERGED)).toThrow('Cannot mkdir: /bin/sh is not a directory');
    expect(() => setupWorkingDirectory(fs, '/etc/passwd/x/y', MERGED)).toThrow(`lstat ${MERGED}/etc/passwd/x: not a directory`);
    expect(() => setupWorkingDirectory(fs, '/bin/sh/x', MERGED)).toThrow(`lstat ${MERGED}/bin/busybox/x: not a directory`);
  });
});
