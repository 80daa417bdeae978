/**
 * Part of `npm run bench` (issue 9 item 13: realistic sizes must not cost
 * real bytes), on the learner catalog (public/catalog/default-hub.json) in a
 * sandbox session as the web app makes it, in Node (the closest headless
 * equivalent of the page: the same code, no rendering):
 *   - `docker save nginx -o nginx.tar` (budget 200 ms);
 *   - the export file of a tutorial-like state (images pulled, containers,
 *     a build, two image tars and a container export in the home folder):
 *     its size (budget 2 MB) and the time to snapshot and encode it (1 s);
 *   - a reload of a sandbox with 100 containers: decode the export file,
 *     restore the session, back to the prompt (1.5 s).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSandboxSession, type LocalSandboxSession } from '../src/app/sandbox/create-session';
import { runIn } from '../src/app/sandbox/test-driver';
import { VirtualClock } from '../src/engine/core/clock';
import type { HubCatalog } from '../src/engine/registry/catalog';
import { BlobTable } from '../src/engine/snapshot/blob-table';
import type { SessionSnapshot } from '../src/store/session-factory';
import { decodeSandboxFile, encodeSandboxFile } from '../src/store/sandbox-file';
import type { GcWatch, Row, Sample } from './bench-lib';
import { stats } from './bench-lib';

const BUDGET_SAVE_MS = 200;
const BUDGET_EXPORT_KB = 2048;
const BUDGET_EXPORT_MS = 1000;
const BUDGET_RELOAD_MS = 1500;
const SAVE_SAMPLES = 10;
const EXPORT_SAMPLES = 5;
const RELOAD_SAMPLES = 5;
const RELOAD_CONTAINERS = 100;
const START = Date.UTC(2026, 10, 23, 8, 0, 0);
const log = (s: string) => process.stdout.write(`${s}\n`);

const catalog = (): HubCatalog => JSON.parse(readFileSync(new URL('../public/catalog/default-hub.json', import.meta.url), 'utf8')) as HubCatalog;

function newSession(clock: VirtualClock, blobs: BlobTable, hub: HubCatalog, from?: SessionSnapshot): LocalSandboxSession {
  return createSandboxSession({ clock, catalog: hub, home: '/home/learner', cwd: '/home/learner', cols: 120, blobs, seed: 5, from });
}

async function must(s: LocalSandboxSession, clock: VirtualClock, line: string): Promise<string> {
  const r = await runIn(s, clock, 'main', line);
  if (r.status !== 0) throw new Error(`${line}: exit ${r.status}\n${r.err}`);
  return r.out;
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    out.push({ ms, cpuMs: (c.user + c.system) / 1000, gcMs: 0 });
  }
  return out;
}

function exportText(s: LocalSandboxSession, blobs: BlobTable): string {
  const snap = s.snapshot();
  return encodeSandboxFile(snap, blobs, { provenance: {}, lessons: {}, terminals: [{ id: 'main', index: 1 }], scrollback: {} }, new Date(START).toISOString());
}

/** decode an export file into a new session and wait for its prompt */
function reload(text: string, hub: HubCatalog): LocalSandboxSession {
  const decoded = decodeSandboxFile(text);
  if (!decoded.ok) throw new Error(`export file refused: ${decoded.reason}`);
  const blobs = new BlobTable();
  for (const [d, b] of decoded.blobs) if (!blobs.add(d, b)) throw new Error(`blob ${d} does not match`);
  const s = newSession(new VirtualClock(START + 3_600_000), blobs, hub, decoded.snapshot);
  s.prompt('main');
  return s;
}

export async function lazyContent(_gc: GcWatch, rows: Row[]): Promise<void> {
  const hub = catalog();
  const clock = new VirtualClock(START);
  const blobs = new BlobTable();
  const s = newSession(clock, blobs, hub);
  log('setup: learner catalog, docker pull nginx…');
  await must(s, clock, 'docker pull nginx');
  log(`measure: docker save nginx -o nginx.tar, ${SAVE_SAMPLES} samples…`);
  const save = await timed(SAVE_SAMPLES, () => must(s, clock, 'docker save nginx -o /tmp/nginx.tar'));
  const size = (await must(s, clock, 'stat -c %s /tmp/nginx.tar')).trim();
  rows.push({ what: `docker save nginx -o (${(Number(size) / 1e6).toFixed(0)} MB tar)`, unit: 'ms', stats: stats(save), budget: BUDGET_SAVE_MS });

  log('setup: a tutorial-like state (pulls, containers, a build, image tars in $HOME)…');
  for (const line of [
    'rm /tmp/nginx.tar',
    'docker pull ubuntu:18.04',
    'docker pull redis',
    'docker run -d --name webserver -p 80:80 nginx',
    'docker run --name once ubuntu:18.04 echo hi',
    'mkdir mynginx && cd mynginx && printf "FROM nginx\\nRUN echo hello > /usr/share/nginx/html/index.html\\n" > Dockerfile && docker build -t nginx:v3 .',
    'docker save nginx -o nginx.tar',
    'docker save ubuntu:18.04 > ubuntu.tar',
    'docker export webserver > webserver.tar',
  ]) {
    await must(s, clock, line);
  }
  let text = '';
  log(`measure: export file, ${EXPORT_SAMPLES} samples…`);
  const exp = await timed(EXPORT_SAMPLES, async () => {
    text = exportText(s, blobs);
  });
  const homeBytes = Number((await must(s, clock, 'cat ~/mynginx/nginx.tar ~/mynginx/ubuntu.tar ~/mynginx/webserver.tar | wc -c')).trim());
  rows.push({ what: 'export file: snapshot + encode', unit: 'ms', stats: stats(exp), budget: BUDGET_EXPORT_MS });
  rows.push({
    what: 'export file size',
    unit: 'KB',
    value: text.length / 1024,
    budget: BUDGET_EXPORT_KB,
    note: `three tars of ${(homeBytes / 1e6).toFixed(0)} MB in $HOME`,
  });
  s.dispose();

  log(`setup: ${RELOAD_CONTAINERS} containers…`);
  const clock2 = new VirtualClock(START);
  const blobs2 = new BlobTable();
  const crowded = newSession(clock2, blobs2, hub);
  await must(crowded, clock2, 'docker pull nginx');
  await must(crowded, clock2, 'docker pull busybox');
  for (let i = 0; i < RELOAD_CONTAINERS; i++) {
    await must(crowded, clock2, i % 2 === 0 ? `docker run -d --name web${i} nginx` : `docker run -d --name loop${i} busybox sh -c 'while true; do sleep 5; done'`);
  }
  const crowdedText = exportText(crowded, blobs2);
  crowded.dispose();
  log(`measure: reload with ${RELOAD_CONTAINERS} containers, ${RELOAD_SAMPLES} samples…`);
  const reloads = await timed(RELOAD_SAMPLES, async () => {
    reload(crowdedText, hub).dispose();
  });
  rows.push({ what: `reload, ${RELOAD_CONTAINERS} containers, to the prompt (Node)`, unit: 'ms', stats: stats(reloads), budget: BUDGET_RELOAD_MS });
}
