import { describe, expect, it } from 'vitest';
import { headerHash, hashStrings } from './tarsum';

describe('COPY/ADD source hashes (tarsum v1 headers)', () => {
  it('matches the hashes dockerd 20.10 printed', () => {
    const data = new TextEncoder().encode('hello again\n');
    const h = { name: 'hello.txt', mode: 0o100644, uid: 0, gid: 0, size: 12, typeflag: 'file' as const, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 };
    expect(headerHash(h, data)).toBe('6c2e48456ba1a1c9b5d81ac1cdeeef99c20e2754e8a691320d2e251ac6677dae');
    expect(hashStrings('dir', ['b', 'a'].sort())).toMatch(/^dir:[0-9a-f]{64}$/);
  });
});
