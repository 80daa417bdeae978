import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../testing/harness';

describe('redirection errors', () => {
  it('are worded per shell: bash names the file, dash says "cannot create" / "cannot open"', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'echo x > /nodir/f')).err).toBe('bash: /nodir/f: No such file or directory\n');
    expect((await run(sh, "sh -c 'echo x > /nodir/f'")).err).toBe('sh: 1: cannot create /nodir/f: No such file or directory\n');
    expect((await run(sh, "sh -c 'cat < /nodir/f'")).err).toBe('sh: 1: cannot open /nodir/f: No such file or directory\n');
  });
});
