/**
 * Driving the active xterm.js terminal of the page: read what it shows (the
 * DOM renderer's rows: exactly the screen the learner sees), type lines, and
 * wait for output and for the prompt to come back. Waiting is always for text
 * on the screen, never for a fixed time.
 */
import type { Page } from 'playwright-core';

/** the host shell's prompt: learner@dockyard:~$ , learner@dockyard:/tmp$ */
export const PROMPT = /^learner@dockyard:[^$#]*[$#]$/;

/** the active terminal's panel (xterm.js's own element is a `.terminal` too, inside every panel) */
const ACTIVE = '.terminal[role="tabpanel"]:not([hidden])';
const ROWS = `${ACTIVE} .xterm-rows > div`;

/** the rows on the screen of the active terminal (trailing blanks cut) */
export async function screen(page: Page): Promise<string[]> {
  return page.evaluate(
    (sel) => [...document.querySelectorAll(sel)].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()),
    ROWS,
  );
}

export async function screenText(page: Page): Promise<string> {
  return (await screen(page)).join('\n');
}

async function explain<T>(page: Page, what: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const shown = await screenText(page).catch(() => '(the page is gone)');
    throw new Error(`${what}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n--- the terminal shows ---\n${shown}\n---`);
  }
}

/**
 * Waits until the terminal's screen contains `text` (rows joined with "\n"),
 * or matches the regular expression.
 */
export async function waitForScreen(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  const arg = typeof text === 'string' ? { s: text, re: '' } : { s: '', re: text.source };
  await explain(
    page,
    `waiting for ${String(text)}`,
    page.waitForFunction(
      ({ sel, s, re }) => {
        const t = [...document.querySelectorAll(sel)].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n');
        return re ? new RegExp(re, 'm').test(t) : t.includes(s);
      },
      { sel: ROWS, ...arg },
      { timeout, polling: 'raf' },
    ),
  );
}

/** Waits until the terminal is idle: its last line is a bare prompt and its tab shows no running command. */
export async function waitForPrompt(page: Page, timeout = 30_000): Promise<void> {
  await explain(
    page,
    'waiting for the prompt',
    page.waitForFunction(
      ({ sel, prompt }) => {
        const rows = [...document.querySelectorAll(sel)].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim());
        const last = rows.filter((r) => r !== '').pop() ?? '';
        return new RegExp(prompt).test(last) && document.querySelector('.terminal-tab.selected .terminal-tab-icon.busy') === null;
      },
      { sel: ROWS, prompt: PROMPT.source },
      { timeout, polling: 'raf' },
    ),
  );
}

/** gives the active terminal the keyboard focus */
export async function focusTerminal(page: Page): Promise<void> {
  await page.locator(`${ACTIVE} .xterm-helper-textarea`).focus();
}

/** Waits until the line being typed (wrapped or not) is on the screen. */
export async function waitForTyped(page: Page, line: string, timeout = 10_000): Promise<void> {
  const squeezed = line.replace(/\s+/g, '');
  await explain(
    page,
    `waiting for the typed line ${JSON.stringify(line)}`,
    page.waitForFunction(
      ({ sel, s }) => [...document.querySelectorAll(sel)].map((r) => (r.textContent ?? '').replace(/\s+/g, '')).join('').includes(s),
      { sel: ROWS, s: squeezed },
      { timeout, polling: 'raf' },
    ),
  );
}

/** Ctrl+L at the prompt: the screen shows only the prompt again */
export async function clearScreen(page: Page): Promise<void> {
  await waitForPrompt(page);
  await focusTerminal(page);
  await page.keyboard.press('Control+l');
  await explain(
    page,
    'waiting for the screen to clear',
    page.waitForFunction(
      ({ sel, prompt }) => {
        const rows = [...document.querySelectorAll(sel)].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter((r) => r !== '');
        return rows.length === 1 && new RegExp(prompt).test(rows[0] ?? '');
      },
      { sel: ROWS, prompt: PROMPT.source },
      { timeout: 10_000, polling: 'raf' },
    ),
  );
}

/** types `line` at the prompt (without Enter) and waits for its echo */
export async function typeLine(page: Page, line: string): Promise<void> {
  await focusTerminal(page);
  await page.keyboard.type(line);
  await waitForTyped(page, line);
}

/**
 * Runs one command as a learner would: type it, wait for the echo, press
 * Enter, wait for `expect` (if given) and then for the prompt. Returns the
 * screen afterwards.
 */
export async function run(page: Page, line: string, expect?: string | RegExp, timeout = 30_000): Promise<string> {
  await waitForPrompt(page, timeout);
  await typeLine(page, line);
  await page.keyboard.press('Enter');
  if (expect !== undefined) await waitForScreen(page, expect, timeout);
  await waitForPrompt(page, timeout);
  return screenText(page);
}

/** a prompt at the start of a row, with or without a command typed after it */
const PROMPT_ROW = /^learner@dockyard:[^$#]*[$#]( |$)/;

/**
 * The output of the last `line` typed at a prompt on the screen: the rows
 * after it up to the next prompt.
 */
export function outputOf(shown: string, line: string): string {
  const rows = shown.split('\n');
  let at = -1;
  rows.forEach((r, i) => {
    if (PROMPT_ROW.test(r) && r.endsWith(` ${line}`) && PROMPT.test(r.slice(0, r.length - line.length - 1))) at = i;
  });
  if (at < 0) return '';
  const out: string[] = [];
  for (const r of rows.slice(at + 1)) {
    if (PROMPT_ROW.test(r)) break;
    out.push(r);
  }
  return out.join('\n').trimEnd();
}
