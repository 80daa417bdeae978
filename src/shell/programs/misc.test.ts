/** seq: small counts at once; counts past a page written as they are made, at the reader's pace and stopped by Ctrl-C */
import { describe, expect, it } from 'vitest';
import { hostShell, run, settle, testIO } from '../testing/harness';

describe('seq', () => {
  it('counts up, down and by steps', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'seq 3; seq 5 -2 1; seq 2 4; seq 1e3 | wc -l')).out).toBe('1\n2\n3\n5\n3\n1\n2\n3\n4\n1000\n');
  });

  it('a count of a terabyte (seq 99999999999) never blocks: its reader stops it, or Ctrl-C, wherever its output goes', async () => {
    const { sh, fs } = hostShell();
    expect(await run(sh, 'seq 99999999999 | head -2')).toEqual({ out: '1\n2\n', err: '', status: 0 });
    const t = testIO();
    const done = sh.run('seq 99999999999 > /root/n.txt; echo never', t.io);
    for (let i = 0; i < 5; i++) await settle();
    t.controller.abort();
    expect(await done).toBe(130);
    expect(t.out.text()).toBe('');
    const written = new TextDecoder().decode(fs.readFile('/root/n.txt'));
    expect(written.startsWith('1\n2\n3\n')).toBe(true);
    expect(written.length).toBeGreaterThan(64 * 1024);
    expect(written.length).toBeLessThan(64 * 1024 * 1024);
  });
});
