/** Sizes `docker ps -s` shows: the writable layer, and that plus the image. */
import type { ContainerRecord } from './container-record';

export function containerSizeRw(c: ContainerRecord): number {
  let n = 0;
  for (const e of c.rootfs.upper().values()) {
    if (e.kind === 'file') n += e.size;
    else if (e.kind === 'symlink') n += e.target.length;
  }
  return n;
}
