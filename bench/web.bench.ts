/**
 * Web benchmark (`npm run bench:web`): builds the app and a bare xterm.js page
 * (bench/web/bare: the same @xterm/xterm and options, nothing around it),
 * serves both with `vite preview` and measures them in the system Chromium
 * (headless, playwright-core), each load in a fresh profile with the cache
 * disabled, the two pages loaded alternately (`-- --runs N` pairs, default 5;
 * `--locale zh-CN` for the app in Chinese and the bare page greeting in it):
 *   - the ready moment: the prompt drawn AND the keyboard focus in the
 *     terminal's textarea, read once per animation frame; the medians of both
 *     pages and their ratio;
 *   - every script and stylesheet fetched before that moment, per chunk, with
 *     its gzip size (node:zlib level 9, as the build's .gz files);
 *   - the JS heap in use at that moment (--enable-precise-memory-info);
 *   - key-to-echo, with an empty screen and with 10,000 lines of scrollback,
 *     on both pages;
 *   - frame times while `for i in $(seq 100); do docker run -d busybox sleep 1000; done`
 *     runs, and, five times, the time from a Ctrl-C on such a loop to the frame
 *     that draws the prompt (its rows written, watched by a MutationObserver)
 *     and which frame after the key that was;
 *   - the time from a click on the "Editor" tab (narrow layout, as soon as the
 *     app is up) to a Monaco editor that takes keys.
 * Prints the figures next to the goals of issue 11; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, launch } from '../test/browser/support/chromium';
import { buildApp, runVite, startPreview } from '../test/browser/support/serve';
import { clearScreen, run, typeLine, waitForPrompt } from '../test/browser/support/terminal';
import { ctrlCArm, echoArm, echoResult, framesStart, framesStop, readyWatch } from './web/in-page';
import { kb, median, ms, percentile, type Row, table } from './web/stats';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 5);
/** the browser's language (navigator.languages): the app's language, and the bare page's greeting */
const LOCALE = arg('--locale') ?? 'en-US';
const KEYS = 20;
const CONTAINERS = 100;
const SCROLLBACK = 10_000;
/** Ctrl-C on a loop of docker run -d, this many times */
const CTRL_C_TRIES = 5;
const log = (s: string) => process.stderr.write(`${s}\n`);
const WIDE = { width: 1280, height: 720 };
const NARROW = { width: 800, height: 900 };

interface Fetched {
  path: string;
  bytes: number;
  gzip: number;
}

interface Load {
  readyAt: number;
  heap: number;
  fetched: Fetched[];
}

function sizeOf(dir: string, path: string): Fetched {
  const file = join(dir, decodeURIComponent(path).replace(/^\//, ''));
  const body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  return { path, bytes: body.length, gzip: body.length ? gzipSync(body, { level: 9 }).length : 0 };
}

async function open(viewport: { width: number; height: number }): Promise<Browser> {
  const b = await launch({ ...viewport, locale: LOCALE, args: ['--enable-precise-memory-info'] });
  // tsx compiles with esbuild's keepNames: functions passed to the page call its __name helper
  await b.page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await b.page.addInitScript(readyWatch);
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return b;
}

/** a cold load of `url` up to the ready moment, in browser `b` */
async function coldLoad(b: Browser, url: string, dir: string): Promise<Load> {
  const { page } = b;
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__readyAt !== undefined, undefined, { timeout: 120_000, polling: 100 });
  const r = await page.evaluate(() => ({
    readyAt: window.__readyAt ?? Number.NaN,
    heap: window.__heapAtReady ?? Number.NaN,
    res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, start: e.startTime })),
  }));
  const fetched = r.res
    .filter((e) => e.start < r.readyAt)
    .map((e) => new URL(e.name).pathname)
    .filter((p) => /\.(m?js|css)$/.test(p))
    .map((p) => sizeOf(dir, p));
  return { readyAt: r.readyAt, heap: r.heap, fetched };
}

/** key-to-echo of KEYS letters typed at the prompt (the line is erased after) */
async function echoes(b: Browser): Promise<number[]> {
  const { page } = b;
  const out: number[] = [];
  let typed = '';
  for (let i = 0; i < KEYS; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    typed += ch;
    await page.evaluate(echoArm, `:~$ ${typed}`);
    await page.keyboard.press(ch);
    out.push(await page.evaluate(echoResult).then((v) => v ?? Number.NaN));
  }
  await page.keyboard.press('Control+u');
  return out;
}

interface AppDeep {
  echoEmpty: number[];
  echoFull: number[];
  frames: number[];
  loopMs: number;
  /** each try: ms from the key to the prompt written in a frame */
  ctrlC: number[];
  /** each try: frames begun after the key, up to the one that drew the prompt */
  ctrlCFrames: number[];
}

async function appDeep(url: string, dir: string): Promise<AppDeep> {
  const b = await open(WIDE);
  try {
    const { page } = b;
    await coldLoad(b, url, dir);
    // the app is up (the first frame gone) and the editor loaded: then time keys
    await page.waitForFunction(() => document.getElementById('boot') === null, undefined, { timeout: 120_000 });
    await page.locator('.ed-root').waitFor({ timeout: 120_000 });
    await waitForPrompt(page, 60_000);
    const echoEmpty = await echoes(b);
    await run(page, `seq ${SCROLLBACK}`, new RegExp(`^${SCROLLBACK}$`, 'm'), 120_000);
    const echoFull = await echoes(b);

    await clearScreen(page);
    await run(page, 'docker pull busybox', 'Status: Downloaded newer image for busybox:latest', 60_000);
    await typeLine(page, `for i in $(seq ${CONTAINERS}); do docker run -d busybox sleep 1000; done`);
    await page.evaluate(framesStart);
    const t = Date.now();
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 600_000);
    const loopMs = Date.now() - t;
    const frames = await page.evaluate(framesStop);

    const ctrlC: number[] = [];
    const ctrlCFrames: number[] = [];
    for (let i = 0; i < CTRL_C_TRIES; i++) {
      await waitForPrompt(page, 60_000);
      await typeLine(page, 'clear; for i in $(seq 1000); do docker run -d busybox sleep 1000; done');
      await page.keyboard.press('Enter');
      // after 5 to 7 rounds, so the key falls at different moments of a round
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('.terminal:not([hidden]) .xterm-rows > div')].filter((r) => /^[0-9a-f]{64}/.test((r.textContent ?? '').trim())).length >= n,
        5 + (i % 3),
        { timeout: 120_000 },
      );
      await page.evaluate(ctrlCArm);
      await page.keyboard.press('Control+c');
      await page.waitForFunction(() => window.__promptBackAt !== undefined, undefined, { timeout: 60_000 });
      const r = await page.evaluate(() => ({
        ms: (window.__promptBackAt ?? Number.NaN) - (window.__ctrlCAt ?? Number.NaN),
        frames: window.__ctrlCFrames ?? Number.NaN,
      }));
      ctrlC.push(r.ms);
      ctrlCFrames.push(r.frames);
    }
    if (b.errors.length) throw new Error(`uncaught exception in the page:\n${b.errors.join('\n')}`);
    return { echoEmpty, echoFull, frames, loopMs, ctrlC, ctrlCFrames };
  } finally {
    await b.close();
  }
}

async function bareDeep(url: string, dir: string): Promise<{ echoEmpty: number[]; echoFull: number[] }> {
  const b = await open(WIDE);
  try {
    await coldLoad(b, url, dir);
    const echoEmpty = await echoes(b);
    await b.page.evaluate(
      (n) =>
        new Promise<void>((resolve) => {
          const term = (window as unknown as { term: { write(s: string, cb?: () => void): void } }).term;
          let s = '';
          for (let i = 1; i <= n; i++) s += `${i}\r\n`;
          term.write(`${s}learner@dockyard:~$ `, resolve);
        }),
      SCROLLBACK,
    );
    const echoFull = await echoes(b);
    return { echoEmpty, echoFull };
  } finally {
    await b.close();
  }
}

/**
 * Narrow layout, a cold load: a Dockerfile written at the first prompt, then,
 * as soon as the app is up, a click on the "Editor" tab and one on the file
 * in its tree: ms from the first click to a Monaco editor that takes keys
 * (Monaco draws nothing until it has a file).
 */
async function editorReady(url: string, dir: string): Promise<number> {
  const b = await open(NARROW);
  try {
    const { page } = b;
    await coldLoad(b, url, dir);
    await page.keyboard.type("echo 'FROM busybox' > Dockerfile");
    await page.keyboard.press('Enter');
    const tab = page.locator('#tab-editor');
    await tab.waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __edClick?: number };
      document.getElementById('tab-editor')?.addEventListener('click', () => (w.__edClick = performance.now()), { capture: true, once: true });
    });
    await tab.click();
    await page.locator('.area-editor.active .ed-tree-name[title="/home/learner/Dockerfile"]').click({ timeout: 120_000 });
    const handle = await page.waitForFunction(
      () => {
        const w = window as unknown as { __edClick?: number };
        const input = document.querySelector('.area-editor.active .monaco-editor .native-edit-context, .area-editor.active .monaco-editor textarea');
        if (w.__edClick === undefined || !input || input.getClientRects().length === 0) return undefined;
        return performance.now() - w.__edClick;
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await b.close();
  }
}

/** runs one part of the benchmark; a failure is reported and its figures are NaN */
async function part<T>(name: string, fn: () => Promise<T>, failed: T): Promise<T> {
  log(name);
  try {
    return await fn();
  } catch (e) {
    log(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return failed;
  }
}

async function buildBare(dir: string): Promise<void> {
  const r = await runVite(['build', 'bench/web/bare', '--outDir', join(dir, 'bare'), '--base', '/bare/', '--emptyOutDir', '--logLevel', 'warn']);
  if (r.status !== 0) throw new Error(`vite build of the bare page failed:\n${r.output}`);
}

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const sum = (xs: Fetched[], k: 'bytes' | 'gzip') => xs.reduce((s, f) => s + f[k], 0);

async function main(): Promise<void> {
  const app = await buildApp(log);
  await buildBare(app.dir);
  const preview = await startPreview(app.dir);
  const appUrl = preview.url;
  const bareUrl = `${preview.url}bare/`;
  log(`vite preview on ${preview.url} (the bare page at /bare/); ${RUNS} pairs of cold loads`);
  try {
    const apps: Load[] = [];
    const bares: Load[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const order = i % 2 === 1 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      for (const which of order) {
        const b = await open(WIDE);
        try {
          const l = await coldLoad(b, which === 'app' ? appUrl : bareUrl, app.dir);
          (which === 'app' ? apps : bares).push(l);
          log(`pair ${i}, ${which}: ready at ${ms(l.readyAt)}, heap ${MiB(l.heap)}, ${l.fetched.length} scripts/styles, ${kb(sum(l.fetched, 'gzip'))} gzip`);
        } finally {
          await b.close();
        }
      }
    }
    const deep = await part('the app: key echo, scrollback, the loop, Ctrl-C', () => appDeep(appUrl, app.dir), {
      echoEmpty: [],
      echoFull: [],
      frames: [],
      loopMs: Number.NaN,
      ctrlC: [],
      ctrlCFrames: [],
    });
    const bare = await part('the bare page: key echo, scrollback', () => bareDeep(bareUrl, app.dir), { echoEmpty: [], echoFull: [] });
    const editor = await part('the editor', () => editorReady(appUrl, app.dir), Number.NaN);

    const appReady = median(apps.map((l) => l.readyAt));
    const bareReady = median(bares.map((l) => l.readyAt));
    const ratio = appReady / bareReady;
    // the chunks of the load whose ready time is the median one
    const typical = [...apps].sort((a, b) => a.readyAt - b.readyAt)[Math.floor(apps.length / 2)] ?? apps[0];
    const chunks = typical?.fetched ?? [];
    const jsGzip = sum(chunks, 'gzip');
    const heap = median(apps.map((l) => l.heap));
    const frames = deep.frames;
    const ratioOf = (a: number[], b: number[]) => median(a) / median(b);

    const rows: Row[] = [
      { figure: 'ready (prompt drawn + focus), app, median', value: ms(appReady), budget: '' },
      { figure: 'ready, bare xterm page, median', value: ms(bareReady), budget: '' },
      { figure: 'THE RATIO app / bare', value: `${ratio.toFixed(2)}x`, budget: '<= 1.2x', within: ratio <= 1.2 },
      { figure: '  ready, app, p95 / bare, p95', value: `${ms(percentile(apps.map((l) => l.readyAt), 95))} / ${ms(percentile(bares.map((l) => l.readyAt), 95))}`, budget: '' },
      { figure: `JS + CSS fetched before ready, gzip (${chunks.length} files)`, value: kb(jsGzip), budget: '< 200 KB', within: jsGzip < 200 * 1024 },
      { figure: '  the same, uncompressed', value: kb(sum(chunks, 'bytes')), budget: '' },
      { figure: '  bare page, gzip', value: kb(sum(bares[0]?.fetched ?? [], 'gzip')), budget: '' },
      { figure: 'JS heap at ready, app (median)', value: MiB(heap), budget: '< 5 MiB', within: heap < 5 * 1024 * 1024 },
      { figure: '  bare page (median)', value: MiB(median(bares.map((l) => l.heap))), budget: '' },
      { figure: 'key echo, empty screen, app / bare (median)', value: `${ms(median(deep.echoEmpty))} / ${ms(median(bare.echoEmpty))}`, budget: 'parity' },
      {
        figure: `key echo, ${SCROLLBACK} lines of scrollback, app / bare`,
        value: `${ms(median(deep.echoFull))} / ${ms(median(bare.echoFull))}`,
        budget: 'parity',
      },
      { figure: '  ratios (empty, scrollback)', value: `${ratioOf(deep.echoEmpty, bare.echoEmpty).toFixed(2)}x, ${ratioOf(deep.echoFull, bare.echoFull).toFixed(2)}x`, budget: '' },
      { figure: `frame time, ${CONTAINERS} x docker run -d (median)`, value: ms(median(frames)), budget: '' },
      { figure: '  p95', value: ms(percentile(frames, 95)), budget: '< 100 ms', within: percentile(frames, 95) < 100 },
      { figure: '  max', value: ms(Math.max(...frames)), budget: '< 250 ms', within: Math.max(...frames) < 250 },
      { figure: `  the whole loop (${frames.length} frames)`, value: ms(deep.loopMs), budget: '' },
      { figure: `Ctrl-C on a loop to the prompt, median / max of ${deep.ctrlC.length}`, value: `${ms(median(deep.ctrlC))} / ${ms(Math.max(...deep.ctrlC))}`, budget: '' },
      {
        figure: '  the frame that drew it (1: the first after the key)',
        value: deep.ctrlCFrames.join(', '),
        budget: '1 frame',
        within: deep.ctrlCFrames.length > 0 && deep.ctrlCFrames.every((f) => f === 1),
      },
      { figure: 'click on Editor to Monaco taking keys', value: ms(editor), budget: '< 1000 ms', within: editor < 1000 },
    ];
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(
      `web benchmark: ${RUNS} pairs of cold loads (Chromium headless, ${WIDE.width}x${WIDE.height}, locale ${LOCALE}, cache disabled; ${cpus().length} CPUs, load average ${load})`,
    );
    console.log('scripts and stylesheets fetched before ready (the median load of the app):');
    for (const f of chunks) console.log(`  ${f.path.padEnd(44)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    console.log(table(rows));
  } finally {
    await preview.close();
    app.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
