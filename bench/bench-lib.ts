/**
 * Helpers of the benchmark scripts: timing docker commands through runDocker,
 * percentiles, GC pauses observed during the samples, heap after gc(), and
 * the figures table.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { dockerIn } from '../src/runner/docker-exec';
import type { Session } from '../src/runner/session';

export interface Sample {
  /** wall time, ms */
  ms: number;
  /** CPU time of the process (all threads), ms: less sensitive than wall time to other processes on the machine */
  cpuMs: number;
  /** garbage collection that started during the sample, ms */
  gcMs: number;
}

/** GC pauses as Node reports them (performance entries of type 'gc'), kept in a ring of recent ones */
export class GcWatch {
  private readonly pauses: { start: number; ms: number }[] = [];
  private readonly observer: PerformanceObserver;
  constructor() {
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.pauses.push({ start: e.startTime, ms: e.duration });
      if (this.pauses.length > 10_000) this.pauses.splice(0, this.pauses.length - 10_000);
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }
  /** GC time that started within [t0, t1] (entries arrive on a later timer turn: wait before asking) */
  between(t0: number, t1: number): number {
    let ms = 0;
    for (const p of this.pauses) if (p.start >= t0 && p.start <= t1) ms += p.ms;
    return ms;
  }
  stop(): void {
    this.observer.disconnect();
  }
}

/** wait one event-loop turn (GC entries are delivered on a later turn) */
export function turn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/**
 * Time `fn` `n` times after `warmup` untimed runs; `after` (untimed) runs
 * after each. GC time is attributed to the sample it started in.
 */
export async function sample(
  gc: GcWatch,
  n: number,
  warmup: number,
  fn: () => Promise<unknown>,
  after?: () => Promise<unknown>,
): Promise<Sample[]> {
  for (let i = 0; i < warmup; i++) {
    await fn();
    await after?.();
  }
  const spans: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    spans.push([t0, t1, (c.user + c.system) / 1000]);
    await after?.();
  }
  // gc entries are delivered on a later timer turn
  await new Promise((r) => setTimeout(r, 20));
  return spans.map(([t0, t1, cpuMs]) => ({ ms: t1 - t0, cpuMs, gcMs: gc.between(t0, t1) }));
}

export interface Stats {
  n: number;
  median: number;
  p99: number;
  max: number;
  /** median CPU time */
  cpu: number;
  /** mean GC ms per sample, and the samples that had a GC pause */
  gcPerSample: number;
  withGc: number;
  /** p99 of the samples in which no GC pause started (what the code costs, without the collector's share) */
  p99NoGc: number;
}

/** nearest-rank percentile */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export function stats(xs: Sample[]): Stats {
  const s = xs.map((x) => x.ms).sort((a, b) => a - b);
  const gcTotal = xs.reduce((a, x) => a + x.gcMs, 0);
  return {
    n: xs.length,
    median: percentile(s, 0.5),
    p99: percentile(s, 0.99),
    max: s[s.length - 1] as number,
    cpu: percentile(
      xs.map((x) => x.cpuMs).sort((a, b) => a - b),
      0.5,
    ),
    gcPerSample: gcTotal / Math.max(1, xs.length),
    withGc: xs.filter((x) => x.gcMs > 0).length,
    p99NoGc: percentile(
      xs
        .filter((x) => x.gcMs === 0)
        .map((x) => x.ms)
        .sort((a, b) => a - b),
      0.99,
    ),
  };
}

/** heap in use after full collections (needs node --expose-gc) */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

export function hasGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

export interface DockerRun {
  exit: number;
  stdout: string;
  stderr: string;
}

/** one docker command through runDocker (no shell); simulated time moves only if the command waits on it */
export async function docker(s: Session, line: string): Promise<DockerRun> {
  const r = await dockerIn(s, line.split(' ').slice(1));
  return { exit: r.hung ? -1 : r.exit, stdout: r.stdout, stderr: r.stderr };
}

/** like docker(), for argv with spaces inside arguments */
export async function dockerArgv(s: Session, argv: string[]): Promise<DockerRun> {
  const r = await dockerIn(s, argv[0] === 'docker' ? argv.slice(1) : argv);
  return { exit: r.hung ? -1 : r.exit, stdout: r.stdout, stderr: r.stderr };
}

export async function must(s: Session, line: string | string[]): Promise<string> {
  const r = typeof line === 'string' ? await docker(s, line) : await dockerArgv(s, line);
  const shown = typeof line === 'string' ? line : line.join(' ');
  if (r.exit !== 0) throw new Error(`\`${shown}\` exited ${r.exit}: ${r.stderr.trim()}`);
  return r.stdout;
}

export interface Row {
  what: string;
  unit: 'ms' | 'KB';
  /** median / p99 / max (ms rows) or the single figure (KB rows) */
  stats?: Stats;
  value?: number;
  /** budget on p99 (ms rows; on the median with budgetOn) or on the value (KB rows) */
  budget: number;
  budgetOn?: 'median';
  note?: string;
}

const f = (x: number, w = 8) => x.toFixed(2).padStart(w);

export function table(rows: Row[]): string {
  const cols = ['median', 'p99', 'max', 'cpu med', 'gc/run', 'w/ GC', 'p99 noGC'];
  const head = `${'measure'.padEnd(44)}${cols.map((c) => c.padStart(9)).join('')}  budget\n`;
  let out = head + `${'-'.repeat(head.length + 16)}\n`;
  for (const r of rows) {
    if (r.stats) {
      const st = r.stats;
      const on = r.budgetOn ?? 'p99';
      const flag = (on === 'median' ? st.median : st.p99) <= r.budget ? 'ok' : 'OVER';
      const withGc = `${st.withGc}/${st.n}`.padStart(8);
      out += `${r.what.padEnd(44)} ${f(st.median)} ${f(st.p99)} ${f(st.max)} ${f(st.cpu)} ${f(st.gcPerSample)} ${withGc} ${f(st.p99NoGc)}  ${on} < ${r.budget} ${r.unit} ${flag}`;
    } else {
      const v = r.value ?? Number.NaN;
      const flag = v <= r.budget ? 'ok' : 'OVER';
      out += `${r.what.padEnd(44)} ${f(v)} ${''.padStart(54)}  < ${r.budget} ${r.unit} ${flag}`;
    }
    out += r.note ? `  (${r.note})\n` : '\n';
  }
  return out;
}
