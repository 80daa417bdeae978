/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell source text, not templates */
/**
 * `npm run bench:shell`: what the shell's guards against hostile input cost.
 * Prints figures; asserts nothing (timings are not tests).
 *
 * 1. Parsing `$( $( … ) )` nested 12 and 40 deep (each level is read once).
 * 2. `${x%pat}`, `${x##pat}` and `${#x}` on a 1 MiB value.
 * 3. `f(){ f; }; f` up to bash's nesting limit (1000 levels).
 * 4. The fork bomb `:(){ :|:& };:` in a runner session: time until the
 *    prompt is back, a `sleep 20` beside the running bomb, the heap before
 *    and after `kill -9` of its process group; the processes it holds.
 * 5. `while :; do help; tick; done | tr a b > /dev/null` for 2 s of real
 *    time: rounds done, pipe-bounded heap growth.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ProcessIO } from '../src/api/io';
import type { Program } from '../src/shell/interpreter/types';
import { BytesInput, CollectOutput } from '../src/shell/io/streams';
import { parseScript } from '../src/shell/parser/parser';
import { createSession } from '../src/runner/session';
import { runStep } from '../src/runner/step-driver';
import { LocalProcessTable, MAX_PROCESSES } from '../src/shell/runtime/process-control';
import { createShell } from '../src/shell/shell';
import { FakeClock } from '../src/shell/testing/harness';
import { MemoryFs } from '../src/shell/vfs/memory-fs';
import { heapAfterGc, turn } from './bench-lib';

const log = (s: string) => process.stdout.write(`${s}\n`);
const rows: [string, string][] = [];
const row = (what: string, figure: string) => rows.push([what, figure]);

function io(stdout = new CollectOutput(), stderr = new CollectOutput()): ProcessIO & { controller: AbortController } {
  const controller = new AbortController();
  return { stdin: new BytesInput(''), stdout, stderr, interrupt: controller.signal, controller };
}

function host(programs: Record<string, Program> = {}) {
  const clock = new FakeClock();
  const fs = new MemoryFs({ now: () => clock.now() });
  fs.mkdir('/root');
  const processes = new LocalProcessTable(4242, () => clock.now());
  const sh = createShell({ fs, env: { HOME: '/root', USER: 'root' }, cwd: '/root', programs, clock, processes });
  return { sh, clock, processes };
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function median(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await timed(fn));
  xs.sort((a, b) => a - b);
  return xs[Math.floor(n / 2)];
}

async function parsing(): Promise<void> {
  for (const depth of [12, 40]) {
    const src = `echo ${'$( '.repeat(depth)}x${' )'.repeat(depth)}`;
    row(`parse $( $( … ) ) ${depth} deep`, `${(await median(21, () => parseScript(src))).toFixed(2)} ms`);
  }
}

async function patterns(): Promise<void> {
  const { sh } = host();
  await sh.run('x=a; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do x=$x$x; done; x=$x/b.tar.gz', io());
  for (const expr of ['${x%.gz}', '${x%%.*}', '${x##*/}', '${x#*/}', '${x%q*}', '${#x}']) {
    row(`${expr} on 1 MiB`, `${(await median(5, () => sh.run(`y=${expr}`, io()))).toFixed(1)} ms`);
  }
}

async function recursion(): Promise<void> {
  const { sh } = host();
  await sh.run('f(){ f; }', io());
  row('f(){ f; }; f to the nesting limit (1000)', `${(await median(5, () => sh.run('f', io()))).toFixed(0)} ms`);
}

/** the fork bomb as the headless runner meets it (virtual clock, the runner's settle) */
async function forkBomb(): Promise<void> {
  const s = createSession();
  const heap0 = heapAfterGc();
  const step = (line: string) => runStep(s, line, { timeoutSeconds: 60 });
  row('fork bomb (runner): prompt back after', `${(await timed(() => step(':(){ :|:& };:'))).toFixed(0)} ms`);
  row('fork bomb (runner): `sleep 20` beside it', `${(await timed(() => step('sleep 20'))).toFixed(0)} ms`);
  row('fork bomb (runner): heap while it runs', `${((heapAfterGc() - heap0) / 1048576).toFixed(1)} MiB more`);
  const k = await step('kill -9 -4243');
  if (k.exit !== 0) throw new Error(`kill -9 -4243: ${k.exit}`);
  row('fork bomb (runner): `sleep 20` after kill -9 -PGID', `${(await timed(() => step('sleep 20'))).toFixed(0)} ms`);
  row('fork bomb (runner): heap after', `${((heapAfterGc() - heap0) / 1048576).toFixed(1)} MiB more`);
  // the same bomb on a bare host shell: how many processes it holds
  const { sh, processes } = host();
  await sh.run(':(){ :|:& };:', io());
  for (let i = 0; i < 20; i++) await turn();
  row('fork bomb (bare host): live processes', `${processes.list().length} (limit ${MAX_PROCESSES})`);
  await sh.run('kill -9 -4243', io());
}

async function pipe(): Promise<void> {
  let rounds = 0;
  const tick: Program = async () => {
    rounds++;
    return 0;
  };
  const { sh } = host({ tick });
  const heap0 = heapAfterGc();
  const run = io();
  const done = sh.run('while :; do help; tick; done | tr a b > /dev/null', run);
  const t = performance.now();
  while (performance.now() - t < 2000) await new Promise((r) => setTimeout(r, 50));
  const heap1 = heapAfterGc();
  run.controller.abort();
  await done;
  row('help | tr a b for 2 s: rounds', `${rounds} (${((rounds * 1.6) / 2 / 1024).toFixed(1)} MiB/s through the pipe)`);
  row('help | tr a b for 2 s: heap growth', `${((heap1 - heap0) / 1048576).toFixed(1)} MiB`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await parsing();
  await patterns();
  await recursion();
  await forkBomb();
  await pipe();
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  log(`Dockyard shell benchmark (node ${process.version}, ${cpus().length} CPUs, load average ${load}, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [what, figure] of rows) log(`${what.padEnd(w)}  ${figure}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
