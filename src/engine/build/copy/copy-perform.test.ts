import { describe, expect, it } from 'vitest';
import type { LayerEntry, LayerFiles } from '../../fs/layer-entry';
import { UnionFs } from '../../fs/union-fs';
import { ImageSourceTree } from '../context/image-source';
import { type CopyInfo, createCopyInstruction } from './copy-sources';
import { copyInfoInto } from './copy-perform';

const MERGED = '/var/lib/docker/overlay2/abc/merged';
const dir = { kind: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const file = (text: string) => ({ kind: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, size: text.length, data: new TextEncoder().encode(text) });

function source(): ImageSourceTree {
  const l: LayerFiles = new Map<string, LayerEntry>([
    ['/', dir],
    ['/a.txt', file('alpha\n')],
    ['/dir', dir],
    ['/dir/c.txt', file('charlie\n')],
  ]);
  return new ImageSourceTree([l]);
}

function image(): UnionFs {
  const l: LayerFiles = new Map<string, LayerEntry>([
    ['/', dir],
    ['/etc', dir],
    ['/etc/passwd', file('root:x:0:0::/root:/bin/sh\n')],
    ['/bin', dir],
    ['/bin/busybox', file('')],
    ['/bin/sh', { kind: 'symlink', target: 'busybox', mode: 0o777, uid: 0, gid: 0, mtime: 0 }],
    ['/srv', dir],
    ['/data', { kind: 'symlink', target: '/srv', mode: 0o777, uid: 0, gid: 0, mtime: 0 }],
  ]);
  return new UnionFs([l], new Map());
}

function copy(src: string, dest: string, fs = image()): UnionFs {
  const { infos } = createCopyInstruction([src, dest], 'COPY', source(), true);
  for (const info of infos as CopyInfo[]) copyInfoInto(fs, dest, info, { decompress: false, mergedDir: () => MERGED });
  return fs;
}

describe('COPY into a layer (performCopyForInfo)', () => {
  it('copies files and directories, through symlinks of the image', () => {
    const fs = copy('a.txt', '/data/');
    expect(fs.readFile('/srv/a.txt')).toEqual(new TextEncoder().encode('alpha\n'));
    expect(copy('dir', '/d').readdir('/d')).toEqual(['c.txt']);
    expect(copy('a.txt', '/etc/passwd').readFile('/etc/passwd')).toEqual(new TextEncoder().encode('alpha\n'));
  });

  it("fails with dockerd's texts below or onto a file (checked on Docker 20.10.24)", () => {
    expect(() => copy('a.txt', '/etc/passwd/')).toThrow(`failed to create new directory: mkdir ${MERGED}/etc/passwd: not a directory`);
    expect(() => copy('a.txt', '/etc/passwd/x/y')).toThrow(`lstat ${MERGED}/etc/passwd/x: not a directory`);
    expect(() => copy('dir', '/etc/passwd')).toThrow(`failed to copy directory: mkdir ${MERGED}/etc/passwd: not a directory`);
    expect(() => copy('a.txt', '/bin/sh/x')).toThrow(`lstat ${MERGED}/bin/busybox/x: not a directory`);
  });
});
