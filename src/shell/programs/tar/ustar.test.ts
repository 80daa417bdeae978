import { describe, expect, it } from 'vitest';
import { readTar, type TarEntry, writeTar } from './ustar';

const base = { mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 1700000000, linkname: '' };

describe('ustar', () => {
  it('round-trips files, dirs, symlinks and long names', () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(120)}`;
    const entries: TarEntry[] = [
      { ...base, name: 'bin/', type: 'dir', mode: 0o755, data: new Uint8Array(0) },
      { ...base, name: 'bin/sh', type: 'symlink', linkname: '/bin/busybox', data: new Uint8Array(0) },
      { ...base, name: 'etc/hosts', type: 'file', data: new TextEncoder().encode('127.0.0.1 localhost\n') },
      { ...base, name: long, type: 'file', data: new Uint8Array(700).fill(7) },
    ];
    const tar = writeTar(entries);
    expect(tar.length % 512).toBe(0);
    const back = readTar(tar);
    expect(back.map((e) => [e.name, e.type, e.linkname, e.data.length, e.mode])).toEqual([
      ['bin/', 'dir', '', 0, 0o755],
      ['bin/sh', 'symlink', '/bin/busybox', 0, 0o644],
      ['etc/hosts', 'file', '', 20, 0o644],
      [long, 'file', '', 700, 0o644],
    ]);
    expect(back[3].data.every((b) => b === 7)).toBe(true);
  });

  it('rejects garbage', () => {
    expect(() => readTar(new Uint8Array(512).fill(65))).toThrow('This does not look like a tar archive');
  });
});
