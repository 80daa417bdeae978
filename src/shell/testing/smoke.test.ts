import { describe, expect, it } from 'vitest';
import { hostShell, run } from './harness';

describe('smoke', () => {
  it('runs basics', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'echo hello world')).toEqual({ out: 'hello world\n', err: '', status: 0 });
    expect(await run(sh, "printf '%s\\n' a b c | sort -r | head -2")).toEqual({ out: 'c\nb\n', err: '', status: 0 });
    expect(await run(sh, 'foo')).toEqual({ out: '', err: 'bash: foo: command not found\n', status: 127 });
    expect((await run(sh, 'mkdir d && cd d && pwd && echo x > f && cat f && ls')).out).toBe('/root/d\nx\nf\n');
  });
});
