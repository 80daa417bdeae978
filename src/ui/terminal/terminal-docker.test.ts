/**
 * The terminal driving the whole simulator as a learner does, in simulated
 * time: the tutorial's `ping busybox2` in the shell of `docker run -it`,
 * stopped with Ctrl-C; Ctrl-P Ctrl-Q while it runs; keys typed during
 * `docker stop`'s ten seconds.
 */
import { describe, expect, it } from 'vitest';
import { createSandboxFactory } from '../../app/sandbox/factory';
import { testCatalog } from '../../app/sandbox/test-driver';
import { VirtualClock } from '../../engine/core/clock';
import { render } from '../../runner/render';
import { settle } from '../../runner/step-driver';
import { TerminalController } from './terminal-controller';

const P = 'learner@dockyard:~$ ';

function sandbox() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8, 0, 0));
  const factory = createSandboxFactory({ clock, catalog: testCatalog(), home: '/home/learner', cwd: '/home/learner', cols: 100, newSeed: () => 7 });
  const session = factory.fresh();
  let out = '';
  const c = new TerminalController({
    screen: { write: (s) => (out += s), cols: 100 },
    run: (line, io) => session.run('t1', line, io),
    prompt: () => session.prompt('t1'),
    internalError: 'internal error:',
  });
  c.start();
  const screen = () => render(out);
  /** let the simulator run, moving simulated time to its next timer, until `done` (at most `maxMs` of simulated time) */
  const until = async (done: () => boolean, maxMs = 60_000) => {
    const limit = clock.now() + maxMs;
    for (;;) {
      await settle();
      if (done()) return;
      const next = clock.nextTimerAt();
      if (next === undefined || next > limit) throw new Error(`gave up waiting; the screen:\n${screen()}`);
      await clock.advance(next - clock.now(), settle);
    }
  };
  const atPrompt = () => !c.running && screen().endsWith(P);
  const run = async (line: string) => {
    c.key(`${line}\r`);
    await until(atPrompt);
  };
  return { c, clock, session, screen, until, run, atPrompt };
}

describe('the terminal and docker run -it', () => {
  it('Ctrl-C stops ping in the container shell; the shell prompts again; exit ends the run', async () => {
    const t = sandbox();
    await t.run('docker network create my-net');
    await t.run('docker run -dit --name busybox2 --network my-net busybox');
    t.c.key('docker run -it --rm --name busybox1 --network my-net busybox sh\r');
    await t.until(() => t.screen().endsWith('/ # '));
    t.c.key('ping busybox2\r');
    await t.until(() => t.screen().includes('seq=2 '));
    expect(t.c.running).toBe(true);
    t.c.key('\x03');
    await t.until(() => t.screen().includes('ping statistics') && t.screen().endsWith('/ # '));
    expect(t.screen()).toMatch(/seq=2 ttl=64 time=[\d.]+ ms\n\^C\n--- busybox2 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d./]+ ms\n\/ # $/);
    t.c.key('exit\r');
    await t.until(t.atPrompt);
    const ps = t.screen().length;
    await t.run('docker ps -a --format "{{.Names}}"');
    expect(t.screen().slice(ps)).toBe('docker ps -a --format "{{.Names}}"\nbusybox2\n' + P);
  });

  it('Ctrl-P Ctrl-Q detaches while ping runs; the container goes on', async () => {
    const t = sandbox();
    await t.run('docker network create my-net');
    await t.run('docker run -dit --name busybox2 --network my-net busybox');
    t.c.key('docker run -it --name busybox3 --network my-net busybox sh\r');
    await t.until(() => t.screen().endsWith('/ # '));
    t.c.key('ping busybox2\r');
    await t.until(() => t.screen().includes('seq=1 '));
    t.c.key('\x10\x11');
    await t.until(t.atPrompt);
    const before = t.screen().length;
    await t.run('docker ps --format "{{.Names}} {{.Status}}"');
    expect(t.screen().slice(before)).toMatch(/^docker ps .*\nbusybox3 Up \d+ seconds?\nbusybox2 Up \d+ seconds?\n/);
    // attach again: ping is still running and Ctrl-C reaches it
    t.c.key('docker attach busybox3\r');
    await t.until(() => /seq=1\d /.test(t.screen()));
    t.c.key('\x03');
    await t.until(() => t.screen().endsWith('/ # '));
    expect(t.screen()).toContain('--- busybox2 ping statistics ---');
  });

  it('the shell in the container reads pasted multi-line commands as bash does, and the rest of a paste goes to a program reading stdin', async () => {
    const t = sandbox();
    t.c.key('docker run -it --rm ubuntu:18.04 bash\r');
    await t.until(() => /root@[0-9a-f]{12}:\/# $/.test(t.screen()));
    t.c.key('cat > /tmp/f <<EOF\rhello \\\rworld\rEOF\recho a \\\r  b\rread x; echo "got $x"\rtyped ahead\r');
    await t.until(() => t.screen().includes('got typed ahead'));
    t.c.key('cat /tmp/f; history\r');
    await t.until(() => / {2}cat \/tmp\/f; history\n/.test(t.screen()));
    const shown = t.screen();
    expect(shown).toContain('# cat > /tmp/f <<EOF\n> hello \\\n> world\n> EOF\n');
    expect(shown).toContain('# echo a \\\n>   b\na b\n');
    expect(shown).toContain('hello world\n');
    expect(shown).toMatch(/\d+ {2}cat > \/tmp\/f <<EOF\nhello \\\nworld\nEOF\n +\d+ {2}echo a   b\n/);
    t.c.key('exit\r');
    await t.until(t.atPrompt);
  });

  it('keys typed during docker stop run at the next prompt', async () => {
    const t = sandbox();
    await t.run('docker run -d --name web busybox sleep 1000');
    t.c.key('docker stop web\r');
    await t.until(() => t.c.running && t.clock.nextTimerAt() !== undefined);
    t.c.key('docker ps -a --format "{{.Names}} {{.Status}}"\r');
    await t.until(() => t.screen().includes('Exited (137)'));
    await t.until(t.atPrompt);
    expect(t.screen()).toMatch(
      /docker stop web\ndocker ps -a --format "\{\{.Names\}\} \{\{.Status\}\}"\nweb\nlearner@dockyard:~\$ docker ps -a --format "\{\{.Names\}\} \{\{.Status\}\}"\nweb Exited \(137\) Less than a second ago\nlearner@dockyard:~\$ $/,
    );
  });
});
