import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { clearScreen, outputOf, run, waitForPrompt, waitForScreen } from './support/terminal';

/** what the page shows around the terminal in one language */
async function uiStrings(b: Browser) {
  const { page } = b;
  return {
    title: await page.title(),
    lang: await page.locator('html').getAttribute('lang'),
    toolbar: (await page.getByRole('navigation').first().locator('.tool-label').allTextContents()).join(' | '),
    tab: (await page.locator('.terminal-tab-label').first().textContent())?.replace('❯', '').trim(),
    ports: await page.locator('.ports-strip .ports-title').textContent(),
    files: await page.getByRole('button', { name: /^(New file|新建文件)$/ }).textContent(),
  };
}

describe('language switch', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await launch({ width: 1600, height: 1000, locale: 'en-US' });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
    await b.page.getByRole('button', { name: /^(New file|新建文件)$/ }).waitFor();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('switches the UI between English and 中文, never Docker’s output', async () => {
    const { page } = b;
    const en = await uiStrings(b);
    expect(en).toEqual({
      title: 'Dockyard — A Docker learning sandbox: a simulated Docker 20.10 engine in your browser.',
      lang: 'en',
      toolbar: 'Undo | Redo | Reset | Export | Import | 中文 | Help',
      tab: 'Terminal 1',
      ports: 'Ports',
      files: '+ File',
    });
    const errEn = outputOf(await run(page, 'docker rm nosuch', 'Error'), 'docker rm nosuch');
    const psEn = outputOf(await run(page, 'docker ps -a', 'CONTAINER ID'), 'docker ps -a');

    await page.getByRole('button', { name: 'Language: 中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await uiStrings(b)).toEqual({
      title: 'Dockyard — Docker 学习沙箱：在浏览器里运行的模拟 Docker 20.10 引擎。',
      lang: 'zh-CN',
      toolbar: '撤销 | 重做 | 重置 | 导出 | 导入 | English | 帮助',
      tab: '终端 1',
      ports: '端口',
      files: '+ 文件',
    });
    // Docker's own texts stay as Docker prints them
    expect(errEn).toBe('Error: No such container: nosuch');
    await clearScreen(page);
    expect(outputOf(await run(page, 'docker rm nosuch', 'Error'), 'docker rm nosuch')).toBe(errEn);
    expect(outputOf(await run(page, 'docker ps -a', 'CONTAINER ID'), 'docker ps -a')).toBe(psEn);

    await page.getByRole('button', { name: '语言: English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await uiStrings(b)).toEqual(en);
  });

  it('starts in 中文 when the browser prefers Chinese', async () => {
    const zh = await launch({ width: 1280, height: 720, locale: 'zh-CN' });
    try {
      await zh.page.goto(inject('baseUrl'));
      await waitForScreen(zh.page, '欢迎使用 Dockyard。这个终端连接的是一个模拟的 Docker Engine 20.10。');
      await waitForPrompt(zh.page);
      expect(await zh.page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await zh.page.getByRole('tab', { name: '终端 1' }).waitFor();
    } finally {
      await zh.close();
    }
  });

  it('threw no uncaught exception in the page', () => {
    expect(b.errors).toEqual([]);
  });
});
