/**
 * The lesson panel as the lesson browser tests drive it: one browser at the
 * built app's first prompt, in the given language, and the few moves a
 * learner makes in the panel (read the step's title, ask "Why not yet?",
 * answer a quiz, type a line in the terminal).
 */
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { courseStrings } from '../../../src/ui/lesson/course-strings';
import { type Browser, launch } from './chromium';
import { typeLine, waitForPrompt } from './terminal';

/** the browser's language → the panel's words in the language the app picks for it */
const BUTTONS = { 'en-US': courseStrings.en, 'zh-CN': courseStrings['zh-CN'] };

export type CourseLocale = keyof typeof BUTTONS;

export interface CoursePage {
  /** the browser, once beforeAll has run */
  readonly b: Browser;
  course(): ReturnType<Browser['page']['locator']>;
  stepTitle(): ReturnType<Browser['page']['locator']>;
  /** waits until the current step's title is `t` */
  title(t: string): Promise<void>;
  /** the reasons "Why not yet?" lists, one per line (opens the list if it is closed) */
  why(): Promise<string>;
  /** picks the quiz choice whose label matches, and answers */
  answer(choice: RegExp): Promise<void>;
  /** types a line in the focused terminal and presses Enter */
  enter(line: string): Promise<void>;
}

/**
 * Opens the app in a 1400×1000 window for the enclosing describe block (beforeAll/afterAll)
 * and returns the panel's moves.
 */
export function useCoursePage(locale: CourseLocale): CoursePage {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch({ width: 1400, height: 1000, locale });
    await browser.page.goto(inject('baseUrl'));
    await waitForPrompt(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const b = (): Browser => {
    if (!browser) throw new Error('the browser is not open yet (use the page inside a test)');
    return browser;
  };
  const course = () => b().page.locator('.course');
  const stepTitle = () => course().locator('.step h3');
  return {
    get b() {
      return b();
    },
    course,
    stepTitle,
    title: (t) => expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe(t),
    async why() {
      const list = course().locator('.why-not-yet');
      if (!(await list.isVisible())) await course().getByRole('button', { name: BUTTONS[locale].whyNotYet }).click();
      return (await list.locator('li').allTextContents()).join('\n');
    },
    async answer(choice) {
      await course().getByRole('radio', { name: choice }).check();
      await course().getByRole('button', { name: BUTTONS[locale].answer }).click();
    },
    async enter(line) {
      await typeLine(b().page, line);
      await b().page.keyboard.press('Enter');
    },
  };
}
