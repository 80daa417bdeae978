/**
 * The load test (`npm run test:real:load`, run by .ci/run after `npm run test:real`; see
 * README): 20 concurrent sessions, so 20 session daemons, on loopback, each
 * looping `docker run`, `docker ps -a`, `docker logs` and `docker rm` through
 * our CLI and the server for 60 s. Prints the session start times, the
 * operations per second, memory per session (the session daemon's RSS, the
 * gateway's share of this process's RSS) and the error count; passes only
 * with zero errors and, after clean-up, zero daemons, containers,
 * namespaces and data roots left.
 *   DOCKYARD_LOAD_SESSIONS (default 20), DOCKYARD_LOAD_SECONDS (default 60)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, type LearnerSession, learner, leftovers, startServer } from './support/harness';

const SESSIONS = Number(process.env.DOCKYARD_LOAD_SESSIONS ?? 20);
const SECONDS = Number(process.env.DOCKYARD_LOAD_SECONDS ?? 60);
const START_CONCURRENCY = 4;

let h: Harness;

beforeAll(async () => {
  h = await startServer({ maxSessions: SESSIONS + 2 });
});

afterAll(async () => {
  await h?.close();
});

function rss(pid: number | 'self'): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** RSS of the processes whose command line names the session's directory (dockerd, containerd, shims) */
function sessionRss(stateDir: string, id: string): number {
  let bytes = 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`${stateDir}/${id}/`)) bytes += rss(Number(p));
    } catch {}
  }
  return bytes;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

it(`${SESSIONS} sessions looping run, ps, logs and rm for ${SECONDS} s: no errors, nothing left`, { timeout: (SECONDS + 600) * 1000 }, async () => {
  const rss0 = rss('self');
  const starts: number[] = [];
  const learners: LearnerSession[] = [];
  const queue = Array.from({ length: SESSIONS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: START_CONCURRENCY }, async () => {
      while (queue.shift() !== undefined) {
        const t0 = performance.now();
        const l = await learner(h);
        starts.push(performance.now() - t0);
        learners.push(l);
      }
    }),
  );
  const errors: string[] = [];
  for (const l of learners) {
    const r = await l.run('docker pull -q busybox');
    if (r.status !== 0) errors.push(`pull: ${r.err.trim()}`);
  }
  const ops = { run: 0, ps: 0, logs: 0, rm: 0 };
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    learners.map(async (l, i) => {
      for (let n = 0; performance.now() < end; n++) {
        const name = `load-${i}-${n}`;
        const steps: [keyof typeof ops, string, (out: string) => boolean][] = [
          ['run', `docker run --name ${name} busybox echo hello ${n}`, (o) => o === `hello ${n}\n`],
          ['ps', 'docker ps -a --format {{.Names}}', (o) => o.split('\n').includes(name)],
          ['logs', `docker logs ${name}`, (o) => o === `hello ${n}\n`],
          ['rm', `docker rm ${name}`, (o) => o === `${name}\n`],
        ];
        for (const [op, line, ok] of steps) {
          const r = await l.run(line);
          ops[op]++;
          if (r.status !== 0 || !ok(r.out)) errors.push(`session ${i}: ${line}: exit ${r.status}: ${(r.err || r.out).trim().slice(0, 200)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const total = ops.run + ops.ps + ops.logs + ops.rm;
  const daemons = learners.map((l) => sessionRss(h.stateDir, l.remote.sessionId));
  const gateway = (rss('self') - rss0) / SESSIONS;
  const left: string[] = [];
  for (const l of learners) {
    const r = await l.run('docker ps -aq');
    if (r.out.trim()) left.push(`${l.remote.sessionId}: ${r.out.trim().split('\n').length} containers`);
  }
  process.stdout.write(
    [
      `load: ${SESSIONS} sessions, ${seconds.toFixed(0)} s`,
      `  session start: median ${(pct(starts, 50) / 1000).toFixed(2)} s, max ${(Math.max(...starts) / 1000).toFixed(2)} s (${START_CONCURRENCY} at a time)`,
      `  operations: ${total} (${(total / seconds).toFixed(1)}/s; run ${ops.run}, ps ${ops.ps}, logs ${ops.logs}, rm ${ops.rm})`,
      `  memory per session: daemon (dockerd+containerd) median ${mb(pct(daemons, 50))}; this process (gateway and the learners' clients) ${mb(gateway)}`,
      `  errors: ${errors.length}${errors.length ? `\n    ${errors.slice(0, 10).join('\n    ')}` : ''}`,
      '',
    ].join('\n'),
  );
  expect(errors).toEqual([]);
  expect(left).toEqual([]);
  await h.close();
  const after = await leftovers(h.stateDir);
  process.stdout.write(`  after clean-up: ${after.daemons.length} daemons, ${after.netns.length} namespaces, ${after.dirs.length} data roots\n`);
  expect(after).toEqual({ netns: [], dirs: [], daemons: [] });
});
