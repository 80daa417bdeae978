/**
 * Editors and the state view as a learner meets them (issue 9 items 8, 14, 15):
 * `vim Dockerfile` opens the editor and holds the terminal until the tab is
 * closed; two Dockerfiles' tabs name their folders; the Build button says
 * what it typed; `sudo vim /etc/docker/daemon.json`, then `sudo systemctl
 * restart docker` and the mirror in `docker info`; busybox's vi edits a
 * container's file (docker diff shows it) and nginx's image has no vim; the
 * state view's colours, its Hub card from the registry's API, the
 * plain-language card above the inspect JSON; the default layout's sizes at
 * 1440×900 and 1280×720. In English here, in 中文 at the end.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { focusTerminal, outputOf, run, screenText, typeLine, waitForPrompt, waitForScreen } from './support/terminal';

let b: Browser;

/** type a command and press Enter without waiting for the prompt (an editor holds it) */
async function start(page: Page, line: string): Promise<void> {
  await waitForPrompt(page);
  await typeLine(page, line);
  await page.keyboard.press('Enter');
}

/** what the editor shows, as text */
async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.ed-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** puts `text` at the end of the open file, as typed (Monaco's own input, without auto-closed brackets) */
async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.locator('.ed-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/** the size of an element, px */
async function sizeOf(page: Page, selector: string): Promise<{ width: number; height: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** how many rows the active terminal shows */
async function terminalRows(page: Page): Promise<number> {
  return page.locator('.terminal:not([hidden]) .xterm-rows > div').count();
}

describe('editors and the state view', () => {
  beforeAll(async () => {
    b = await launch({ width: 1440, height: 900 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('gives the editor and the state view room to read at 1440×900 and 1280×720, and the terminal its rows', async () => {
    const { page } = b;
    await run(page, 'mkdir mynginx web');
    await start(page, 'vim mynginx/Dockerfile');
    await page.locator('.ed-editor .monaco-editor').waitFor();
    const at1440 = { monaco: await sizeOf(page, '.ed-editor'), state: await sizeOf(page, '#area-state'), terminal: await sizeOf(page, '#area-terminals') };
    expect(at1440.monaco.width).toBeGreaterThanOrEqual(420);
    expect(at1440.monaco.height).toBeGreaterThanOrEqual(320);
    expect(at1440.state.width).toBeGreaterThanOrEqual(460);
    expect(at1440.state.height).toBeGreaterThanOrEqual(370);
    expect(at1440.terminal.height).toBeGreaterThanOrEqual(440);
    expect(await terminalRows(page)).toBeGreaterThanOrEqual(20);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(async () => (await sizeOf(page, '.ed-editor')).width).toBeGreaterThanOrEqual(360);
    expect((await sizeOf(page, '.ed-editor')).height).toBeGreaterThanOrEqual(240);
    expect((await sizeOf(page, '#area-state')).height).toBeGreaterThanOrEqual(290);
    await expect.poll(() => terminalRows(page)).toBeGreaterThanOrEqual(15);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('vim Dockerfile opens the editor; closing the tab gives the prompt back', async () => {
    const { page } = b;
    // the vim of the previous step still waits
    await waitForScreen(page, 'vim: mynginx/Dockerfile is open in the editor. Close its tab to come back here, or press any key.');
    const tab = page.locator('.ed-tab-active');
    await expect.poll(() => tab.getAttribute('title')).toBe('/home/learner/mynginx/Dockerfile');
    await typeInEditor(page, 'FROM nginx\nRUN echo "<h1>mynginx</h1>" > /usr/share/nginx/html/index.html\n');
    await page.getByRole('button', { name: 'Close Dockerfile' }).click();
    await waitForPrompt(page);
    expect(outputOf(await run(page, 'cat mynginx/Dockerfile', 'FROM nginx'), 'cat mynginx/Dockerfile')).toBe(
      'FROM nginx\nRUN echo "<h1>mynginx</h1>" > /usr/share/nginx/html/index.html',
    );
  });

  it('two Dockerfiles show their folders; the Build button says what it typed', async () => {
    const { page } = b;
    await run(page, 'printf "FROM busybox\\n" > web/Dockerfile');
    await start(page, 'vim web/Dockerfile');
    await waitForScreen(page, 'vim: web/Dockerfile is open in the editor.');
    // the editor has the keyboard; a key in the terminal hands the terminal back, as a terminal editor would
    await focusTerminal(page);
    await page.keyboard.press('q');
    await waitForPrompt(page);
    await run(page, 'cd mynginx');
    await start(page, 'vim Dockerfile');
    await waitForScreen(page, 'vim: Dockerfile is open in the editor.');
    await expect.poll(() => page.locator('.ed-tab-name').allTextContents()).toEqual(['web/Dockerfile', 'mynginx/Dockerfile']);
    await focusTerminal(page);
    await page.keyboard.press('q');
    await waitForPrompt(page);
    await page.getByRole('button', { name: /Build/ }).click();
    await expect.poll(() => page.locator('.ed-note').textContent()).toBe(
      'Typed into Terminal 1: docker build -t mynginx:latest . — press Enter there to run it.',
    );
    await focusTerminal(page);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'Successfully tagged mynginx:latest', 60_000);
    await waitForPrompt(page);
    await run(page, 'cd');
    expect(outputOf(await run(page, 'cat web/Dockerfile', 'FROM'), 'cat web/Dockerfile')).toBe('FROM busybox');
  });

  it('sudo vim /etc/docker/daemon.json, then sudo systemctl restart docker: the mirror is in docker info', async () => {
    const { page } = b;
    // without sudo the file opens read-only
    await start(page, 'vim /etc/docker/daemon.json');
    await waitForScreen(page, 'is open in the editor, read-only: you may not write it (sudo vim /etc/docker/daemon.json may).');
    await page.locator('.ed-status-save', { hasText: /^read-only$/ }).waitFor();
    await page.getByRole('button', { name: 'Close daemon.json' }).click();
    await waitForPrompt(page);
    await start(page, 'sudo vim /etc/docker/daemon.json');
    await waitForScreen(page, 'vim: /etc/docker/daemon.json is open in the editor. Close its tab');
    await typeInEditor(page, '{ "registry-mirrors": ["https://hub-mirror.c.163.com"] }\n');
    await page.getByRole('button', { name: 'Close daemon.json' }).click();
    await waitForPrompt(page);
    await run(page, 'sudo systemctl restart docker', undefined, 60_000);
    const info = await run(page, 'docker info', 'Live Restore Enabled: false');
    expect(info).toContain(' Registry Mirrors:\n  https://hub-mirror.c.163.com/');
    // the file tree shows the whole machine too: it went there for the file vim opened, and opens it again
    const wholeMachine = page.getByRole('button', { name: 'Show the whole machine (/)' });
    await expect.poll(() => wholeMachine.getAttribute('aria-pressed')).toBe('true');
    await page.locator('.ed-tree').getByRole('button', { name: 'daemon.json', exact: true }).click();
    // (a long line wraps in the editor: compared without spaces)
    await expect.poll(async () => (await editorText(page)).replace(/\s+/g, '')).toContain('"registry-mirrors":["https://hub-mirror.c.163.com"]');
    await page.getByRole('button', { name: 'Close daemon.json' }).click();
    await page.getByRole('button', { name: 'Show your home folder (~)' }).click();
    await page.locator('.ed-tree').getByRole('button', { name: 'mynginx', exact: true }).waitFor();
  });

  it("busybox's vi edits the container's file through the archive API; nginx's image has no vim", async () => {
    const { page } = b;
    await run(page, 'docker run -dit --name box busybox', /^[0-9a-f]{64}$/m, 60_000);
    await start(page, 'docker exec -it box vi /tmp/note.txt');
    await waitForScreen(page, 'vi: box:/tmp/note.txt is open in the editor.');
    await expect.poll(() => page.locator('.ed-tab-active .ed-tab-name').textContent()).toBe('box:note.txt');
    await typeInEditor(page, 'edited in the editor\n');
    await page.getByRole('button', { name: 'Close box:note.txt' }).click();
    await waitForPrompt(page);
    expect(outputOf(await run(page, 'docker diff box', 'A /tmp/note.txt'), 'docker diff box')).toBe('C /tmp\nA /tmp/note.txt');
    expect(outputOf(await run(page, 'docker exec box cat /tmp/note.txt', 'edited'), 'docker exec box cat /tmp/note.txt')).toBe('edited in the editor');
    await run(page, 'docker run -d --name site nginx', /^[0-9a-f]{64}$/m, 60_000);
    await typeLine(page, 'docker exec -it site bash');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^root@[0-9a-f]{12}:\/#$/m);
    await page.keyboard.type('vim /etc/nginx/nginx.conf');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'bash: vim: command not found');
    await page.keyboard.type('exit');
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
  });

  it('the state view: its own colour for each state, the Hub from its API, a card before the JSON', async () => {
    const { page } = b;
    await run(page, 'docker tag nginx nginx:v2');
    await run(page, 'docker pause box');
    // a paused container and a tag no longer share a colour
    const paused = page.locator('svg.sv-svg g.sv-container', { has: page.locator('text', { hasText: /^box$/ }) }).first();
    const tag = page.locator('svg.sv-svg g.sv-tag', { has: page.locator('text', { hasText: /^nginx:v2$/ }) }).first();
    await expect.poll(() => paused.evaluate((g) => getComputedStyle(g.querySelector('rect') as Element).stroke)).toBe('rgb(181, 146, 245)');
    expect(await tag.evaluate((g) => getComputedStyle(g.querySelector('rect') as Element).stroke)).toBe('rgb(232, 185, 35)');
    // the Hub holds nginx's tags, not the local nginx:v2
    const hubChip = page.locator('svg.sv-svg g.sv-repository title', { hasText: /^docker\.io\/library\/nginx:/ });
    await expect.poll(() => hubChip.first().textContent()).toBe('docker.io/library/nginx: 1.25 1.25-alpine 1.25.3 1.25.3-alpine alpine latest mainline');
    // the legend
    await page.locator('.sv-legend > summary').click();
    await expect.poll(() => page.locator('.sv-legend-item').allTextContents()).toEqual(expect.arrayContaining(['paused', 'tag (a name)', 'dangling image (<none>)']));
    await page.locator('.sv-legend > summary').click();
    // the card: plain language first, then the inspect JSON
    await page.locator('svg.sv-svg g.sv-image', { has: page.locator('text', { hasText: /^[0-9a-f]{12}$/ }) }).first().click();
    const panel = page.locator('aside.sv-inspect');
    await panel.locator('.sv-explain').waitFor();
    const card = (await panel.locator('.sv-explain').textContent()) ?? '';
    expect(card).toContain('What it is');
    expect(card).toContain('If you remove it');
    const order = await panel.evaluate((el) => [...el.querySelectorAll('.sv-explain, .sv-json')].map((e) => e.className.split(' ')[0]));
    expect(order[0]).toBe('sv-explain');
    expect(order).toContain('sv-json');
    await panel.getByRole('button', { name: 'Close' }).click();
    await run(page, 'docker unpause box');
  });

  it('threw no uncaught exception in the page', () => {
    expect(b.errors).toEqual([]);
  });
});

describe('编辑器与状态视图（中文）', () => {
  let zh: Browser;
  beforeAll(async () => {
    zh = await launch({ width: 1440, height: 900, locale: 'zh-CN' });
    await zh.page.goto(inject('baseUrl'));
    await waitForPrompt(zh.page);
  });
  afterAll(async () => {
    await zh?.close();
  });

  it('vim 的提示、虚悬镜像的说明卡片都是中文', async () => {
    const { page } = zh;
    await run(page, 'mkdir app && cd app');
    await start(page, 'vim Dockerfile');
    await waitForScreen(page, 'vim：Dockerfile 已在编辑器中打开。关闭它的标签页即可回到这里，或按任意键。');
    await typeInEditor(page, 'FROM busybox\nRUN echo one > /x\n');
    await page.getByRole('button', { name: '关闭 Dockerfile' }).click();
    await waitForPrompt(page);
    await run(page, 'docker build -t app .', 'Successfully tagged app:latest', 60_000);
    await run(page, 'sed -i s/one/two/ Dockerfile');
    await run(page, 'docker build -t app .', 'Successfully tagged app:latest', 60_000);
    // the old build lost its name: a dangling image
    const dangling = page.locator('svg.sv-svg g.sv-image.sv-tone-dangling').first();
    await dangling.waitFor();
    await dangling.click();
    const card = page.locator('aside.sv-inspect .sv-explain');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('虚悬镜像（<none>:<none>）');
    expect(text).toContain('为什么没有名字');
    expect(text).toContain('docker image prune 会删除所有没有容器使用的虚悬镜像。');
    expect(await screenText(page)).not.toContain('Uncaught');
  });

  it('threw no uncaught exception in the page', () => {
    expect(zh.errors).toEqual([]);
  });
});
