import { describe, expect, it } from 'vitest';
import { imageFs } from '../testing/catalog-fs';
import { sh } from '../testing/container-run';
import { countingReads } from '../testing/counting-fs';

describe('wc over many names of one file', () => {
  it('reads a file once however many links name it (fuzz: `find / -exec wc -l {} +` read /bin/busybox 400 times, 12 s)', async () => {
    const fs = imageFs('busybox', 'latest');
    const counting = countingReads(fs, '/w/');
    const links = Array.from({ length: 30 }, (_, i) => `ln -s big /w/l${i}`).join(' && ');
    await sh(`mkdir /w && seq 1 2000 > /w/big && printf 'a b\\nc' > /w/small && ${links}`, { fs });
    const r = await sh('wc -l /w/big /w/l0 /w/l29 /w/small /w/nope; echo rc=$?; wc /w/l7', { fs: counting.fs });
    expect(r.out).toBe('     2000 /w/big\n     2000 /w/l0\n     2000 /w/l29\n        1 /w/small\n     6001 total\nrc=1\n     2000      2000      8893 /w/l7\n');
    expect(r.err).toBe("wc: can't open '/w/nope': No such file or directory\n");
    // big and small in the first wc, big again (as l7) in the second
    expect(counting.reads()).toBe(3);
  });
});
