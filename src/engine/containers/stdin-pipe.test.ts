import { describe, expect, it } from 'vitest';
import type { InputStream } from '../../api/io';
import { Waiters } from '../../lib/waiters';
import { StdinPipe } from './stdin-pipe';

/** the client's terminal in raw mode: keys typed wait for a read; an aborted read takes nothing */
class RawKeys implements InputStream {
  readonly isTTY = true;
  private keys = '';
  private readonly waiters = new Waiters();
  type(k: string): void {
    this.keys += k;
    this.waiters.wakeAll();
  }
  left(): string {
    return this.keys;
  }
  async read(signal?: AbortSignal): Promise<Uint8Array | null> {
    while (!this.keys) await this.waiters.wait(signal);
    const k = this.keys;
    this.keys = '';
    return new TextEncoder().encode(k);
  }
  async readLine(): Promise<string | null> {
    return null;
  }
  async readAll(): Promise<Uint8Array> {
    return new Uint8Array(0);
  }
}

const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

function attached(tty: boolean) {
  let echoed = '';
  const signals: string[] = [];
  let detached = 0;
  const pipe = new StdinPipe(tty, (s) => (echoed += s), (sig) => signals.push(sig));
  const client = new RawKeys();
  const source = { stream: client, detachKeys: [16, 17], onDetach: () => detached++, onEnd: () => {} };
  pipe.attachSource(source);
  return { pipe, client, source, signals, echoed: () => echoed, detached: () => detached };
}

describe('StdinPipe', () => {
  it('a terminal copies the keys as they are typed: Ctrl-C signals while no program reads', async () => {
    const t = attached(true);
    t.client.type('sleep 1000\r');
    await turns();
    expect(t.echoed()).toBe('sleep 1000\r\n');
    t.client.type('\x03');
    await turns();
    expect(t.signals).toEqual(['SIGINT']);
    expect(t.echoed()).toBe('sleep 1000\r\n^C');
    expect(await t.pipe.readLine()).toBe('sleep 1000');
  });

  it('the detach keys end the attachment while nothing reads, and the client keeps its next keys', async () => {
    const t = attached(true);
    t.client.type('\x10\x11');
    await turns();
    expect(t.detached()).toBe(1);
    t.client.type('ls\r');
    await turns();
    // nobody reads the client's terminal any more: the keys are still there for the next reader
    expect(t.client.left()).toBe('ls\r');
  });

  it('without a terminal the client is read only while a program waits', async () => {
    const t = attached(false);
    t.client.type('abc');
    await turns();
    expect(t.client.left()).toBe('abc');
    t.client.type('def');
    expect(new TextDecoder().decode((await t.pipe.read()) ?? new Uint8Array())).toBe('abcdef');
  });
});
