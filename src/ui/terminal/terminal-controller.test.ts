import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { TerminalController } from './terminal-controller';

const P = 'learner@dockyard:~$ ';
const tick = () => new Promise((r) => setTimeout(r, 0));

function make(run: ConstructorParameters<typeof TerminalController>[0]['run']) {
  let out = '';
  const c = new TerminalController({ screen: { write: (s) => (out += s), cols: 80 }, run, prompt: () => P, internalError: 'internal error:' });
  c.start();
  return { c, screen: () => render(out) };
}

describe('TerminalController', () => {
  it('runs the typed line and shows its output, then a new prompt', async () => {
    const { c, screen } = make(async (line, io) => {
      io.stdout.write(`ran ${line}\nsecond line\n`);
      return 0;
    });
    c.key('docker ps\r');
    await tick();
    expect(screen()).toBe(`${P}docker ps\nran docker ps\nsecond line\n${P}`);
  });
  it('sends keys to the running program and Ctrl-C interrupts it', async () => {
    const { c, screen } = make(async (_line, io) => {
      io.stdout.write('Continue? [y/N] ');
      const a = await io.stdin.readLine();
      io.stdout.write(`got ${a}\n`);
      await new Promise<void>((resolve) => io.interrupt.addEventListener('abort', () => resolve()));
      return 130;
    });
    c.key('prune\r');
    await tick();
    c.key('y\r');
    await tick();
    expect(c.running).toBe(true);
    c.key('\x03');
    await tick();
    expect(c.running).toBe(false);
    expect(screen()).toBe(`${P}prune\nContinue? [y/N] y\ngot y\n^C\n${P}`);
  });
  it('after a Ctrl-C, the ^C, the last output and the prompt reach the screen in one write when the job ends in the key\'s task', async () => {
    const writes: string[] = [];
    const c = new TerminalController({
      screen: { write: (s) => writes.push(s), cols: 80, parseNow: () => writes.push('<parsed>') },
      run: async (_line, io) => {
        // a loop giving way: the interrupt ends its wait at once
        await new Promise<void>((resolve) => io.interrupt.addEventListener('abort', () => resolve()));
        io.stdout.write('last\n');
        return 130;
      },
      prompt: () => P,
      internalError: 'internal error:',
    });
    c.key('loop\r');
    await tick();
    writes.length = 0;
    c.key('\x03');
    // within the key's task (microtasks only)
    for (let i = 0; i < 20; i++) await Promise.resolve();
    // and parsed at once, so that the prompt is drawn in the next frame
    expect(writes).toEqual([`^Clast\r\n${P}`, '<parsed>']);
    expect(c.running).toBe(false);
  });
  it('a job that does not end in the key\'s task gets its ^C on the screen after it, then the rest as it comes', async () => {
    let finish: (() => void) | undefined;
    const writes: string[] = [];
    const c = new TerminalController({
      screen: { write: (s) => writes.push(s), cols: 80, parseNow: () => writes.push('<parsed>') },
      run: async (_line, io) => {
        await new Promise<void>((resolve) => (finish = resolve));
        io.stdout.write('done\n');
        return 130;
      },
      prompt: () => P,
      internalError: 'internal error:',
    });
    c.key('slow\r');
    await tick();
    writes.length = 0;
    c.key('\x03');
    await Promise.resolve();
    expect(writes).toEqual([]);
    await tick();
    expect(writes).toEqual(['^C', '<parsed>']);
    finish?.();
    await tick();
    // what comes after the hold goes its usual way
    expect(writes.join('')).toBe(`^C<parsed>done\r\n${P}`);
  });
  it('reports an exception from the simulator instead of dying', async () => {
    const { c, screen } = make(async () => {
      throw new Error('boom');
    });
    c.key('x\r');
    await tick();
    expect(screen()).toContain('internal error: boom');
    expect(c.running).toBe(false);
  });
});

describe('TerminalController: completion, paste, typing', () => {
  it('completes the word at the cursor with Tab and keeps typing after it', async () => {
    let out = '';
    const c = new TerminalController({
      screen: { write: (s) => (out += s), cols: 80 },
      run: async () => 0,
      prompt: () => P,
      internalError: 'internal error:',
      complete: async (line, cursor) => ({
        start: 7,
        current: line.slice(7, cursor),
        candidates: [{ word: 'images', suffix: ' ', label: 'images' }],
      }),
    });
    c.start();
    c.key('docker im\t-q');
    await tick();
    expect(render(out)).toBe(`${P}docker images -q`);
  });
  it('runs pasted lines one after the other and reports each', async () => {
    const ran: string[] = [];
    const finished: [string, number][] = [];
    let out = '';
    const c = new TerminalController({
      screen: { write: (s) => (out += s), cols: 80 },
      run: async (line, io) => {
        ran.push(line);
        io.stdout.write(`${line}!\n`);
        await tick();
        return line === 'b' ? 3 : 0;
      },
      prompt: () => P,
      internalError: 'internal error:',
      onFinish: (line, status) => finished.push([line, status]),
    });
    c.start();
    c.key('a\rb\rc');
    for (let i = 0; i < 6; i++) await tick();
    expect(ran).toEqual(['a', 'b']);
    expect(finished).toEqual([
      ['a', 0],
      ['b', 3],
    ]);
    expect(render(out)).toBe(`${P}a\na!\n${P}b\nb!\n${P}c`);
  });
  it('type() puts text at the prompt without running it', async () => {
    const { c, screen } = make(async () => 0);
    c.type('docker build -t app .\n');
    await tick();
    expect(screen()).toBe(`${P}docker build -t app .`);
    expect(c.running).toBe(false);
  });
  it('execute() shows and runs a line, and the prompt comes back', async () => {
    const { c, screen } = make(async (line, io) => {
      io.stdout.write(`ran ${line}\n`);
      return 0;
    });
    const status = await c.execute('docker ps');
    expect(status).toBe(0);
    expect(screen()).toBe(`${P}docker ps\nran docker ps\n${P}`);
    expect(c.history).toEqual(['docker ps']);
  });
  it('raw mode: every key goes to the program (docker run -it)', async () => {
    const got: string[] = [];
    const { c } = make(async (_line, io) => {
      io.stdin.setMode?.('raw');
      for (;;) {
        const b = await io.stdin.read();
        if (!b) return 0;
        const s = new TextDecoder().decode(b);
        got.push(s);
        if (s.includes('\x04')) return 0;
      }
    });
    c.key('docker run -it alpine\r');
    await tick();
    c.key('\x1b[A');
    c.key('\x03');
    c.key('\t');
    c.key('\x04');
    await tick();
    expect(got).toEqual(['\x1b[A', '\x03', '\t', '\x04']);
    expect(c.running).toBe(false);
  });
  it('writes the prompt before onFinish waits for it to be drawn (promptShown), and holds keys typed meanwhile', async () => {
    let out = '';
    const events: string[] = [];
    let shown: () => void = () => {};
    const c = new TerminalController({
      screen: { write: (s) => (out += s), cols: 80 },
      run: async (line, io) => {
        io.stdout.write(`${line}!\n`);
        return 0;
      },
      prompt: () => P,
      internalError: 'internal error:',
      promptShown: () =>
        new Promise<void>((resolve) => {
          events.push(`prompt drawn? ${render(out).endsWith(`a!\n${P}`)}`);
          shown = resolve;
        }),
      onStart: (line) => events.push(`start ${line}`),
      onFinish: (line) => events.push(`finish ${line}`),
    });
    c.start();
    c.key('a\r');
    await tick();
    expect(events).toEqual(['start a', 'prompt drawn? true']);
    expect(c.running).toBe(true);
    // a line typed before the frame is drawn runs after the first command's bookkeeping
    c.key('b\r');
    expect(render(out)).toBe(`${P}a\na!\n${P}`);
    shown();
    await tick();
    expect(events.slice(2, 4)).toEqual(['finish a', 'start b']);
    shown();
    await tick();
    expect(render(out)).toBe(`${P}a\na!\n${P}b\nb!\n${P}`);
  });
});
