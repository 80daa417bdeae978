import { describe, expect, it } from 'vitest';
import { type MemoryFsChange, MemoryFs } from './memory-fs';

function table() {
  const m = new Map<string, Uint8Array>();
  let n = 0;
  return {
    m,
    put(data: Uint8Array) {
      for (const [k, v] of m) if (v.length === data.length && v.every((b, i) => b === data[i])) return k;
      const d = `blob-${n++}`;
      m.set(d, data);
      return d;
    },
    get(d: string) {
      const b = m.get(d);
      if (!b) throw new Error(`missing ${d}`);
      return b;
    },
  };
}

describe('MemoryFs snapshots and change listeners', () => {
  it('round-trips with big contents in the blob table, stored once', () => {
    const fs = new MemoryFs({ now: () => 5, uid: 1000, gid: 1000 });
    fs.mkdir('/home/learner/app', { recursive: true });
    fs.writeFile('/home/learner/app/small.txt', 'hello\n');
    const big = new Uint8Array(5000).fill(7);
    fs.writeFile('/home/learner/a.tar', big);
    fs.writeFile('/home/learner/b.tar', big.slice());
    fs.symlink('app', '/home/learner/link');
    fs.chmod('/home/learner/app/small.txt', 0o600);
    const blobs = table();
    const snap = fs.toSnapshot(blobs);
    expect(blobs.m.size).toBe(1);
    const back = MemoryFs.fromSnapshot(JSON.parse(JSON.stringify(snap)), blobs);
    expect(back.toJSON()).toEqual(fs.toJSON());
    expect(back.readlink('/home/learner/link')).toBe('app');
    expect(back.stat('/home/learner/app/small.txt').mode).toBe(0o600);
  });

  it('tells listeners about writes, deletes, renames and new directories', () => {
    const fs = new MemoryFs();
    const seen: MemoryFsChange[] = [];
    const off = fs.onChange((c) => seen.push(c));
    fs.mkdir('/a');
    fs.writeFile('/a/x', '1');
    fs.appendFile('/a/x', '2');
    fs.rename('/a/x', '/a/y');
    fs.unlink('/a/y');
    fs.rmdir('/a');
    off();
    fs.mkdir('/b');
    expect(seen).toEqual([
      { path: '/a', action: 'mkdir' },
      { path: '/a/x', action: 'write' },
      { path: '/a/x', action: 'write' },
      { path: '/a/y', action: 'rename', from: '/a/x' },
      { path: '/a/y', action: 'delete' },
      { path: '/a', action: 'delete' },
    ]);
  });
});
