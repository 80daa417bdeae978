/**
 * `npm run bench:workspace`: what bringing back bind-source files costs on the
 * real-engine path, without a daemon (the server's diff on a real folder and
 * the client's apply to the learner's MemoryFs, in one process; the WebSocket
 * hop is bench:real's):
 * - the diff after a command that changed nothing (every writing docker
 *   command pays it while a bind source is kept in step), for trees of 100,
 *   1,000 and 5,000 files;
 * - the first diff of a tree a container filled (all files new) and its apply;
 * - a diff after a container changed one file.
 * Figures only (median of DOCKYARD_BENCH_RUNS, default 15); nothing asserted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyWorkspaceDiff } from '../src/client/remote/workspace-apply';
import { WorkspacePaths } from '../src/server/policy/workspace-paths';
import { WorkspaceLedger } from '../src/server/session/workspace-diff';
import { MemoryFs } from '../src/shell/vfs/memory-fs';

const RUNS = Number(process.env.DOCKYARD_BENCH_RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** a registry-like tree: `files` files of 1 KiB, 20 to a folder */
function fill(root: string, files: number): void {
  for (let i = 0; i < files; i++) {
    const dir = join(root, `d${Math.floor(i / 20)}`);
    if (i % 20 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}`), 'x'.repeat(1024));
  }
}

const rows: string[][] = [['files', 'first diff (ms)', 'apply (ms)', 'no-change diff (ms)', 'one-file diff (ms)']];
for (const files of [100, 1000, 5000]) {
  const first: number[] = [];
  const apply: number[] = [];
  const idle: number[] = [];
  const one: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'dy-bench-ws-'));
    try {
      fill(join(dir, 'host/data'), files);
      const ledger = new WorkspaceLedger(new WorkspacePaths(join(dir, 'host')));
      const fs = new MemoryFs();
      let diff = ledger.diff(['/data']);
      first.push(time(() => (diff = new WorkspaceLedger(new WorkspacePaths(join(dir, 'host'))).diff(['/data']))));
      apply.push(time(() => applyWorkspaceDiff(fs, ['/data'], diff)));
      idle.push(time(() => ledger.diff(['/data'])));
      writeFileSync(join(dir, 'host/data/d0/f0'), 'changed');
      one.push(time(() => ledger.diff(['/data'])));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.push([String(files), median(first).toFixed(1), median(apply).toFixed(1), median(idle).toFixed(1), median(one).toFixed(1)]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((x, c) => x.padStart(widths[c])).join('  '));
