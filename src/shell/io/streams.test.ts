/** Pipes hold 64 KiB: a writer waits for its reader, and dies of SIGPIPE (141) when the reader has gone. */
import { describe, expect, it } from 'vitest';
import type { Program } from '../interpreter/types';
import { hostShell, run, settle, testIO } from '../testing/harness';
import { BrokenPipeError, CollectOutput, PIPE_CAPACITY, Pipe } from './streams';

describe('Pipe', () => {
  it('makes the writer wait past its capacity and wakes it when the reader takes some', async () => {
    const p = new Pipe();
    p.output.write(new Uint8Array(PIPE_CAPACITY - 1));
    expect(p.output.drain?.()).toBeUndefined();
    p.output.write(new Uint8Array(10));
    const full = p.output.drain?.();
    expect(full).toBeInstanceOf(Promise);
    let woke = false;
    full?.then(() => {
      woke = true;
    });
    await settle();
    expect(woke).toBe(false);
    expect((await p.input.read())?.length).toBe(PIPE_CAPACITY - 1);
    await settle();
    expect(woke).toBe(true);
    expect(p.buffered).toBe(10);
  });

  it('a reader that has gone wakes the writer, whose next write fails (SIGPIPE)', async () => {
    const p = new Pipe();
    p.output.write(new Uint8Array(PIPE_CAPACITY));
    const full = p.output.drain?.();
    p.closeReader();
    await full;
    expect(() => p.output.write('x')).toThrow(BrokenPipeError);
    expect(p.output.drain?.()).toBeUndefined();
  });

  it('a command substitution keeps at most its limit', () => {
    let over = 0;
    const out = new CollectOutput(false, undefined, 4, () => over++);
    out.write('abc');
    out.write('de');
    out.write('f');
    expect([out.text(), out.overflowed, over]).toEqual(['abc', true, 1]);
  });
});

describe('pipelines', () => {
  it('an endless writer goes at its reader\'s pace', async () => {
    let rounds = 0;
    const tick: Program = async () => {
      rounds++;
      return 0;
    };
    // reads one chunk per simulated second
    const slow: Program = async (ctx) => {
      for (;;) {
        if ((await ctx.io.stdin.read()) === null) return 0;
        await ctx.clock.sleep(1000, ctx.io.interrupt);
      }
    };
    const { sh, clock } = hostShell({ tick, slow });
    const t = testIO();
    const done = sh.run('while :; do help; tick; done | slow', t.io);
    await clock.advance(3000);
    // help writes about 1.6 KiB: a 64 KiB pipe holds some 40 rounds, one more per chunk read
    expect(rounds).toBeGreaterThan(10);
    expect(rounds).toBeLessThan(100);
    t.controller.abort();
    expect(await done).toBe(130);
  });

  it('the writer dies with 141 when the reader exits; tr works as its input comes', async () => {
    const { sh } = hostShell();
    expect(await run(sh, 'set -o pipefail; while :; do help; done | head -1 >/dev/null; echo $?')).toEqual({ out: '141\n', err: '', status: 0 });
    expect((await run(sh, 'while :; do echo aaa; done | tr a b | head -2')).out).toBe('bbb\nbbb\n');
    expect((await run(sh, "printf 'héllo' | tr l L")).out).toBe('héLLo');
  });

  it('a command substitution that never ends its output runs the shell out of memory', async () => {
    const mebibyte = new Uint8Array(1 << 20).fill(97);
    const big: Program = async (ctx) => {
      ctx.io.stdout.write(mebibyte);
      return 0;
    };
    const { sh } = hostShell({ big });
    expect(await run(sh, "bash -c 'x=$(while :; do big; done); echo never'")).toEqual({ out: '', err: 'bash: xmalloc: cannot allocate memory\n', status: 2 });
  });
});
