import { describe, expect, it } from 'vitest';
import { FsError } from '../../api/fs';
import { MemoryFs } from './memory-fs';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof FsError ? e.code : String(e);
  }
  return undefined;
}

describe('MemoryFs', () => {
  it('creates, reads, lists and stats', () => {
    let t = 1000;
    const fs = new MemoryFs({ now: () => t });
    fs.mkdir('/a/b', { recursive: true });
    fs.writeFile('/a/b/f.txt', 'hello');
    t = 2000;
    fs.appendFile('/a/b/f.txt', ' world');
    expect(new TextDecoder().decode(fs.readFile('/a/b/f.txt'))).toBe('hello world');
    expect(fs.stat('/a/b/f.txt')).toMatchObject({ type: 'file', size: 11, mode: 0o644, mtime: 2000 });
    fs.writeFile('/a/B', 'x');
    expect(fs.readdir('/a')).toEqual(['B', 'b']);
  });

  it('follows symlinks (relative and absolute) and reports loops', () => {
    const fs = new MemoryFs();
    fs.mkdir('/bin');
    fs.writeFile('/bin/busybox', 'bb', 0o755);
    fs.symlink('busybox', '/bin/sh');
    fs.symlink('/bin', '/usr');
    expect(fs.stat('/bin/sh').size).toBe(2);
    expect(fs.lstat('/bin/sh')).toMatchObject({ type: 'symlink', target: 'busybox' });
    expect(fs.readFile('/usr/sh')).toEqual(fs.readFile('/bin/busybox'));
    fs.symlink('/loop', '/loop');
    expect(code(() => fs.stat('/loop'))).toBe('ELOOP');
    expect(fs.exists('/loop')).toBe(false);
  });

  it('throws POSIX codes', () => {
    const fs = new MemoryFs();
    fs.mkdir('/d');
    fs.writeFile('/d/f', '');
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/d'))).toBe('EISDIR');
    expect(code(() => fs.mkdir('/d'))).toBe('EEXIST');
    expect(code(() => fs.writeFile('/d/f/g', ''))).toBe('ENOTDIR');
    expect(code(() => fs.rmdir('/d'))).toBe('ENOTEMPTY');
    expect(code(() => fs.unlink('/d'))).toBe('EISDIR');
    fs.rmdir('/d', { recursive: true });
    expect(fs.exists('/d')).toBe(false);
  });

  it('renames and snapshots to plain data', () => {
    const fs = new MemoryFs();
    fs.mkdir('/x');
    fs.writeFile('/x/data', new Uint8Array([0, 1, 255]));
    fs.symlink('data', '/x/link');
    fs.rename('/x', '/y');
    fs.chmod('/y/data', 0o600);
    const json = JSON.parse(JSON.stringify(fs.toJSON()));
    const copy = MemoryFs.fromJSON(json);
    expect(copy.readFile('/y/link')).toEqual(new Uint8Array([0, 1, 255]));
    expect(copy.stat('/y/data').mode).toBe(0o600);
    expect(copy.exists('/x')).toBe(false);
  });
});
