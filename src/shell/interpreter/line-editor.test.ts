import { describe, expect, it } from 'vitest';
import type { InputStream, TtyMode } from '../../api/io';
import { CollectOutput } from '../io/streams';
import { createLineEditor } from './line-editor';

/** a terminal whose keys are given up front, one chunk per string */
function terminal(chunks: string[]): InputStream & { modes: TtyMode[] } {
  const queue = chunks.map((c) => new TextEncoder().encode(c));
  const modes: TtyMode[] = [];
  let mode: TtyMode = 'cooked';
  return {
    isTTY: true,
    modes,
    setMode(m) {
      const old = mode;
      mode = m;
      modes.push(m);
      return old;
    },
    read: async () => queue.shift() ?? null,
    readLine: async () => null,
    readAll: async () => new Uint8Array(0),
  };
}

describe('line editor', () => {
  it('edits in raw mode and gives the terminal back in cooked mode', async () => {
    const t = terminal(['echo hellp', '\x7f', 'o\r']);
    const out = new CollectOutput(true);
    const r = await createLineEditor(t, out, []).read('$ ');
    expect(r).toEqual({ line: 'echo hello' });
    expect(t.modes).toEqual(['raw', 'cooked']);
    expect(out.text()).toBe('echo hellp\b \x1b[1Do\n');
  });

  it('moves the cursor, inserts in the middle, recalls history', async () => {
    const t = terminal(['ac', '\x1b[D', 'b', '\r', '\x1b[A\x1b[A', '\r']);
    const ed = createLineEditor(t, new CollectOutput(true), ['first', 'second']);
    expect(await ed.read('$ ')).toEqual({ line: 'abc' });
    expect(await ed.read('$ ')).toEqual({ line: 'first' });
  });

  it('Ctrl-C drops the line, Ctrl-D ends input on an empty line, Ctrl-U and Ctrl-W kill text', async () => {
    const ed = createLineEditor(terminal(['abc\x03', 'one two\x17three\r', 'xyz\x15ok\r', '\x04']), new CollectOutput(true), []);
    expect(await ed.read('$ ')).toEqual({ interrupted: true });
    expect(await ed.read('$ ')).toEqual({ line: 'one three' });
    expect(await ed.read('$ ')).toEqual({ line: 'ok' });
    expect(await ed.read('$ ')).toEqual({ eof: true });
  });
});
