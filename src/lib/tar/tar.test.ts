import { describe, expect, it } from 'vitest';
import { materialize } from '../content';
import { memberPath, readTar, TarFormatError, type TarEntry, writeTar } from './index';

const enc = new TextEncoder();
const dec = new TextDecoder();

function ascii(b: Uint8Array, from: number, len: number): string {
  return dec.decode(b.subarray(from, from + len));
}

describe('writeTar', () => {
  it('writes the same ustar header as Docker (Go archive/tar) for .dockerenv', () => {
    const mtime = 0o15301232665 * 1000;
    const tar = writeTar(
      [{ name: '.dockerenv', type: 'file', mode: 0o755, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime, size: 0, data: new Uint8Array() }],
      { typeBitsInMode: true },
    );
    expect(tar.length).toBe(3 * 512);
    expect(ascii(tar, 0, 11)).toBe('.dockerenv\0');
    expect(ascii(tar, 100, 8)).toBe('0100755\0');
    expect(ascii(tar, 108, 8)).toBe('0000000\0');
    expect(ascii(tar, 124, 12)).toBe('00000000000\0');
    expect(ascii(tar, 136, 12)).toBe('15301232665\0');
    expect(ascii(tar, 148, 8)).toBe('013032\0 ');
    expect(ascii(tar, 156, 1)).toBe('0');
    expect(ascii(tar, 257, 8)).toBe('ustar\u000000');
    expect(ascii(tar, 265, 5)).toBe('root\0');
    expect(ascii(tar, 329, 16)).toBe('0000000\u00000000000\0');
    expect(tar.subarray(512).every((b) => b === 0)).toBe(true);
  });

  it('appends a slash to directory names and pads to the blocking factor', () => {
    const tar = writeTar([{ name: 'bin', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 }], {
      blockingFactor: 20,
    });
    expect(tar.length).toBe(10240);
    expect(ascii(tar, 0, 5)).toBe('bin/\0');
    expect(ascii(tar, 156, 1)).toBe('5');
  });

  it('uses GNU magic and ././@LongLink in gnu format', () => {
    const long = `${'d'.repeat(120)}/file`;
    const tar = writeTar([{ name: long, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 1, data: enc.encode('x') }], {
      format: 'gnu',
    });
    expect(ascii(tar, 0, 13)).toBe('././@LongLink');
    expect(ascii(tar, 156, 1)).toBe('L');
    expect(ascii(tar, 257, 8)).toBe('ustar  \0');
    expect(readTar(tar)[0].name).toBe(long);
  });
});

describe('readTar round trip', () => {
  const base = { uid: 0, gid: 0, mtime: 1_700_000_000_000 };
  const entries: TarEntry[] = [
    { ...base, name: 'etc/', type: 'dir', mode: 0o755, size: 0 },
    { ...base, name: 'etc/hosts', type: 'file', mode: 0o644, size: 10, data: enc.encode('127.0.0.1\n') },
    { ...base, name: 'bin/sh', type: 'symlink', mode: 0o777, size: 0, linkname: '/bin/busybox' },
    { ...base, name: 'tmp/', type: 'dir', mode: 0o1777, size: 0 },
    { ...base, name: 'home/u/x', type: 'file', mode: 0o600, uid: 1000, gid: 1000, size: 0, data: new Uint8Array() },
    { ...base, name: 'usr/bin/bash', type: 'file', mode: 0o755, size: 1000 },
    { ...base, name: `${'a'.repeat(80)}/${'b'.repeat(90)}`, type: 'file', mode: 0o644, size: 2, data: enc.encode('hi') },
    { ...base, name: `${'c'.repeat(300)}`, type: 'file', mode: 0o644, size: 0, data: new Uint8Array() },
    { ...base, name: 'link', type: 'symlink', mode: 0o777, size: 0, linkname: `/${'t'.repeat(150)}` },
    { ...base, name: '修改/网页.html', type: 'file', mode: 0o644, size: 3, data: enc.encode('abc') },
    { ...base, name: 'big-uid', type: 'file', mode: 0o644, uid: 5_000_000, gid: 3, size: 0, data: new Uint8Array() },
  ];

  for (const format of ['posix', 'gnu'] as const) {
    it(`keeps names, types, modes, owners, times, links and data (${format})`, () => {
      const back = readTar(writeTar(entries, { format, typeBitsInMode: true }));
      expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      for (let i = 0; i < entries.length; i++) {
        const a = entries[i];
        const b = back[i];
        expect(b.type).toBe(a.type);
        expect(b.mode).toBe(a.mode);
        expect(b.uid).toBe(a.uid);
        expect(b.gid).toBe(a.gid);
        expect(b.mtime).toBe(a.mtime);
        expect(b.size).toBe(a.size);
        expect(b.linkname).toBe(a.linkname);
        if (a.data) expect(dec.decode(materialize(b.data ?? new Uint8Array()))).toBe(dec.decode(materialize(a.data)));
      }
    });
  }

  it('marks members without known content and reads them back without data', () => {
    const tar = writeTar(entries);
    const bash = readTar(tar).find((e) => e.name === 'usr/bin/bash');
    expect(bash?.size).toBe(1000);
    expect(bash?.data).toBeUndefined();
  });

  it('splits long ASCII names into ustar prefix/name instead of pax', () => {
    const name = `${'a'.repeat(80)}/${'b'.repeat(90)}`;
    const tar = writeTar([{ ...base, name, type: 'file', mode: 0o644, size: 0, data: new Uint8Array() }]);
    expect(ascii(tar, 156, 1)).toBe('0');
    expect(ascii(tar, 345, 80)).toBe('a'.repeat(80));
    expect(readTar(tar)[0].name).toBe(name);
  });

  it('reads an empty input as an empty archive', () => {
    expect(readTar(new Uint8Array())).toEqual([]);
  });

  it('rejects garbage with Go archive/tar texts', () => {
    const junk = new Uint8Array(1024).fill(0x41);
    expect(() => readTar(junk)).toThrow(TarFormatError);
    expect(() => readTar(junk)).toThrow('archive/tar: invalid tar header');
  });

  it('rejects a truncated member', () => {
    const tar = writeTar([{ ...base, name: 'f', type: 'file', mode: 0o644, size: 2000, data: new Uint8Array(2000) }]);
    expect(() => readTar(tar.subarray(0, 1024))).toThrow('unexpected EOF');
  });
});

describe('memberPath', () => {
  it('normalizes member names to absolute paths', () => {
    expect(memberPath('./bin/')).toBe('/bin');
    expect(memberPath('etc/hosts')).toBe('/etc/hosts');
    expect(memberPath('.')).toBe('/');
    expect(memberPath('../x')).toBeUndefined();
  });
});

describe('unknown content marker', () => {
  it('costs no extra blocks', () => {
    const tar = writeTar([{ name: 'bin/busybox', type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 1000 }]);
    expect(tar.length).toBe(512 + 1024 + 1024);
    expect(readTar(tar)[0].data).toBeUndefined();
  });
});
