import { Terminal } from '@xterm/xterm';
import { describe, expect, test } from 'vitest';
import { canParseNow, parseNow } from './parse-now';

const row = (term: Terminal, y: number) => term.buffer.active.getLine(y)?.translateToString(true) ?? '';

describe('parseNow', () => {
  test("finds the write loop of the pinned xterm (a new xterm that moved it fails here, not silently in the page)", () => {
    expect(canParseNow(new Terminal({ cols: 40, rows: 5 }))).toBe(true);
  });

  test('what waits for xterm’s timer is parsed at once, in order, with its callbacks; the timer then finds nothing left', async () => {
    const term = new Terminal({ cols: 40, rows: 5 });
    const done: string[] = [];
    term.write('loop line\r\n', () => done.push('line'));
    term.write('$ ', () => done.push('prompt'));
    // xterm's own path: nothing parsed until its timer
    expect(row(term, 0)).toBe('');
    expect(parseNow(term)).toBe(true);
    expect([row(term, 0), row(term, 1)]).toEqual(['loop line', '$ ']);
    expect(done).toEqual(['line', 'prompt']);
    await new Promise((r) => setTimeout(r, 20));
    expect([row(term, 0), row(term, 1), row(term, 2)]).toEqual(['loop line', '$ ', '']);
    expect(done).toEqual(['line', 'prompt']);
    // later writes go through xterm's timer as usual
    term.write('ok');
    await new Promise((r) => setTimeout(r, 20));
    expect(row(term, 1)).toBe('$ ok');
  });

  test('nothing waiting: nothing to do', () => {
    const term = new Terminal({ cols: 40, rows: 5 });
    expect(parseNow(term)).toBe(false);
  });

  test('an object without xterm’s internals is left alone', () => {
    expect(canParseNow({} as Terminal)).toBe(false);
    expect(parseNow({} as Terminal)).toBe(false);
  });
});
