/**
 * `npm run bench`: what Dockyard costs in wall time and memory, next to the
 * budgets of the issues. Prints figures; asserts nothing (timings are not tests).
 *
 * Commands go through runDocker (the CLI entry point) on an in-process client,
 * exactly as the terminal runs them, minus the shell. Each measure runs warm-up
 * rounds first (JIT), then enough samples for a p99; the "gc/run" column is
 * the mean garbage-collection time that started during a sample (Node's gc
 * performance entries), so GC noise is visible next to the latencies.
 *
 * 1. A crowded engine (1,000 containers, 500 images): `docker ps -a`,
 *    `docker images`, `docker run -d`, heap growth per idle container (after
 *    gc()), and a 10-step Dockerfile `docker build --no-cache`.
 * 2. `docker logs` of a container that printed a line a second for a simulated
 *    hour (3,600 lines).
 * 3. 100 running containers looping `echo hi; sleep 1`: wall time to advance
 *    the virtual clock by one second and run every timer that falls due.
 * 4. A lesson step's check pass: 10 checks of every kind (state, files, the
 *    command log) with 100 objects in the engine, as the lesson runtime runs
 *    it after every command (budget on the median: 5 ms).
 * 5. Realistic sizes without real bytes (bench/lazy-content.ts, learner
 *    catalog): `docker save nginx`, the export file of a tutorial state (size
 *    and time), a reload with 100 containers back to the prompt.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { newCaches } from '../src/course/checks/context';
import { evaluateChecks } from '../src/course/checks/evaluate';
import type { CheckSpec } from '../src/course/format/check-schema';
import { createLessonSandbox } from '../src/runner/lesson-sandbox';
import { createSession, type Session } from '../src/runner/session';
import { settle } from '../src/runner/step-driver';
import { lazyContent } from './lazy-content';
import { GcWatch, hasGc, heapAfterGc, must, type Row, sample, stats, table, turn } from './bench-lib';

const CONTAINERS = 1000;
const IMAGES = 500;
const SAMPLES = 1000;
/** each `run -d` leaves a running container: fewer samples keep the engine near its 1,000 */
const RUN_SAMPLES = 500;
const WARMUP = 30;
const BUILD_SAMPLES = 60;
const LOG_LINES = 3600;
const LOG_SAMPLES = 200;
const LOOPERS = 100;
const TICKS = 300;

const BUDGET_CMD_MS = 10;
const BUDGET_HEAP_KB = 20;
const BUDGET_BUILD_MS = 50;
const BUDGET_LOGS_MS = 20;
const BUDGET_TICK_MS = 1;
const BUDGET_CHECKS_MS = 5;
const CHECK_SAMPLES = 300;

const log = (s: string) => process.stdout.write(`${s}\n`);

const DOCKERFILE = `FROM busybox
ARG VERSION=1.0
ENV APP_HOME=/app MODE=production
WORKDIR /app
COPY hello.txt /app/
RUN echo "built $VERSION" > /app/version.txt
RUN mkdir -p /app/data && cp /app/hello.txt /app/data/
LABEL org.example.version=$VERSION
EXPOSE 8080
CMD ["cat", "/app/version.txt"]
`;

async function crowded(gc: GcWatch, rows: Row[]): Promise<void> {
  const s = createSession();
  await must(s, 'docker pull busybox');
  const base = (await must(s, 'docker create busybox')).trim();
  log(`setup: ${IMAGES} images (docker commit)…`);
  for (let i = 0; i < IMAGES; i++) await must(s, `docker commit -m bench-${i} ${base} bench/img:${i}`);

  log(`setup: ${CONTAINERS} idle containers (docker create)…`);
  const h0 = heapAfterGc();
  for (let i = 1; i < CONTAINERS; i++) await must(s, 'docker create busybox');
  const h1 = heapAfterGc();
  const perContainerKb = (h1 - h0) / (CONTAINERS - 1) / 1024;

  log(`measure: docker ps -a / docker images, ${SAMPLES} samples each…`);
  const ps = await sample(gc, SAMPLES, WARMUP, () => must(s, 'docker ps -a'));
  const images = await sample(gc, SAMPLES, WARMUP, () => must(s, 'docker images'));
  log(`measure: docker run -d, ${RUN_SAMPLES} samples…`);
  const run = await sample(gc, RUN_SAMPLES, WARMUP, () => must(s, 'docker run -d busybox sleep 100000'));
  rows.push(
    { what: `docker ps -a (${CONTAINERS}+ containers)`, unit: 'ms', stats: stats(ps), budget: BUDGET_CMD_MS },
    { what: `docker images (${IMAGES}+ images)`, unit: 'ms', stats: stats(images), budget: BUDGET_CMD_MS },
    { what: 'docker run -d busybox sleep 100000', unit: 'ms', stats: stats(run), budget: BUDGET_CMD_MS },
    {
      what: 'heap per idle container (after gc)',
      unit: 'KB',
      value: perContainerKb,
      budget: BUDGET_HEAP_KB,
      note: hasGc() ? undefined : 'run with node --expose-gc for a reliable figure',
    },
  );

  log(`measure: 10-step docker build --no-cache, ${BUILD_SAMPLES} samples…`);
  s.hostFs.mkdir('/srv/work/app', { recursive: true });
  s.hostFs.writeFile('/srv/work/app/Dockerfile', DOCKERFILE);
  s.hostFs.writeFile('/srv/work/app/hello.txt', 'hello\n');
  const build = await buildSamples(gc, s);
  rows.push({ what: '10-step docker build --no-cache (crowded)', unit: 'ms', stats: stats(build), budget: BUDGET_BUILD_MS });
}

/** each build is removed again (untimed) so the image count stays put */
async function buildSamples(gc: GcWatch, s: Session) {
  return sample(
    gc,
    BUILD_SAMPLES,
    5,
    () => must(s, 'docker build --no-cache -t bench/app app'),
    () => must(s, 'docker rmi bench/app'),
  );
}

async function logs(gc: GcWatch, rows: Row[]): Promise<void> {
  const s = createSession();
  await must(s, 'docker pull busybox');
  const script = `i=0; while [ $i -lt ${LOG_LINES} ]; do echo "line $i of the simulated hour"; i=$((i+1)); sleep 1; done`;
  await must(s, ['docker', 'run', '-d', '--name', 'logger', 'busybox', 'sh', '-c', script]);
  log('setup: a container printing a line a second for a simulated hour…');
  // as the runner moves time: settle, then on to the next timer, until the loop has ended
  // (the shell yields to the event loop with a real setTimeout every 500 loop rounds: wait for it)
  const running = () => s.engine.containers.find('logger')?.State.Running === true;
  for (let idle = 0; idle < 100; ) {
    await settle();
    const next = s.clock.nextTimerAt();
    if (next === undefined) {
      if (!running()) break;
      idle++;
      await new Promise((r) => setTimeout(r, 2));
      continue;
    }
    idle = 0;
    await s.clock.advance(next - s.clock.now(), settle);
  }
  const lines = (await must(s, 'docker logs logger')).split('\n').length - 1;
  if (lines !== LOG_LINES) throw new Error(`docker logs printed ${lines} lines, expected ${LOG_LINES}`);
  log(`measure: docker logs (${lines} lines), ${LOG_SAMPLES} samples…`);
  const xs = await sample(gc, LOG_SAMPLES, WARMUP, () => must(s, 'docker logs logger'));
  rows.push({ what: `docker logs (${LOG_LINES} lines)`, unit: 'ms', stats: stats(xs), budget: BUDGET_LOGS_MS });
}

async function ticks(gc: GcWatch, rows: Row[]): Promise<void> {
  const s = createSession();
  await must(s, 'docker pull busybox');
  log(`setup: ${LOOPERS} containers looping echo/sleep 1…`);
  for (let i = 0; i < LOOPERS; i++) {
    await must(s, ['docker', 'run', '-d', 'busybox', 'sh', '-c', 'while true; do echo hi; sleep 1; done']);
  }
  await settle();
  const due = s.clock.pendingTimers();
  if (due < LOOPERS) throw new Error(`${due} timers pending, expected ${LOOPERS}`);
  log(`measure: advance the clock 1 s (${due} timers due), ${TICKS} ticks…`);
  // a tick: every loop wakes up, prints, and is asleep again (its next timer is set)
  const tick = async () => {
    await s.clock.advance(1000);
    while (s.clock.pendingTimers() < LOOPERS) await turn();
  };
  const xs = await sample(gc, TICKS, WARMUP, tick);
  rows.push({ what: `clock tick, ${LOOPERS} looping containers`, unit: 'ms', stats: stats(xs), budget: BUDGET_TICK_MS });
  const running = (await must(s, 'docker ps -q')).trim().split('\n').length;
  if (running !== LOOPERS) throw new Error(`${running} containers still running, expected ${LOOPERS}`);
}

/** 10 checks, one step, 100 objects: 40 containers, 30 images, 15 volumes, 15 networks */
async function lessonChecks(gc: GcWatch, rows: Row[]): Promise<void> {
  const box = createLessonSandbox();
  const sh = async (line: string) => {
    const r = await box.env.exec(line);
    if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
  };
  log('setup: a lesson sandbox with 100 objects…');
  await sh('docker pull -q busybox && docker pull -q nginx');
  for (let i = 0; i < 28; i++) await sh(`docker tag busybox bench/img:${i}`);
  for (let i = 0; i < 15; i++) await sh(`docker volume create v${i} && docker network create n${i}`);
  for (let i = 0; i < 39; i++) await sh(`docker create --name c${i} -v v${i % 15}:/data --network n${i % 15} busybox`);
  await sh('docker run -d --name web -p 8080:80 --network n0 nginx');
  box.env.hostFs.mkdir('/home/learner/app', { recursive: true });
  box.env.hostFs.writeFile('/home/learner/app/Dockerfile', 'FROM nginx\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\n');
  const checks: CheckSpec[] = [
    { image: 'nginx', exposes: 80 },
    { images: { dangling: true }, count: 0 },
    { image: 'bench/img:27', tags: ['busybox:latest'] },
    { container: 'web', state: 'running', ports: ['8080:80'], networks: ['n0'] },
    { container: { image: 'busybox' }, state: 'created', mounts: [{ source: 'v3', target: '/data' }], as: 'c' },
    { containers: { image: 'busybox' }, min: 39 },
    { file: '~/app/Dockerfile', instruction: 'FROM nginx' },
    { file: '/etc/nginx/nginx.conf', in: { container: 'web' }, contains: 'http' },
    { network: 'n0', containers: ['web'], driver: 'bridge' },
    { volume: 'v14' },
  ];
  const caches = newCaches();
  const commands = [{ terminal: 't1', line: 'docker run -d --name web -p 8080:80 nginx', status: 0, at: 0 }];
  const first = await evaluateChecks(checks, box.env, caches, commands);
  const failing = first.map((r, i) => (r.ok ? '' : `${i + 1}: ${r.message.en}`)).filter(Boolean);
  if (failing.length) throw new Error(`lesson checks fail:\n${failing.join('\n')}`);
  log(`measure: a step of ${checks.length} checks, ${CHECK_SAMPLES} samples…`);
  const xs = await sample(gc, CHECK_SAMPLES, WARMUP, () => evaluateChecks(checks, box.env, caches, commands));
  rows.push({ what: 'lesson check pass (10 checks, 100 objects)', unit: 'ms', stats: stats(xs), budget: BUDGET_CHECKS_MS, budgetOn: 'median' });
  box.dispose();
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const gc = new GcWatch();
  const rows: Row[] = [];
  // `npm run bench -- lessons`: only the parts named
  const only = process.argv.slice(2);
  const parts: [string, (gc: GcWatch, rows: Row[]) => Promise<void>][] = [
    ['crowded', crowded],
    ['logs', logs],
    ['ticks', ticks],
    ['lessons', lessonChecks],
    ['content', lazyContent],
  ];
  for (const [name, run] of parts) if (only.length === 0 || only.includes(name)) await run(gc, rows);
  gc.stop();
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  log(`\nDockyard benchmark (node ${process.version}, ${cpus().length} CPUs, load average ${load}, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  log('ms: wall time per run; cpu med: median CPU time of the process; gc/run: mean GC time that started during a run; w/ GC: the runs in which a GC pause started; p99 noGC: p99 of the other runs');
  process.stdout.write(table(rows));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
