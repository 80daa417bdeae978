import { describe, expect, it } from 'vitest';
import { TerminalInput } from './tty';

function make() {
  let screen = '';
  let interrupts = 0;
  const t = new TerminalInput({ echo: (s) => (screen += s), interrupt: () => interrupts++ });
  return { t, screen: () => screen, interrupts: () => interrupts };
}

describe('TerminalInput', () => {
  it('cooked: echoes, edits and delivers whole lines', async () => {
    const { t, screen } = make();
    const line = t.readLine();
    t.type('yx\x7f\r');
    expect(await line).toBe('y');
    expect(screen()).toBe('yx\b \b\r\n');
  });
  it('noecho: delivers the line without echoing it', async () => {
    const { t, screen } = make();
    t.setMode('noecho');
    t.type('secret\r');
    expect(await t.readLine()).toBe('secret');
    expect(screen()).toBe('');
  });
  it('Ctrl-C interrupts, Ctrl-D on an empty line ends input', async () => {
    const { t, screen, interrupts } = make();
    t.type('abc\x03');
    expect(interrupts()).toBe(1);
    expect(screen()).toBe('abc^C');
    t.type('\x04');
    expect(await t.read()).toBeNull();
  });
  it('raw: bytes as typed, no echo, no signals', async () => {
    const { t, screen, interrupts } = make();
    expect(t.setMode('raw')).toBe('cooked');
    t.type('ls\r\x03\x10\x11');
    expect(Array.from((await t.read()) ?? [])).toEqual([108, 115, 13, 3, 16, 17]);
    expect(screen()).toBe('');
    expect(interrupts()).toBe(0);
  });
  it('an aborted read takes nothing: the next keystroke goes to the next reader', async () => {
    const { t } = make();
    t.setMode('raw');
    const gone = new AbortController();
    const orphan = t.read(gone.signal);
    gone.abort();
    await expect(orphan).rejects.toMatchObject({ name: 'AbortError' });
    const next = t.read();
    t.type('q');
    expect(new TextDecoder().decode((await next) ?? new Uint8Array())).toBe('q');
    await expect(t.read(gone.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
  it('close() ends pending reads', async () => {
    const { t } = make();
    const r = t.readAll();
    t.type('a\r');
    t.close();
    expect(new TextDecoder().decode(await r)).toBe('a\n');
  });
});
