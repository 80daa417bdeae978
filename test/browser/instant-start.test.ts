/**
 * Instant start (issue 11): the page opens with a prompt that takes keys, so
 * a learner who types at once loses nothing, even before the app behind it is
 * loaded; and a loop that starts 100 containers lets the page draw while it
 * runs (the state view shows containers before the loop is over).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { outputOf, screenText, typeLine, waitForPrompt, waitForScreen } from './support/terminal';

let b: Browser;

describe('instant start', () => {
  beforeAll(async () => {
    // tall enough that `docker version`'s 28 lines leave its command line on the screen (the terminal is 55% of the height)
    b = await launch({ width: 1600, height: 1800 });
  });

  afterAll(async () => {
    await b?.close();
  });

  it('takes `docker version` typed right after navigation, without a click, and runs it', async () => {
    const { page } = b;
    await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
    // the moment the prompt is drawn and the terminal has the keyboard focus
    await page.waitForFunction(
      () => {
        const focused = document.activeElement?.classList.contains('xterm-helper-textarea') ?? false;
        const rows = [...document.querySelectorAll('.terminal .xterm-rows > div')].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim());
        return focused && rows.some((r) => r === 'learner@dockyard:~$');
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    await page.keyboard.type('docker version');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'docker-init:', 60_000);
    await waitForPrompt(page, 60_000);
    const out = outputOf(await screenText(page), 'docker version');
    expect(out).toMatch(/^Client:/);
    expect(out).toContain(' API version:       1.41');
    // typed once, in order: no key lost, none echoed twice
    expect((await screenText(page)).match(/docker version/g)).toHaveLength(1);
    expect(b.errors).toEqual([]);
  });

  it('lets the state view update while a loop of 100 `docker run -d` runs, and Ctrl-C stops a loop at once', async () => {
    const { page } = b;
    await typeLine(page, 'docker pull busybox >/dev/null && clear');
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 60_000);
    await typeLine(page, 'for i in $(seq 100); do docker run -d busybox sleep 1000; done');
    // every frame while the loop runs: is the tab still busy, and how many containers does the state view show
    await page.evaluate(() => {
      const w = window as unknown as { __seen: { busy: boolean; containers: number; ids: number }[]; __stop: boolean };
      w.__seen = [];
      w.__stop = false;
      const tick = () => {
        if (w.__stop) return;
        const rows = [...document.querySelectorAll('.terminal:not([hidden]) .xterm-rows > div')].map((r) => r.textContent ?? '');
        w.__seen.push({
          busy: document.querySelector('.terminal-tab.selected .terminal-tab-icon.busy') !== null,
          containers: document.querySelectorAll('.sv-root .sv-container').length,
          ids: rows.filter((r) => /^[0-9a-f]{64}/.test(r.trim())).length,
        });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 300_000);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __seen: { busy: boolean; containers: number; ids: number }[]; __stop: boolean };
      w.__stop = true;
      return w.__seen;
    });
    const during = seen.filter((s) => s.busy);
    // the page drew while the loop ran: container IDs appeared one by one, and the state view showed containers
    expect(new Set(during.map((s) => s.ids)).size).toBeGreaterThan(5);
    expect(during.some((s) => s.containers > 0)).toBe(true);

    // Ctrl-C on a loop that would run for long: the prompt is back at once, with far fewer containers
    await typeLine(page, 'clear; for i in $(seq 1000); do docker run -d busybox sleep 1000; done');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.terminal:not([hidden]) .xterm-rows > div')].some((r) => /^[0-9a-f]{64}/.test((r.textContent ?? '').trim())), undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    await page.keyboard.press('Control+c');
    await waitForPrompt(page, 10_000);
    await typeLine(page, 'docker ps -q | wc -l');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^\s*\d+$/m);
    const count = Number(/^\s*(\d+)$/m.exec(outputOf(await screenText(page), 'docker ps -q | wc -l'))?.[1]);
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThan(1100);
    expect(b.errors).toEqual([]);
  });
});
