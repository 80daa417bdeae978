/**
 * A learner completes lesson 7, "Entering a container", in the built app, in
 * 中文: the steps lessons:check can only prove with stand-in solutions (its
 * solutions cannot type into an attached terminal) are done here by typing:
 * `docker exec -it` and `exit` (the container keeps running), `docker attach`
 * and `exit` (it stops), `docker attach` and Ctrl-P Ctrl-Q (it keeps running).
 */
import { describe, expect, it } from 'vitest';
import { useCoursePage } from './support/course';
import { focusTerminal, run, screenText, waitForPrompt, waitForScreen } from './support/terminal';

const CONTAINER_PROMPT = /^root@[0-9a-f]{12}:\/#$/m;

describe('lesson 7 as a learner', () => {
  const p = useCoursePage('zh-CN');
  const { course, title, enter, answer } = p;

  it('exec leaves the container running, attach and exit stop it, Ctrl-P Ctrl-Q leaves it running', async () => {
    const { page } = p.b;
    await course().locator('[data-lesson="entering-containers"]').getByRole('button', { name: '开始' }).click();
    await title('一个后台容器');
    await waitForPrompt(page, 60_000);
    await course().locator('.step .lesson-code').getByRole('button', { name: /运行/ }).first().click();
    await title('用 exec 进入');

    await enter('docker exec -it box bash');
    await waitForScreen(page, CONTAINER_PROMPT);
    await enter('echo "I was here" > /tmp/note.txt');
    await enter('exit');
    await waitForPrompt(page);
    await title('为什么 box 还在运行？');
    await answer(/exit 结束的是/);

    await title('连接到主进程');
    await enter('docker attach box');
    await page.keyboard.press('Enter');
    await waitForScreen(page, CONTAINER_PROMPT);
    await enter('exit');
    await waitForPrompt(page);
    expect(await run(page, 'docker ps -a', 'box')).toMatch(/Exited \(0\) .* box$/m);
    await title('再次启动');

    await run(page, 'docker start box');
    await title('离开但不停止');
    await enter('docker attach box');
    await page.keyboard.press('Enter');
    await waitForScreen(page, CONTAINER_PROMPT);
    await focusTerminal(page);
    await page.keyboard.press('Control+p');
    await page.keyboard.press('Control+q');
    await waitForScreen(page, 'read escape sequence');
    await waitForPrompt(page);
    expect(await run(page, 'docker ps', 'box')).toMatch(/Up .* box$/m);
    await answer(/Ctrl-P Ctrl-Q/);
    await expect.poll(() => course().locator('.lesson-finished h3').textContent(), { timeout: 30_000 }).toBe('这一课完成了！🎉');
    expect(await screenText(page)).not.toContain('internal error');
    expect(p.b.errors).toEqual([]);
  });
});
