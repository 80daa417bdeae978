/**
 * Web benchmark (`npm run bench:web`): builds the app, serves it with
 * `vite preview` and measures it in the system Chromium (headless,
 * playwright-core), over several runs (`-- --runs N`, default 5), each in a
 * fresh browser profile:
 *   - time to the first prompt on a cold load (navigation start → the prompt's
 *     text in the terminal's rendered rows);
 *   - gzip size of the initial JavaScript (what index.html loads before the
 *     learner can type);
 *   - input-to-echo latency with `seq 10000` in the scrollback (keydown → the
 *     character in the terminal's rendered rows), 20 keys a run;
 *   - frame times (requestAnimationFrame intervals) of the page, state view in
 *     sight, while a shell loop starts 100 containers.
 * Prints the figures next to the budgets; asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { launch } from '../test/browser/support/chromium';
import { buildApp, startPreview } from '../test/browser/support/serve';
import { clearScreen, run, typeLine, waitForPrompt } from '../test/browser/support/terminal';
import { initialSizes } from './web/initial-js';
import { echoArm, echoResult, framesStart, framesStop, promptWatch } from './web/in-page';
import { kb, median, ms, percentile, type Row, table } from './web/stats';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 5);
const KEYS = 20;
const CONTAINERS = 100;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface RunFigures {
  firstPrompt: number;
  /** ms since navigation start: the entry script and the Hub catalog fully received */
  scriptLoaded: number;
  catalogLoaded: number;
  seqMs: number;
  echoes: number[];
  frames: number[];
  loopMs: number;
}

async function oneRun(url: string, n: number): Promise<RunFigures> {
  const b = await launch({ width: 1280, height: 720 });
  try {
    const { page } = b;
    // tsx compiles with esbuild's keepNames: functions passed to the page call its __name helper
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(promptWatch);
    await page.goto(url);
    await waitForPrompt(page);
    const firstPrompt = await page.evaluate(() => window.__promptAt ?? Number.NaN);
    const [scriptLoaded, catalogLoaded] = await page.evaluate(() => {
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const end = (re: RegExp) => res.find((r) => re.test(r.name))?.responseEnd ?? Number.NaN;
      return [end(/\/assets\/index-[^/]*\.js$/), end(/default-hub\.json$/)];
    });
    // the lazy editor chunk (Monaco) loads after the prompt: let it settle before timing keys
    await page.locator('.ed-root').waitFor({ timeout: 60_000 });

    let t = Date.now();
    await run(page, 'seq 10000', /^10000$/m, 120_000);
    const seqMs = Date.now() - t;

    const echoes: number[] = [];
    let typed = '';
    for (let i = 0; i < KEYS; i++) {
      const ch = String.fromCharCode(97 + (i % 26));
      typed += ch;
      await page.evaluate(echoArm, `:~$ ${typed}`);
      await page.keyboard.press(ch);
      echoes.push(await page.evaluate(echoResult).then((v) => v ?? Number.NaN));
    }
    await page.keyboard.press('Control+u');

    await clearScreen(page);
    await run(page, 'docker pull busybox', 'Status: Downloaded newer image for busybox:latest');
    const loop = `for i in $(seq ${CONTAINERS}); do docker run -d busybox sleep 1000; done`;
    await typeLine(page, loop);
    await page.evaluate(framesStart);
    t = Date.now();
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 600_000);
    const loopMs = Date.now() - t;
    const frames = await page.evaluate(framesStop);
    const running = await run(page, 'docker ps -q | wc -l', /^\s*\d+$/m);
    const count = Number(/^\s*(\d+)$/m.exec(running.split('docker ps -q | wc -l').pop() ?? '')?.[1]);
    if (count !== CONTAINERS) throw new Error(`expected ${CONTAINERS} running containers, docker ps shows ${count}`);
    if (b.errors.length) throw new Error(`uncaught exception in the page:\n${b.errors.join('\n')}`);
    log(
      `run ${n}: first prompt ${ms(firstPrompt)}, seq 10000 ${ms(seqMs)}, echo median ${ms(median(echoes))}, ` +
        `${CONTAINERS} containers in ${ms(loopMs)} (${frames.length} frames, median ${ms(median(frames))}, p95 ${ms(percentile(frames, 95))})`,
    );
    return { firstPrompt, scriptLoaded, catalogLoaded, seqMs, echoes, frames, loopMs };
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  const app = await buildApp(log);
  const preview = await startPreview(app.dir);
  log(`vite preview on ${preview.url}; ${RUNS} runs`);
  try {
    const sizes = initialSizes(app.dir);
    const runs: RunFigures[] = [];
    for (let i = 1; i <= RUNS; i++) runs.push(await oneRun(preview.url, i));

    const prompts = runs.map((r) => r.firstPrompt);
    const echoes = runs.flatMap((r) => r.echoes);
    const frames = runs.flatMap((r) => r.frames);
    const loops = runs.map((r) => r.loopMs);
    const jsGzip = sizes.scripts.reduce((s, a) => s + a.gzip, 0);
    const jsRaw = sizes.scripts.reduce((s, a) => s + a.bytes, 0);
    const cssGzip = sizes.styles.reduce((s, a) => s + a.gzip, 0);

    const rows: Row[] = [
      { figure: 'first prompt, cold load (median)', value: ms(median(prompts)), budget: '< 1000 ms', within: median(prompts) < 1000 },
      { figure: 'first prompt, cold load (p95)', value: ms(percentile(prompts, 95)), budget: '< 1000 ms', within: percentile(prompts, 95) < 1000 },
      { figure: '  entry script received (median)', value: ms(median(runs.map((r) => r.scriptLoaded))), budget: '' },
      { figure: '  Hub catalog received (median)', value: ms(median(runs.map((r) => r.catalogLoaded))), budget: '' },
      { figure: `initial JS, gzip (${sizes.scripts.length} file${sizes.scripts.length === 1 ? '' : 's'})`, value: kb(jsGzip), budget: '< 250 KB', within: jsGzip < 250 * 1024 },
      { figure: 'initial JS, uncompressed', value: kb(jsRaw), budget: '' },
      { figure: 'initial CSS, gzip', value: kb(cssGzip), budget: '' },
      { figure: 'echo with seq 10000 in scrollback (median)', value: ms(median(echoes)), budget: '< 16 ms', within: median(echoes) < 16 },
      { figure: 'echo with seq 10000 in scrollback (p95)', value: ms(percentile(echoes, 95)), budget: '< 16 ms', within: percentile(echoes, 95) < 16 },
      { figure: `frame time, ${CONTAINERS} containers starting (median)`, value: ms(median(frames)), budget: '(16.7 ms = 60 fps)' },
      { figure: `frame time, ${CONTAINERS} containers starting (p95)`, value: ms(percentile(frames, 95)), budget: '' },
      { figure: `frame time, ${CONTAINERS} containers starting (max)`, value: ms(Math.max(...frames)), budget: '' },
      {
        figure: `  time in frames over 50 ms (median per run)`,
        value: ms(median(runs.map((r) => r.frames.filter((f) => f > 50).reduce((a, f) => a + f, 0)))),
        budget: '',
      },
      { figure: `${CONTAINERS} x docker run -d, whole loop (median)`, value: ms(median(loops)), budget: '' },
      { figure: 'seq 10000, Enter to prompt (median)', value: ms(median(runs.map((r) => r.seqMs))), budget: '' },
    ];
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(
      `web benchmark: ${RUNS} runs, ${echoes.length} key echoes, ${frames.length} frames (Chromium headless, 1280x720; ` +
        `${cpus().length} CPUs, load average ${load})`,
    );
    for (const a of sizes.scripts) console.log(`  initial script ${a.path}: ${kb(a.bytes)}, gzip ${kb(a.gzip)}`);
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
