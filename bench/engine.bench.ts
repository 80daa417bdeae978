/**
 * `npm run bench`: latency of common docker commands with a crowded engine
 * (1,000 containers, 500 images) and heap growth per idle container. Prints
 * figures next to their budgets; asserts nothing (timings are not tests).
 *
 * Commands go through runDocker (the CLI entry point) on an in-process client,
 * exactly as the terminal runs them, minus the shell.
 */
import { performance } from 'node:perf_hooks';
import { dockerIn } from '../src/runner/docker-exec';
import { createSession, type Session } from '../src/runner/session';

const CONTAINERS = 1000;
const IMAGES = 500;
const SAMPLES = 200;
const BUDGET_P99_MS = 10;
const BUDGET_HEAP_PER_CONTAINER_KB = 20;

/** run one docker command; simulated time moves only if the command waits on it */
async function docker(s: Session, line: string): Promise<{ ms: number; exit: number; stdout: string; stderr: string }> {
  const t0 = performance.now();
  const r = await dockerIn(s, line.split(' ').slice(1));
  return { ms: performance.now() - t0, exit: r.hung ? -1 : r.exit, stdout: r.stdout, stderr: r.stderr };
}

function stats(xs: number[]): { median: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p99: at(0.99) };
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function must(s: Session, line: string): Promise<string> {
  const r = await docker(s, line);
  if (r.exit !== 0) throw new Error(`\`${line}\` exited ${r.exit}: ${r.stderr.trim()}`);
  return r.stdout;
}

async function main(): Promise<void> {
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const s = createSession();
  await must(s, 'docker pull busybox');
  const base = (await must(s, 'docker create busybox')).trim();
  process.stdout.write(`setup: ${IMAGES} images (docker commit)…\n`);
  for (let i = 0; i < IMAGES; i++) await must(s, `docker commit -m bench-${i} ${base} bench/img:${i}`);

  process.stdout.write(`setup: ${CONTAINERS} idle containers (docker create)…\n`);
  const h0 = heap();
  for (let i = 1; i < CONTAINERS; i++) await must(s, 'docker create busybox');
  const h1 = heap();
  const perContainerKb = (h1 - h0) / (CONTAINERS - 1) / 1024;

  const rows: [string, number[]][] = [
    ['docker run -d busybox sleep 100000', []],
    ['docker ps -a', []],
    ['docker images', []],
  ];
  for (let i = 0; i < SAMPLES; i++) {
    for (const [line, times] of rows) times.push((await docker(s, line)).ms);
  }

  const fmt = (x: number) => x.toFixed(2).padStart(8);
  process.stdout.write(`\nDockyard engine benchmark (${CONTAINERS}+ containers, ${IMAGES}+ images, ${SAMPLES} samples each)\n`);
  process.stdout.write(`${'command'.padEnd(40)}  median ms    p99 ms   budget p99\n`);
  for (const [line, times] of rows) {
    const { median, p99 } = stats(times);
    const flag = p99 <= BUDGET_P99_MS ? 'ok' : 'OVER';
    process.stdout.write(`${line.padEnd(40)}  ${fmt(median)}  ${fmt(p99)}   ${BUDGET_P99_MS} ms ${flag}\n`);
  }
  const heapFlag = perContainerKb <= BUDGET_HEAP_PER_CONTAINER_KB ? 'ok' : 'OVER';
  process.stdout.write(
    `heap per idle container: ${perContainerKb.toFixed(1)} KB (budget ${BUDGET_HEAP_PER_CONTAINER_KB} KB ${heapFlag})` +
      `${hasGc ? '' : ' — run with node --expose-gc for a reliable figure'}\n`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
