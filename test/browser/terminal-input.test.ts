/**
 * The terminal as the tutorials use it: pasted multi-line commands (the
 * `docker commit \` of the tutorial, a heredoc Dockerfile), a pasted `$ `,
 * Ctrl-C on `ping` inside `docker run -it` and on a loop at the host prompt,
 * keys typed while `docker stop` waits, and a reload during `docker run -it`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { focusTerminal, outputOf, run, screenText, typeLine, waitForPrompt, waitForScreen } from './support/terminal';

let b: Browser;

/** paste `text` into the active terminal as the browser does (a paste event on xterm's textarea) */
async function paste(page: Page, text: string): Promise<void> {
  await focusTerminal(page);
  await page.evaluate((t) => {
    const area = document.querySelector('.terminal:not([hidden]) .xterm-helper-textarea');
    if (!area) throw new Error('no terminal');
    const data = new DataTransfer();
    data.setData('text/plain', t);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** the UI record the store keeps in IndexedDB (database "dockyard", store "sandbox") */
async function persisted(page: Page): Promise<{ runningCommands?: Record<string, string>; runningAttached?: Record<string, string>; scrollback?: Record<string, string> }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('dockyard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('sandbox').objectStore('sandbox').get('dockyard-sandbox');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const v = get.result as { state?: unknown } | string | undefined;
            const record = typeof v === 'string' ? JSON.parse(v) : v;
            resolve((record?.state ?? {}) as never);
          };
        };
      }),
  );
}

describe('terminal input', () => {
  beforeAll(async () => {
    b = await launch({ width: 1600, height: 1000 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
  });
  afterAll(async () => {
    await b?.close();
  });

  it("pastes the tutorial's multi-line docker commit: one command, PS2 lines, one history entry", async () => {
    const { page } = b;
    await run(page, 'docker run --name webserver -d -p 80:80 nginx', /^[0-9a-f]{64}$/m, 60_000);
    await paste(page, 'docker commit \\\n    --author "Tao Wang <twang2218@gmail.com>" \\\n    --message "修改了默认网页" \\\n    webserver \\\n    nginx:v2\n');
    await waitForScreen(page, /^sha256:[0-9a-f]{64}$/m);
    await waitForPrompt(page);
    const shown = await screenText(page);
    expect(shown).toContain('learner@dockyard:~$ docker commit \\\n>     --author "Tao Wang <twang2218@gmail.com>" \\\n>     --message "修改了默认网页" \\\n>     webserver \\\n>     nginx:v2\nsha256:');
    expect(shown).not.toContain('command not found');
    const inspect = 'docker inspect -f "{{.Author}} / {{.Comment}}" nginx:v2';
    expect(outputOf(await run(page, inspect), inspect)).toBe('Tao Wang <twang2218@gmail.com> / 修改了默认网页');
    // Up twice: the whole commit, as one line
    await focusTerminal(page);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await waitForScreen(page, 'learner@dockyard:~$ docker commit     --author "Tao Wang <twang2218@gmail.com>"     --message "修改了默认网页"     webserver     nginx:v2');
    await page.keyboard.press('Control+C');
    await waitForPrompt(page);
  });

  it('pastes a heredoc Dockerfile and builds it', async () => {
    const { page } = b;
    await paste(page, "mkdir -p mynginx && cd mynginx\ncat > Dockerfile <<EOF\nFROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html\nEOF\n");
    await waitForScreen(page, /^> EOF$/m);
    await waitForPrompt(page);
    expect(outputOf(await run(page, 'cat Dockerfile'), 'cat Dockerfile')).toBe("FROM nginx\nRUN echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html");
    await run(page, 'docker build -t nginx:v3 .', 'Successfully tagged nginx:v3', 60_000);
    await run(page, 'cd ..');
  });

  it('keeps bash\'s error for a pasted "$ " and adds one hint line', async () => {
    const { page } = b;
    const shown = await run(page, '$ docker image ls', '$: command not found');
    expect(outputOf(shown, '$ docker image ls')).toBe('bash: $: command not found\nHint: leave out the leading "$ " — it is the prompt shown in the tutorial, not part of the command.');
  });

  it('Ctrl-C stops ping inside docker run -it, and a loop at the host prompt', async () => {
    const { page } = b;
    await run(page, 'docker network create my-net', /^[0-9a-f]{64}$/m);
    await run(page, 'docker run -dit --name busybox2 --network my-net busybox', /^[0-9a-f]{64}$/m, 60_000);
    await typeLine(page, 'docker run -it --rm --name busybox1 --network my-net busybox sh');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^\/ #$/m);
    await page.keyboard.type('ping busybox2');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /seq=2 ttl=64/);
    await page.keyboard.press('Control+C');
    await waitForScreen(page, /^--- busybox2 ping statistics ---$/m);
    await waitForScreen(page, /packet loss\nround-trip .*\n\/ #$/);
    await page.keyboard.type('exit');
    await page.keyboard.press('Enter');
    await waitForPrompt(page);

    await typeLine(page, 'while :; do :; done');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^learner@dockyard:~\$ while :; do :; done\n$/m);
    await page.keyboard.press('Control+C');
    await waitForPrompt(page);
    expect(outputOf(await run(page, 'echo $?'), 'echo $?')).toBe('130');
  });

  it('keys typed while docker stop waits run at the next prompt', async () => {
    const { page } = b;
    await run(page, 'docker run -d --name sleepy busybox sleep 1000', /^[0-9a-f]{64}$/m);
    await typeLine(page, 'docker stop sleepy');
    await page.keyboard.press('Enter');
    await page.keyboard.type('echo typed during the stop');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^typed during the stop$/m, 30_000);
    await waitForPrompt(page);
    const shown = await screenText(page);
    expect(shown).toMatch(/docker stop sleepy\necho typed during the stop\nsleepy\nlearner@dockyard:~\$ echo typed during the stop\ntyped during the stop\n/);
  });

  it('a reload during docker run -it attaches to the same container again', async () => {
    const { page } = b;
    await typeLine(page, 'docker run -it --name keep busybox sh');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^\/ #$/m);
    await page.keyboard.type('echo before the reload');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^before the reload$/m);
    // what a reload finds: the command, the container it attached to, the screen
    await expect
      .poll(async () => {
        const s = await persisted(page);
        return Boolean(s.runningAttached?.t1 && s.scrollback?.t1?.includes('before the reload'));
      }, { timeout: 20_000 })
      .toBe(true);
    await page.reload();
    await waitForScreen(page, 'attaching to container keep again (docker attach)');
    await waitForScreen(page, /\(docker attach\):\n\/ #$/m);
    await focusTerminal(page);
    await page.keyboard.type('echo after the reload');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^after the reload$/m);
    await page.keyboard.type('exit');
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
    const ps = "docker ps -a --format '{{.Names}} {{.Status}}'";
    const out = outputOf(await run(page, ps), ps);
    expect(out.split('\n').filter((l) => l.startsWith('keep'))).toEqual([expect.stringMatching(/^keep Exited \(0\) /)]);
    expect(out).not.toMatch(/Conflict|_/);
    expect(b.errors).toEqual([]);
  });
});
