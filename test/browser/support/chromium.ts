/**
 * Starts the system Chromium (Debian's package, /usr/bin/chromium; never a
 * downloaded browser) through playwright-core, headless, with a fresh profile
 * in a temporary --user-data-dir that close() removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** the profile folder (IndexedDB, localStorage live here) */
  profile: string;
  /** uncaught exceptions in the page so far */
  errors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  width?: number;
  height?: number;
  /** the browser's language list (navigator.languages), e.g. 'en-US' or 'zh-CN' */
  locale?: string;
  /** more Chromium switches (the web benchmark: --enable-precise-memory-info) */
  args?: string[];
}

export async function launch({ width = 1280, height = 720, locale = 'en-US', args = [] }: LaunchOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dockyard-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...args],
      viewport: { width, height },
      locale,
      timezoneId: 'UTC',
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  return {
    context,
    page,
    profile,
    errors,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
