/**
 * `node --expose-gc --import tsx bench/port-ranges.bench.ts` (ROUNDS=3): CPU
 * time of what a port range costs the engine:
 * a build whose Dockerfile has `EXPOSE 1-65535` (the fuzzer's slow line),
 * a container run with `-p 1-65535:1-65535`, a commit of it, `docker ps`,
 * the session's export and its import into a fresh sandbox (decode, graph
 * check, restore), `docker port c 80`, `docker rm -f`; then the same on
 * busybox (no EXPOSE), with /udp, and `docker create`. Prints figures; asserts nothing (timings are not tests).
 */
import { cpus, loadavg } from 'node:os';
import { createSandboxFactory } from '../src/app/sandbox/factory';
import { VirtualClock } from '../src/engine/core/clock';
import { plain } from '../src/runner/render';
import { createSession, loadCatalog } from '../src/runner/session';
import { runStep, settle } from '../src/runner/step-driver';
import { createSandboxStore } from '../src/store/create-store';
import { exportSession, memoryKv } from '../test/fuzz/import-check';

const log = (s: string) => process.stdout.write(`${s}\n`);

function cpuMs<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const c0 = process.cpuUsage();
  return fn().then((v) => {
    const c = process.cpuUsage(c0);
    return [v, (c.user + c.system) / 1000];
  });
}

/** the session's export, and its import into a fresh sandbox */
async function roundTrip(what: string, s: ReturnType<typeof createSession>, figures: string[]): Promise<void> {
  const [text, exportMs] = await cpuMs(async () => exportSession(s));
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8, 0, 0));
  let seed = 1;
  const factory = createSandboxFactory({ clock, catalog: loadCatalog(), home: '/home/learner', cwd: '/srv/work', cols: 120, newSeed: () => seed++ });
  const api = createSandboxStore({ factory, kv: memoryKv(), languages: ['en'], autosaveMs: 1e12, timers: { set: () => 0, clear: () => {} } });
  const [ok, importMs] = await cpuMs(() => api.getState().importSandbox(new Blob([text])));
  const refused = ok ? '' : ` REFUSED: ${api.getState().notice?.text}`;
  figures.push(`[${what}: export ${exportMs.toFixed(0)} (${(text.length / 1e6).toFixed(1)} MB), import ${importMs.toFixed(0)}${refused}]`);
}

async function main(): Promise<void> {
  log(`machine: ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (let round = 1; round <= Number(process.env.ROUNDS ?? 3); round++) {
    const s = createSession({ seed: round });
    s.hostFs.mkdir('/srv/work/ctx', { recursive: true });
    s.hostFs.writeFile('/srv/work/ctx/Dockerfile', 'FROM busybox\nEXPOSE 1-65535\nENV A=1\nCMD ["sleep", "1000"]\n');
    const figures: string[] = [];
    const step = async (what: string, line: string) => {
      const [out, ms] = await cpuMs(() => runStep(s, line, { timeoutSeconds: 180 }));
      await s.clock.advance(150, settle);
      if (out.exit !== 0) throw new Error(`${line}: exit ${out.exit}: ${plain(out.stderrRaw).slice(0, 300)}`);
      figures.push(`${what} ${ms.toFixed(0)}`);
    };
    await step('pull', 'docker pull busybox');
    await step('build', 'docker build ctx');
    await step('build --no-cache', 'docker build --no-cache -t mine ctx');
    await roundTrip('images only', s, figures);
    await step('run -p range', 'docker run -d --name c1 -p 1-65535:1-65535 mine');
    await step('ps', 'docker ps');
    await step('commit', 'docker commit c1 snap');
    await roundTrip('with the container', s, figures);
    await step('port 80', 'docker port c1 80');
    await step('rm -f', 'docker rm -f c1');
    await step('run busybox -p range', 'docker run -d --name c2 -p 1-65535:1-65535 busybox sleep 1000');
    await step('ps', 'docker ps');
    await step('port 80', 'docker port c2 80');
    await roundTrip('with that container', s, figures);
    await step('rm -f', 'docker rm -f c2');
    await step('run busybox -p range/udp', 'docker run -d --name c3 -p 1-65535:1-65535/udp busybox sleep 1000');
    await step('rm -f', 'docker rm -f c3');
    await step('create busybox -p range', 'docker create --name c4 -p 1-65535:1-65535 busybox');
    log(`round ${round} (ms CPU): ${figures.join(', ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
