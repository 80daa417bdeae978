/**
 * Exports of a fuzzed session, corrupted and given to the store's import
 * (src/store: importSandbox). An import must be refused with nothing changed
 * (the current sandbox as it was, no blob of the file left behind), or
 * accepted with a sandbox that works: its stores consistent, default networks
 * there, every list and inspect command fine, and an export of it possible.
 */
import { createSandboxFactory } from '../../src/app/sandbox/factory';
import { runIn } from '../../src/app/sandbox/test-driver';
import type { LocalSandboxSession } from '../../src/app/sandbox/create-session';
import { SANDBOX_DATA_VERSION } from '../../src/app/sandbox/sandbox-data';
import type { HostShellState } from '../../src/app/simulator';
import { VirtualClock } from '../../src/engine/core/clock';
import { BlobTable, RecordingSink } from '../../src/engine/snapshot/blob-table';
import { snapshotEngine } from '../../src/engine/snapshot/snapshot-engine';
import { plain } from '../../src/runner/render';
import { loadCatalog, type Session } from '../../src/runner/session';
import { createSandboxStore, type SandboxStoreApi } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/idb-storage';
import { encodeSandboxFile } from '../../src/store/sandbox-file';
import { storeInvariants } from '../property/invariants';
import { corrupt } from './corrupt-export';
import { outputProblems, taintOf } from './oracles';
import type { Rng } from './rng';

export interface ImportFinding {
  kind: 'export-failed' | 'import-rejected-good' | 'import-accepted-corrupt' | 'import-rejected-changed' | 'import-leaked-blobs';
  what: string;
  detail: string;
}

export interface ImportStats {
  tried: number;
  accepted: number;
  rejected: number;
}

/** host files bigger than this are left out of the export (saved tars, `seq 100000` outputs): each import decodes and hashes every file */
const MAX_EXPORTED_FILE = 64 * 1024;

function dropBigFiles(session: Session, dir = '/'): void {
  const fs = session.hostFs;
  for (const name of fs.readdir(dir)) {
    const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = fs.lstat(path);
    if (st.type === 'dir') dropBigFiles(session, path);
    else if (st.type === 'file' && st.size > MAX_EXPORTED_FILE) fs.unlink(path);
  }
}

/** the whole runner session as an export file, the way the store writes one (its big host files removed first) */
export function exportSession(session: Session): string {
  dropBigFiles(session);
  const blobs = new BlobTable();
  const sink = new RecordingSink(blobs);
  const engine = snapshotEngine(session.engine, sink);
  sink.note(engine.blobs);
  const shells: Record<string, HostShellState> = {};
  for (const [id, sh] of session.simulator.shells()) shells[id] = { cwd: sh.cwd, env: { ...sh.env }, history: [...sh.history] };
  const data = { version: SANDBOX_DATA_VERSION, engine, hostFs: session.hostFs.toSnapshot(sink), shells };
  const snapshot = { data, blobs: [...sink.used].sort() };
  const terminals = Object.keys(shells).map((id, i) => ({ id, index: i + 1 }));
  return encodeSandboxFile(snapshot, blobs, { provenance: {}, lessons: {}, terminals, scrollback: {} }, new Date(session.clock.now()).toISOString());
}

/** a KeyValueStore in memory (the store's IndexedDB stand-in outside a browser) */
export function memoryKv(): KeyValueStore {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => m.get(k) as T | undefined,
    getMany: async <T>(ks: string[]) => ks.map((k) => m.get(k) as T | undefined),
    set: async (k, v) => void m.set(k, v),
    setMany: async (es) => {
      for (const [k, v] of es) m.set(k, v);
    },
    delMany: async (ks) => {
      for (const k of ks) m.delete(k);
    },
    keys: async () => [...m.keys()],
  };
}

interface Store {
  api: SandboxStoreApi;
  clock: VirtualClock;
  blobs: BlobTable;
}

function newStore(seed: number): Store {
  const catalog = loadCatalog();
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8, 0, 0));
  let s = seed;
  const factory = createSandboxFactory({ clock, catalog, home: '/home/learner', cwd: '/srv/work', cols: 120, newSeed: () => s++ });
  const noTimers = { set: () => 0, clear: () => {} };
  const api = createSandboxStore({ factory, kv: memoryKv(), languages: ['en'], autosaveMs: 1e12, timers: noTimers });
  return { api, clock, blobs: factory.blobs };
}

const session = (st: Store) => st.api.getState().session as LocalSandboxSession;

/** what must not change when an import is refused: the sandbox's data and the blob table's keys */
function fingerprint(st: Store): string {
  const snap = session(st).snapshot();
  try {
    return JSON.stringify(snap.data) + JSON.stringify(snap.blobs);
  } catch (e) {
    return `not JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function blobKeys(st: Store): string {
  const keys: string[] = [];
  const table = st.blobs as unknown as { blobs: Map<string, Uint8Array> };
  for (const k of table.blobs.keys()) keys.push(k);
  return keys.sort().join(',');
}

const HEALTH_COMMANDS = [
  'docker ps -a',
  'docker ps -a --no-trunc --size --format "{{json .}}"',
  'docker images -a --digests',
  'docker volume ls',
  'docker network ls',
  'docker system df -v',
  'docker inspect $(docker ps -aq) > /dev/null',
  'docker image inspect $(docker images -aq) > /dev/null',
  'docker network inspect bridge host none > /dev/null',
  'docker volume inspect $(docker volume ls -q) > /dev/null',
  'ls -la ~ /srv/work > /dev/null',
];

/** why the store's current sandbox does not work, or undefined (`taint`: JS-value words the session typed, its names may hold them) */
async function unhealthy(st: Store, taint: string): Promise<string | undefined> {
  const s = session(st);
  const engine = s.simulator.engine;
  // a container whose image is gone is a state `docker rmi -f` makes too: not a broken import
  const broken = storeInvariants(engine, new Set(engine.containers.list().map((c) => c.Image)));
  if (broken.length) return `invariant: ${broken[0]}`;
  const names = new Set(engine.networks.list().map((n) => n.name));
  for (const n of ['bridge', 'host', 'none']) if (!names.has(n)) return `no ${n} network`;
  for (const line of HEALTH_COMMANDS) {
    if (line.includes('$(docker ps -aq)') && engine.containers.list().length === 0) continue;
    if (line.includes('$(docker images -aq)') && engine.images.all().length === 0) continue;
    if (line.includes('$(docker volume ls -q)') && engine.volumes.list().length === 0) continue;
    let r: Awaited<ReturnType<typeof runIn>>;
    try {
      r = await runIn(s, st.clock, 'fuzz-check', line, 30_000);
    } catch (e) {
      return `${line} threw ${e instanceof Error ? e.message : String(e)}`;
    }
    const out = plain(r.out) + plain(r.err);
    if (r.status !== 0) return `${line} exited ${r.status}: ${out.slice(0, 200)}`;
    const p = outputProblems(out, line, taint);
    if (p.length) return `${line} printed ${p[0]?.text}`;
  }
  // what an export writes, but the file contents (base64 of every blob: the same each time)
  try {
    JSON.stringify(s.snapshot().data);
  } catch (e) {
    return `exporting it threw ${e instanceof Error ? e.message : String(e)}`;
  }
  return undefined;
}

/**
 * Give the store the session's export as is (it must be accepted and work),
 * then `n` corruptions of it.
 */
export async function fuzzImports(
  sessionToExport: Session,
  r: Rng,
  n: number,
  onFinding: (f: ImportFinding) => void,
  onAttempt?: (what: string) => void,
): Promise<ImportStats> {
  const stats: ImportStats = { tried: 0, accepted: 0, rejected: 0 };
  let text: string;
  try {
    text = exportSession(sessionToExport);
  } catch (e) {
    onFinding({ kind: 'export-failed', what: 'the session', detail: e instanceof Error ? e.message : String(e) });
    return stats;
  }
  const taint = taintOf(text);
  // a sandbox with something of its own, which a refused import must leave alone: small, so that comparing it
  // before and after an import stays cheap whatever the export holds (EXPOSE 1-65535 images)
  const current = async () => {
    const fresh = newStore(r.int(1, 1e9));
    await runIn(session(fresh), fresh.clock, 't1', 'echo mine > /srv/work/mine.txt; docker volume create mine');
    return fresh;
  };
  let st = await current();

  const attempt = async (file: string, what: string, good: boolean) => {
    stats.tried++;
    onAttempt?.(what);
    const before = fingerprint(st);
    const keysBefore = blobKeys(st);
    let ok: boolean;
    try {
      ok = await st.api.getState().importSandbox(new Blob([file]));
    } catch (e) {
      onFinding({ kind: 'import-accepted-corrupt', what, detail: `importSandbox threw ${e instanceof Error ? e.message : String(e)}` });
      return false;
    }
    if (!ok) {
      stats.rejected++;
      const notice = st.api.getState().notice?.text ?? '';
      if (good) onFinding({ kind: 'import-rejected-good', what, detail: notice });
      if (fingerprint(st) !== before) onFinding({ kind: 'import-rejected-changed', what, detail: notice });
      else if (blobKeys(st) !== keysBefore) onFinding({ kind: 'import-leaked-blobs', what, detail: notice });
      return true;
    }
    stats.accepted++;
    const why = await unhealthy(st, taint);
    if (why) onFinding({ kind: 'import-accepted-corrupt', what, detail: why });
    return why === undefined;
  };

  await attempt(text, 'the export as it is', true);
  for (let i = 0; i < n; i++) {
    // each corrupted copy goes to a small sandbox of its own (the export as it is, once in, is the big one)
    session(st).dispose();
    st = await current();
    const c = corrupt(r, text);
    await attempt(c.text, c.what, false);
  }
  session(st).dispose();
  return stats;
}
