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
