import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';

describe('file', () => {
  it('text, directories, links, scripts, gzip, empty files', async () => {
    const { sh, fs } = hostShell();
    fs.writeFile('/root/a.txt', 'hello\n');
    fs.writeFile('/root/run.sh', '#!/bin/sh\necho hi\n');
    fs.writeFile('/root/empty', '');
    fs.symlink('a.txt', '/root/link');
    fs.mkdir('/root/site');
    expect((await run(sh, 'file a.txt site run.sh empty link')).out).toBe(
      'a.txt:  ASCII text\nsite:   directory\nrun.sh: POSIX shell script, ASCII text executable\nempty:  empty\nlink:   symbolic link to a.txt\n',
    );
    expect((await run(sh, 'gzip -k a.txt && file -b a.txt.gz')).out).toMatch(/^gzip compressed data, was "a\.txt", last modified: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}, from Unix, original size modulo 2\^32 6\n$/);
    expect((await run(sh, 'file nope')).out).toBe("nope: cannot open `nope' (No such file or directory)\n");
  });
});
