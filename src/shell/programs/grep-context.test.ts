import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';

describe('grep context and selection options', () => {
  it('-A, -B, -C with line numbers and group separators', async () => {
    const { sh } = hostShell();
    await run(sh, 'seq 20 > n');
    expect((await run(sh, "grep -n -C1 '^10$' n")).out).toBe('9-9\n10:10\n11-11\n');
    expect((await run(sh, 'grep -A2 15 n')).out).toBe('15\n16\n17\n');
    expect((await run(sh, "grep -B2 -n '^20$' n")).out).toBe('18-18\n19-19\n20:20\n');
    expect((await run(sh, "grep -A1 -e '^3$' -e '^7$' n")).out).toBe('3\n4\n--\n7\n8\n');
    expect((await run(sh, "grep -C1 -e '^3$' -e '^5$' n")).out).toBe('2\n3\n4\n5\n6\n');
    expect((await run(sh, 'grep -m2 1 n')).out).toBe('1\n10\n');
    expect((await run(sh, 'grep -c 1 n')).out).toBe('11\n');
    const bad = await run(sh, 'grep -A x 1 n');
    expect([bad.status, bad.err]).toEqual([2, 'grep: x: invalid context length argument\n']);
  });

  it('-r names files, -l / -L list them', async () => {
    const { sh, fs } = hostShell();
    fs.mkdir('/root/d');
    fs.writeFile('/root/d/a', 'x=1\n');
    fs.writeFile('/root/d/b', 'y=2\n');
    expect((await run(sh, 'grep -r x= d')).out).toBe('d/a:x=1\n');
    expect((await run(sh, 'grep -rl = d')).out).toBe('d/a\nd/b\n');
    expect((await run(sh, 'grep -L x= d/a d/b')).out).toBe('d/b\n');
  });
});
