/**
 * `npm run bench:real` (root, after test/real/fixture/setup.sh): what the
 * real-engine mode costs, in playground mode (a dockerd per session):
 * - the gateway's added latency per API call: the same calls made directly
 *   on the session daemon's socket and through the server (the browser's
 *   path: protocol client, WebSocket, zod, the allowlisted Engine request),
 *   interleaved, median and p99 of each and their difference;
 * - memory per idle session: the gateway's (this process's RSS and heap
 *   after gc, per connected idle session; it also holds the client's end of
 *   each WebSocket, so it is an upper bound) and the session daemon's
 *   (dockerd and its containerd, RSS from /proc) separately;
 * - time from "switch to real engine" (EngineModeController.switchToReal,
 *   as the top bar calls it) to the first prompt (the switch done and the
 *   engine's first answer), and the launcher's own start time.
 * Budgets are printed next to the figures, never asserted.
 *   With the server's warm pool (pre-started session daemons, DOCKYARD_BENCH_WARM, default 1 as
 *   `npm run serve`; 0: none), each switch waits until the pool is full again first, as a learner
 *   arriving a few seconds after the last one finds it.
 *   DOCKYARD_BENCH_CALLS (default 300) calls per path, DOCKYARD_BENCH_IDLE (default 8) idle sessions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import type { EngineClient } from '../src/client/engine-client';
import { connectRemote, type RemoteEngine } from '../src/client/remote/connection';
import { EngineModeController } from '../src/client/remote/engine-mode';
import { createSwitchableClient } from '../src/client/switchable';
import { MemoryFs } from '../src/shell/vfs/memory-fs';
import { EngineTransport } from '../src/server/engine/transport';
import { WarmPoolLauncher } from '../src/server/launcher/warm-pool';
import { startServer } from '../test/real/support/harness';

const CALLS = Number(process.env.DOCKYARD_BENCH_CALLS ?? 300);
const IDLE = Number(process.env.DOCKYARD_BENCH_IDLE ?? 8);
const STARTS = 5;
const WARM = Number(process.env.DOCKYARD_BENCH_WARM ?? 1);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
const line = (what: string, figure: string, budget = '') => process.stdout.write(`${what.padEnd(58)} ${figure.padStart(12)}  ${budget}\n`);

/** RSS (bytes) of the processes whose command line names `needle` */
function rssOf(needle: string): { pids: number; bytes: number } {
  let pids = 0;
  let bytes = 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(needle)) continue;
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      pids++;
      bytes += kb * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { pids, bytes };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench:real starts dockerd: run it as root, after test/real/fixture/setup.sh');
  const h = await startServer({ maxSessions: IDLE + STARTS + 2, warmPool: WARM });
  const pool = h.launcher instanceof WarmPoolLauncher ? h.launcher : undefined;
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  const connect = () => connectRemote({ baseUrl: h.baseUrl, WebSocketImpl: WebSocket as never });
  const opened: RemoteEngine[] = [];
  try {
    process.stdout.write(`bench:real — ${CALLS} calls per path, ${IDLE} idle sessions, ${STARTS} switches, warm pool ${WARM}; load average ${load()}\n\n`);

    // --- added latency per call -------------------------------------------------------------
    const r = await connect();
    opened.push(r);
    const direct = new EngineTransport({ socketPath: `${h.stateDir}/${r.sessionId}/docker.sock` });
    const calls: [string, () => Promise<unknown>, (c: EngineClient) => Promise<unknown>][] = [
      ['ping', () => direct.json('GET', '/_ping'), (c) => c.ping()],
      ['container list (ps -a)', () => direct.json('GET', '/containers/json', { query: { all: 1 } }), (c) => c.containerList({ all: true })],
      ['version', () => direct.json('GET', '/version'), (c) => c.serverVersion()],
    ];
    for (const [what, viaDirect, viaGateway] of calls) {
      const d: number[] = [];
      const g: number[] = [];
      for (let i = 0; i < 20; i++) await Promise.all([viaDirect(), viaGateway(r.client)]);
      for (let i = 0; i < CALLS; i++) {
        let t = performance.now();
        await viaDirect();
        d.push(performance.now() - t);
        t = performance.now();
        await viaGateway(r.client);
        g.push(performance.now() - t);
      }
      line(`${what}: direct median / p99`, `${ms(pct(d, 50))} / ${ms(pct(d, 99))}`);
      line(`${what}: through the server median / p99`, `${ms(pct(g, 50))} / ${ms(pct(g, 99))}`);
      line(`${what}: added median / p99`, `${ms(pct(g, 50) - pct(d, 50))} / ${ms(pct(g, 99) - pct(d, 99))}`, 'budget: < 2 ms median');
    }

    // --- switch to the first prompt -----------------------------------------------------------
    const switches: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      if (pool) await pool.whenFull();
      // the browser's set-up: the CLI's client is a switchable one, on the simulator until the switch
      const simulator = r.client;
      const sw = createSwitchableClient(simulator);
      const mode = new EngineModeController({ baseUrl: h.baseUrl, WebSocketImpl: WebSocket as never });
      mode.attach(sw, simulator, new MemoryFs());
      const t0 = performance.now();
      await mode.switchToReal();
      await sw.current().ping();
      switches.push(performance.now() - t0);
      if (mode.getState().status !== 'connected' || sw.current() === simulator) throw new Error(`switch failed: ${mode.getState().detail}`);
      await mode.switchToSimulator();
    }
    line(`switch to real engine → first prompt (warm pool ${WARM}): median / max`, `${ms(pct(switches, 50))} / ${ms(Math.max(...switches))}`, 'budget: < 3 s');
    line('load average (1, 5, 15 min) after the switches', load());

    // --- memory per idle session --------------------------------------------------------------
    for (const x of opened.splice(0)) await x.close();
    await settle();
    const before = process.memoryUsage();
    const idle: RemoteEngine[] = [];
    for (let i = 0; i < IDLE; i++) idle.push(await connect());
    opened.push(...idle);
    await new Promise((res) => setTimeout(res, 3000));
    await settle();
    const after = process.memoryUsage();
    line('gateway memory per idle session (RSS)', mb((after.rss - before.rss) / IDLE), 'budget: < 5 MB (upper bound: client ends too)');
    line('gateway memory per idle session (JS heap)', mb((after.heapUsed - before.heapUsed) / IDLE));
    const daemons = idle.map((x) => rssOf(`${h.stateDir}/${x.sessionId}/`).bytes);
    line('session daemon per idle session (dockerd+containerd RSS)', mb(pct(daemons, 50)), 'reported separately');
    if (pool) {
      await pool.whenFull();
      const pooled = pool.readyIds.map((id) => rssOf(`${h.stateDir}/${id}/`).bytes).reduce((a, b) => a + b, 0);
      line(`warm pool: ${pool.readyCount} pre-started daemon(s) (dockerd+containerd RSS)`, mb(pooled));
    }
  } finally {
    for (const x of opened) await x.close().catch(() => {});
    await h.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench:real: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
