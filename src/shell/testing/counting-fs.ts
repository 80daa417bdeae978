/** Test helper: a filesystem that counts the files read under a prefix (a program must read a file once). */
import type { FileSystem } from '../../api/fs';

export function countingReads(fs: FileSystem, prefix: string): { fs: FileSystem; reads: () => number } {
  let reads = 0;
  const counting = new Proxy(fs, {
    get(target, key) {
      const v = Reflect.get(target, key, target);
      if (key === 'readFile')
        return (p: string) => {
          if (p.startsWith(prefix)) reads++;
          return v.call(target, p);
        };
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { fs: counting, reads: () => reads };
}
