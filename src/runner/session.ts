/**
 * The composition root for Node (headless runner, fidelity suite, benchmarks,
 * property tests): a virtual clock, seeded IDs, the learner's host filesystem,
 * the engine with the stand-in Docker Hub and the container runtime, the
 * in-process client, and the host shell whose `docker` program is the CLI.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EditorHost } from '../api/editor';
import type { EngineClient } from '../client/engine-client';
import { createSimulator, type Simulator } from '../app/simulator';
import { VirtualClock } from '../engine/core/clock';
import { SeededIds } from '../engine/core/ids';
import type { Engine } from '../engine/engine';
import type { HubCatalog } from '../engine/registry/catalog';
import type { ServiceManager } from '../shell/host/systemd/manager';
import type { MemoryFs } from '../shell/vfs/memory-fs';
import type { TranscriptSession } from './transcript';

/** 2026-11-23T08:00:00Z: every session starts at the same instant */
export const DEFAULT_START = Date.UTC(2026, 10, 23, 8, 0, 0);
export const DEFAULT_HOME = '/home/learner';
export const DEFAULT_CWD = '/srv/work';

export interface SessionOptions {
  /** the stand-in Docker Hub: a path to its JSON or the parsed object (default test/fixtures/standin-hub.json) */
  catalogPath?: string;
  catalog?: HubCatalog;
  startTime?: number;
  seed?: number;
  /** terminal width */
  cols?: number;
  home?: string;
  cwd?: string;
  /** see SimulatorOptions.wrapClient */
  wrapClient?: (inProcess: EngineClient, hostFs: MemoryFs) => EngineClient;
  /** see SimulatorOptions.editor (tests of vi/vim/nano; the runner itself has none) */
  editor?: EditorHost;
}

export interface Session extends TranscriptSession {
  readonly clock: VirtualClock;
  readonly engine: Engine;
  readonly client: EngineClient;
  readonly hostFs: MemoryFs;
  readonly cols: number;
  /** the wiring underneath: every terminal's host shell (the fuzzer snapshots them) */
  readonly simulator: Simulator;
  /** the machine's service manager (docker.service, docker.socket) */
  readonly services: ServiceManager;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CATALOG_PATH = join(here, '..', '..', 'test', 'fixtures', 'standin-hub.json');

const catalogCache = new Map<string, HubCatalog>();
/** Parse a catalog file once per process (it is read-only for the engine). */
export function loadCatalog(path = DEFAULT_CATALOG_PATH): HubCatalog {
  let c = catalogCache.get(path);
  if (!c) {
    c = JSON.parse(readFileSync(path, 'utf8')) as HubCatalog;
    catalogCache.set(path, c);
  }
  return c;
}

export function createSession(opts: SessionOptions = {}): Session {
  const clock = new VirtualClock(opts.startTime ?? DEFAULT_START);
  const ids = new SeededIds(opts.seed ?? 1);
  const home = opts.home ?? DEFAULT_HOME;
  const cwd = opts.cwd ?? DEFAULT_CWD;
  const cols = opts.cols ?? 120;
  const catalog = opts.catalog ?? loadCatalog(opts.catalogPath);
  const sim = createSimulator({ clock, ids, catalog, home, cwd, cols, wrapClient: opts.wrapClient, editor: opts.editor });
  const { engine, client, hostFs } = sim;

  return {
    clock,
    engine,
    client,
    hostFs,
    services: sim.services,
    cols,
    simulator: sim,
    home,
    cwd,
    run: sim.run,
    containerNames: sim.containerNames,
    async hubctl(args: string[]) {
      const [verb, ...rest] = args;
      try {
        if (verb === 'retag' && rest.length === 3) engine.registries.retag(rest[0], rest[1], rest[2]);
        else if (verb === 'reset' && rest.length === 0) engine.registries.reset();
        else return { exit: 2, stdout: '', stderr: 'usage: hubctl retag REPO FROM_TAG TO_TAG | hubctl reset\n' };
        return { exit: 0, stdout: '', stderr: '' };
      } catch (e) {
        return { exit: 1, stdout: '', stderr: `hubctl: ${e instanceof Error ? e.message : String(e)}\n` };
      }
    },
  };
}
