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
  it('close() ends pending reads', async () => {
    const { t } = make();
    const r = t.readAll();
    t.type('a\r');
    t.close();
    expect(new TextDecoder().decode(await r)).toBe('a\n');
  });

  it('preloaded keys (the rest of a paste) go to the next reader without echo', async () => {
    const { t, screen } = make();
    t.preload('second\rthird');
    expect(await t.readLine()).toBe('second');
    expect(screen()).toBe('');
    // what nobody read goes back to the line editor, as keys
    expect(t.takeTypeAhead()).toBe('third');
    expect(t.takeTypeAhead()).toBe('');
  });
  it('keys typed during a command are echoed and wait for whoever reads next', () => {
    const { t, screen } = make();
    t.type('ls -l\rdocker p');
    expect(screen()).toBe('ls -l\r\ndocker p');
    expect(t.takeTypeAhead()).toBe('ls -l\ndocker p');
  });
  it('Ctrl-C drops what was typed ahead', () => {
    const { t } = make();
    t.type('ls\recho');
    t.type('\x03');
    expect(t.takeTypeAhead()).toBe('');
  });
  it('unread bytes come back first', async () => {
    const { t } = make();
    t.type('b\r');
    t.unread(new TextEncoder().encode('a\n'));
    expect(await t.readLine()).toBe('a');
    expect(await t.readLine()).toBe('b');
  });
  it('a read given a signal ends when it aborts and takes nothing', async () => {
    const { t } = make();
    const stop = new AbortController();
    const r = t.readLine(stop.signal);
    t.type('par');
    stop.abort();
    await expect(r).rejects.toMatchObject({ name: 'AbortError' });
    t.type('t\r');
    expect(await t.readLine()).toBe('part');
  });
  it("a command's reader sees end of input once the command ended; the next one reads on", async () => {
    const { t } = make();
    const first = t.reader();
    const left = first.read();
    first.close();
    expect(await left).toBeNull();
    expect(await first.readLine()).toBeNull();
    const second = t.reader();
    t.type('x\r');
    expect(await second.readLine()).toBe('x');
  });
});
