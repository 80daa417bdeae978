/**
 * The worker thread that runs fuzz sessions for the driver (driver.ts): a
 * session that blocks the thread or fills the memory takes only the worker
 * down, and the driver reports it with the line that did it.
 * Messages out: {line}, {failure}, {done}; in: {session}.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import type { Failure } from './failure';
import type { FuzzLine } from './line';
import { runFuzzSession, type SessionStats } from './session-run';

export interface SessionJob {
  type: 'session';
  seed: number;
  lines: number;
  imports: number;
  /** sessions the other workers run meanwhile */
  concurrent?: number;
  script?: FuzzLine[];
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'line'; n: number; line: string; template: string; owner?: FuzzLine['owner'] }
  | { type: 'failure'; failure: Failure }
  | { type: 'done'; seed: number; stats: SessionStats; heapBytes: number };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);

port.on('message', (job: SessionJob) => {
  void (async () => {
    const stats = await runFuzzSession({
      seed: job.seed,
      lines: job.lines,
      imports: job.imports,
      concurrent: job.concurrent,
      script: job.script,
      onLine: (n, l) => post({ type: 'line', n, line: l.line.slice(0, 2000), template: l.template, owner: l.owner }),
      onFailure: (failure) => post({ type: 'failure', failure }),
    });
    // let what the session left behind go before measuring
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    gc();
    post({ type: 'done', seed: job.seed, stats, heapBytes: process.memoryUsage().heapUsed });
  })();
});
post({ type: 'ready' });
