/**
 * The terminal as a learner meets it with the real host shell behind it:
 * multi-line commands (PS2), Ctrl-C on what runs, input typed ahead.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { hostShell, settle } from '../../shell/testing/harness';
import { TerminalController } from './terminal-controller';

const P = 'root@dockyard:~# ';

function terminal(opts: { hint?: (line: string, status: number) => string | undefined } = {}) {
  const { sh, fs, clock } = hostShell();
  let out = '';
  const ran: string[] = [];
  const c = new TerminalController({
    screen: { write: (s) => (out += s), cols: 100 },
    run: (line, io) => {
      ran.push(line);
      return sh.run(line, io);
    },
    prompt: () => P,
    internalError: 'internal error:',
    hint: opts.hint,
  });
  c.start();
  return { c, sh, fs, clock, ran, screen: () => render(out) };
}

describe('multi-line commands', () => {
  it('a pasted `docker commit \\` runs once, after its last line, with PS2 on the further lines', async () => {
    const t = terminal();
    t.c.key('echo commit \\\r    --author "Tao Wang <twang2218@gmail.com>" \\\r    --message "修改了默认网页" \\\r    webserver \\\r    nginx:v2\r');
    await settle();
    expect(t.ran).toEqual(['echo commit \\\n    --author "Tao Wang <twang2218@gmail.com>" \\\n    --message "修改了默认网页" \\\n    webserver \\\n    nginx:v2']);
    expect(t.screen()).toBe(
      `${P}echo commit \\\n>     --author "Tao Wang <twang2218@gmail.com>" \\\n>     --message "修改了默认网页" \\\n>     webserver \\\n>     nginx:v2\ncommit --author Tao Wang <twang2218@gmail.com> --message 修改了默认网页 webserver nginx:v2\n${P}`,
    );
    expect(t.c.history).toEqual(['echo commit     --author "Tao Wang <twang2218@gmail.com>"     --message "修改了默认网页"     webserver     nginx:v2']);
    // the shell's own history (the history builtin) keeps the same entry
    expect(t.sh.history).toEqual(t.c.history);
  });

  it('a heredoc typed line by line writes the file; history keeps it as one entry; Up brings it back on its rows', async () => {
    const t = terminal();
    for (const line of ['cat > Dockerfile <<EOF', 'FROM nginx', "RUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html", 'EOF']) {
      t.c.key(`${line}\r`);
      await settle();
    }
    expect(new TextDecoder().decode(t.fs.readFile('/root/Dockerfile'))).toBe("FROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\n");
    expect(t.c.history).toEqual(["cat > Dockerfile <<EOF\nFROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\nEOF"]);
    t.c.key('\x1b[A');
    expect(t.screen().endsWith(`${P}cat > Dockerfile <<EOF\nFROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\nEOF`)).toBe(true);
    t.c.key('\r');
    await settle();
    expect(t.ran).toHaveLength(2);
    expect(t.ran[1]).toBe(t.ran[0]);
  });

  it('open quotes, unfinished loops and pipes continue; a syntax error does not', async () => {
    const t = terminal();
    t.c.key('echo "a\rb"\rfor i in 1 2\rdo echo $i\rdone\recho x |\rtr x y\recho )\r');
    await settle();
    expect(t.ran).toEqual(['echo "a\nb"', 'for i in 1 2\ndo echo $i\ndone', 'echo x |\ntr x y', 'echo )']);
    expect(t.screen()).toContain(`${P}echo "a\n> b"\na\nb\n${P}for i in 1 2\n> do echo $i\n> done\n1\n2\n${P}echo x |\n> tr x y\ny\n`);
    expect(t.screen()).toContain("bash: syntax error near unexpected token `)'");
  });

  it('Ctrl-C at PS2 drops the whole unfinished command', async () => {
    const t = terminal();
    t.c.key('if true; then\recho no\x03echo yes\r');
    await settle();
    expect(t.ran).toEqual(['echo yes']);
    expect(t.screen()).toBe(`${P}if true; then\n> echo no^C\n${P}echo yes\nyes\n${P}`);
  });
});

describe('Ctrl-C stops the foreground command', () => {
  for (const cmd of ['while :; do :; done', 'cat', 'read x', 'while true; do echo -n; done']) {
    it(cmd, async () => {
      const t = terminal();
      t.c.key(`${cmd}\r`);
      await settle();
      expect(t.c.running).toBe(true);
      t.c.key('\x03');
      for (let i = 0; i < 20 && t.c.running; i++) await settle();
      expect(t.c.running).toBe(false);
      expect(t.sh.status).toBe(130);
      expect(t.screen()).toBe(`${P}${cmd}\n^C\n${P}`);
      // and the terminal goes on working
      t.c.key('echo ok\r');
      await settle();
      expect(t.screen().endsWith(`echo ok\nok\n${P}`)).toBe(true);
    });
  }
});

describe('type-ahead', () => {
  it('keys typed while a command runs are echoed, then run at the next prompt', async () => {
    const t = terminal();
    t.c.key('sleep 10\r');
    await settle();
    t.c.key('echo typed ahead\r');
    await t.clock.advance(10_000);
    await settle();
    expect(t.ran).toEqual(['sleep 10', 'echo typed ahead']);
    expect(t.screen()).toBe(`${P}sleep 10\necho typed ahead\n${P}echo typed ahead\ntyped ahead\n${P}`);
  });
  it('a half-typed line waits at the next prompt, editable', async () => {
    const t = terminal();
    t.c.key('sleep 1\r');
    await settle();
    t.c.key('docker p');
    await t.clock.advance(1000);
    await settle();
    t.c.key('s\x7fs -a');
    expect(t.screen()).toBe(`${P}sleep 1\ndocker p${P}docker ps -a`);
  });
  it('the rest of a paste is what a program reading stdin gets', async () => {
    const t = terminal();
    t.c.key('read a; read b; echo "$b/$a"\rsecond\rfirst\recho after\r');
    await settle();
    expect(t.ran).toEqual(['read a; read b; echo "$b/$a"', 'echo after']);
    expect(t.screen()).toBe(`${P}read a; read b; echo "$b/$a"\nfirst/second\n${P}echo after\nafter\n${P}`);
  });
  it('Ctrl-C drops what was typed ahead', async () => {
    const t = terminal();
    t.c.key('sleep 10\r');
    await settle();
    t.c.key('echo lost\r\x03');
    for (let i = 0; i < 5; i++) await settle();
    expect(t.ran).toEqual(['sleep 10']);
  });
});

describe('hints', () => {
  it('shows the hint after the command', async () => {
    const t = terminal({ hint: (line, status) => (line.startsWith('$ ') && status === 127 ? 'drop the $' : undefined) });
    t.c.key('$ docker ps\r');
    await settle();
    expect(t.screen()).toBe(`${P}$ docker ps\nbash: $: command not found\ndrop the $\n${P}`);
  });
});
