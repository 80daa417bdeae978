/**
 * The fuzzer's driver: sessions of generated lines (session-run.ts) in a
 * worker thread, a watchdog that stops a worker whose line blocks for
 * HANG_MS of real time (the line is reported as a hang) and a new worker
 * after a crash (out of memory), failures counted by kind and by whose area
 * they are in, distinct failures with a one-line repro, and the heap after
 * each 10,000 lines.
 */
import { Worker } from 'node:worker_threads';
import { type Failure, signature } from './failure';
import { Rng } from './rng';
import { HAZARD_LINES } from './shell-lines';
import type { SessionStats } from './session-run';
import type { FuzzLine } from './line';
import type { SessionJob, WorkerMessage } from './worker';

export interface FuzzOptions {
  lines: number;
  seed: number;
  /** corrupted exports per session, after the export as it is (default 8; npm run fuzz: 2) */
  importsPerSession?: number;
  /** lines per session: drawn in [min, max] (default 150–400) */
  sessionLines?: [number, number];
  /** real time a line may take before its worker is stopped (default 60 s: on a loaded machine a line of 1 s CPU time can take 20 s) */
  hangMs?: number;
  /** the worker's heap limit (default 1,024 MB) */
  heapMb?: number;
  /** probe each line of the hazard templates (the shell engineer's open findings) in a session of its own (default true) */
  hazards?: boolean;
  /** worker threads running sessions side by side (default 1) */
  workers?: number;
  /** the report so far, after each session (a long run's figures survive it being stopped) */
  onProgress?(report: FuzzReport): void;
  /** progress, one line per session */
  log?(text: string): void;
}

export interface Distinct {
  signature: string;
  count: number;
  first: Failure;
}

export interface FuzzReport {
  seed: number;
  lines: number;
  sessions: number;
  /** hazard lines probed, each in a session of its own */
  probes: number;
  /** lines per generator (docker, tutorial, shell, setup) */
  kinds: Record<string, number>;
  killed: number;
  /** lines over 1 s of real time (the CPU-time ones are failures) */
  slowWall: number;
  imports: { tried: number; accepted: number; rejected: number };
  /** failures by owner, then kind */
  counts: Record<string, Record<string, number>>;
  distinct: Distinct[];
  /** heap after gc() in the worker at the end of the first session past each 10,000 lines */
  heap: { lines: number; mb: number; worker: number }[];
  workers: number;
  wallMs: number;
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now();
  const r = new Rng(opts.seed);
  const [minL, maxL] = opts.sessionLines ?? [150, 400];
  const hangMs = opts.hangMs ?? 60_000;
  const report: FuzzReport = {
    seed: opts.seed,
    lines: 0,
    sessions: 0,
    probes: 0,
    kinds: {},
    killed: 0,
    slowWall: 0,
    imports: { tried: 0, accepted: 0, rejected: 0 },
    counts: {},
    distinct: [],
    heap: [],
    workers: 0,
    wallMs: 0,
  };
  const bySig = new Map<string, Distinct>();
  const record = (f: Failure) => {
    const byKind = (report.counts[f.owner] ??= {});
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    const sig = signature(f);
    const d = bySig.get(sig);
    if (d) d.count++;
    else {
      const nd = { signature: sig, count: 1, first: f };
      bySig.set(sig, nd);
      report.distinct.push(nd);
    }
  };

  /** one worker thread and the session jobs it runs, one at a time */
  const newLane = () => {
    let worker: Worker | undefined;
    let ready: Promise<void> | undefined;
    let onMessage: (m: WorkerMessage) => void = () => {};
    let onGone: (why: { kind: 'crash'; detail: string }) => void = () => {};
    let serial = 0;
    const start = () => {
      serial = ++report.workers;
      const w = new Worker(BOOT, { workerData: { entry: ENTRY }, resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? 1024 }, stdout: true, stderr: true });
      // what the worker prints (a runaway program's console) is not the report's
      w.stdout.resume();
      w.stderr.resume();
      worker = w;
      ready = new Promise<void>((resolve, reject) => {
        const first = (m: WorkerMessage) => {
          if (m.type === 'ready') {
            w.off('message', first);
            resolve();
          }
        };
        w.on('message', first);
        w.once('error', reject);
      });
      w.on('message', (m: WorkerMessage) => onMessage(m));
      w.on('error', (e) => onGone({ kind: 'crash', detail: `${(e as { code?: string }).code ?? 'error'}: ${e.message}` }));
      w.on('exit', (code) => onGone({ kind: 'crash', detail: `the worker exited (${code})` }));
    };

    /** run one session job in the worker; the lines it ran, its stats unless it was lost */
    const runJob = async (job: SessionJob): Promise<{ ran: number; stats?: SessionStats; heapBytes?: number }> => {
      if (!worker) start();
      await ready;
      const w = worker as Worker;
      let current: { n: number; line: string; template: string; owner?: Failure['owner']; since: number } | undefined;
      const outcome = await new Promise<{ stats?: SessionStats; heapBytes?: number; lost?: Failure }>((resolve) => {
        const lost = (kind: 'hang' | 'crash', detail: string): Failure => ({
          kind,
          owner: current?.owner ?? 'fuzz',
          template: current?.template ?? 'session',
          line: current?.line ?? '(between lines)',
          detail,
          session: job.seed,
          n: current?.n ?? -1,
        });
        const watchdog = setInterval(() => {
          if (current && performance.now() - current.since > hangMs) {
            clearInterval(watchdog);
            onGone = () => {};
            void w.terminate();
            worker = undefined;
            resolve({ lost: lost('hang', `blocked the worker for more than ${hangMs / 1000} s of real time`) });
          }
        }, 250);
        onMessage = (m) => {
          if (m.type === 'line') current = { n: m.n, line: m.line, template: m.template, owner: m.owner, since: performance.now() };
          else if (m.type === 'failure') record(m.failure);
          else if (m.type === 'done') {
            clearInterval(watchdog);
            resolve({ stats: m.stats, heapBytes: m.heapBytes });
          }
        };
        onGone = (why) => {
          clearInterval(watchdog);
          onGone = () => {};
          worker = undefined;
          resolve({ lost: lost(why.kind, why.detail) });
        };
        w.postMessage(job);
      });
      if (outcome.lost) {
        record(outcome.lost);
        opts.log?.(`session ${job.seed}: ${outcome.lost.kind} at line ${outcome.lost.n}: ${outcome.lost.line.slice(0, 100)}`);
        return { ran: current ? Math.min(job.lines, current.n + 1) : 0 };
      }
      return { ran: outcome.stats?.lines ?? 0, stats: outcome.stats, heapBytes: outcome.heapBytes };
    };
    const close = async () => {
      if (worker) await (worker as Worker).terminate();
      worker = undefined;
    };
    return { runJob, close, serial: () => serial };
  };

  // the plan of sessions is drawn up front, so a seed gives the same sessions whatever the number of workers
  const imports = opts.importsPerSession ?? 8;
  const workers = Math.max(1, opts.workers ?? 1);
  const jobs: SessionJob[] = [];
  for (let planned = 0; planned < opts.lines; ) {
    const lines = Math.min(r.int(minL, maxL), opts.lines - planned);
    jobs.push({ type: 'session', seed: r.int(1, 2 ** 31 - 1), lines, imports, concurrent: workers - 1 });
    planned += lines;
  }
  const probes: SessionJob[] =
    opts.hazards === false ? [] : HAZARD_LINES.map((line) => ({ type: 'session', seed: r.int(1, 2 ** 31 - 1), lines: 0, imports: 0, concurrent: workers - 1, script: [line] }));

  let nextHeapAt = 10_000;
  const lanes = Array.from({ length: workers }, newLane);
  let next = 0;
  let nextProbe = 0;
  const drive = async (lane: ReturnType<typeof newLane>) => {
    while (next < jobs.length) {
      const job = jobs[next++] as SessionJob;
      const { ran, stats: st, heapBytes } = await lane.runJob(job);
      report.sessions++;
      report.lines += ran;
      if (!st) continue;
      report.killed += st.killed;
      report.slowWall += st.slowWall;
      for (const [k, v] of Object.entries(st.kinds)) report.kinds[k] = (report.kinds[k] ?? 0) + v;
      report.imports.tried += st.imports.tried;
      report.imports.accepted += st.imports.accepted;
      report.imports.rejected += st.imports.rejected;
      if (report.lines >= nextHeapAt) {
        report.heap.push({ lines: report.lines, mb: (heapBytes ?? 0) / 2 ** 20, worker: lane.serial() });
        while (nextHeapAt <= report.lines) nextHeapAt += 10_000;
      }
      opts.log?.(`session ${job.seed}: ${st.lines} lines in ${(st.wallMs / 1000).toFixed(1)} s, ${report.lines}/${opts.lines}`);
      report.wallMs = performance.now() - t0;
      opts.onProgress?.(report);
    }
    while (nextProbe < probes.length) {
      const job = probes[nextProbe++] as SessionJob;
      const line = job.script?.[0] as FuzzLine;
      await lane.runJob(job);
      report.probes++;
      opts.log?.(`probe ${line.template}: ${line.line.slice(0, 80)}`);
    }
    await lane.close();
  };
  await Promise.all(lanes.map(drive));
  report.wallMs = performance.now() - t0;
  report.distinct.sort((a, b) => b.count - a.count);
  return report;
}
