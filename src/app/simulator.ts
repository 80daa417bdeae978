/**
 * The simulator's wiring, shared by both composition roots (the browser app,
 * src/app/main.tsx, and the Node runner, src/runner/session.ts): the learner's
 * host filesystem, the engine with the stand-in Docker Hub and the container
 * runtime, the in-process client, and the host shell whose `docker` program is
 * the docker CLI. Time and randomness come from the caller.
 */
import type { ProcessIO } from '../api/io';
import { runDocker } from '../cli/main';
import type { EngineClient } from '../client/engine-client';
import { createInProcessClient } from '../client/in-process';
import type { Clock } from '../engine/core/clock';
import type { IdSource } from '../engine/core/ids';
import { Engine, type EngineOptions } from '../engine/engine';
import type { HubCatalog } from '../engine/registry/catalog';
import { createShell, type Shell } from '../shell/shell';
import { createContainerRuntime } from '../shell/runtime/container-runtime';
import { MemoryFs } from '../shell/vfs/memory-fs';

export interface SimulatorOptions {
  clock: Clock;
  ids: IdSource;
  catalog: HubCatalog;
  /** the learner's $HOME and starting directory */
  home: string;
  cwd: string;
  /** terminal width */
  cols: number;
  user?: string;
  /** a host filesystem to use as is (a restored sandbox); default: a fresh one with the usual directories */
  hostFs?: MemoryFs;
  /** build the engine (a restored sandbox: restoreEngine); default: a fresh Engine */
  makeEngine?: (opts: EngineOptions) => Engine;
}

/** what a terminal's host shell keeps between commands (sandbox snapshots) */
export interface HostShellState {
  cwd: string;
  /** exported variables */
  env: Record<string, string>;
  history: string[];
}

export interface Simulator {
  readonly engine: Engine;
  readonly client: EngineClient;
  readonly hostFs: MemoryFs;
  /** run one command line in the host shell (cwd and variables carry over); resolves with its exit status */
  run(line: string, io: ProcessIO): Promise<number>;
  /** names of every container that exists now */
  containerNames(): string[];
  /** the prompt the host shell shows now (`learner@dockyard:~$ `) */
  prompt(): string;
  /**
   * The host shell of terminal `id`, made on first use (from `init` when given,
   * else starting in `cwd` like the first one): its own cwd, variables and
   * history, the same host filesystem and engine. `run`/`prompt` above are
   * shell(DEFAULT_SHELL).
   */
  shell(id: string, init?: HostShellState): Shell;
  /** forget terminal `id`'s shell */
  closeShell(id: string): void;
  /** the shells made so far, by terminal ID */
  shells(): ReadonlyMap<string, Shell>;
}

/** the terminal ID of Simulator.run/prompt */
export const DEFAULT_SHELL = 'main';

/** The shell's view of time: now() and an abortable sleep on the injected clock. */
export function shellClock(clock: Clock): { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> } {
  return {
    now: () => clock.now(),
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const abortError = () => {
          const e = new Error('The operation was aborted');
          e.name = 'AbortError';
          return e;
        };
        if (signal?.aborted) {
          reject(abortError());
          return;
        }
        const onAbort = () => {
          cancel();
          reject(abortError());
        };
        const cancel = clock.setTimer(ms, () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

export function createSimulator(opts: SimulatorOptions): Simulator {
  const { clock, ids, catalog, home, cwd, cols } = opts;
  const user = opts.user ?? 'learner';
  let hostFs = opts.hostFs;
  if (!hostFs) {
    hostFs = new MemoryFs({ now: () => clock.now(), uid: 1000, gid: 1000 });
    for (const d of ['/tmp', '/etc', '/usr/bin', '/usr/local/bin', '/bin', '/root', home, cwd]) hostFs.mkdir(d, { recursive: true });
    hostFs.chmod('/tmp', 0o1777);
  }

  const engineOpts: EngineOptions = { clock, ids, hostFs, catalog, runtime: createContainerRuntime() };
  const engine = opts.makeEngine ? opts.makeEngine(engineOpts) : new Engine(engineOpts);
  const client = createInProcessClient(engine);
  const baseEnv: Record<string, string> = {
    HOME: home,
    USER: user,
    LOGNAME: user,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    PWD: cwd,
    COLUMNS: String(cols),
  };
  const fs = hostFs;
  const makeShell = (init?: HostShellState): Shell => {
    const sh = createShell({
      fs,
      cwd: init?.cwd ?? cwd,
      env: init ? { ...init.env } : { ...baseEnv },
      clock: shellClock(clock),
      hostNetwork: client.hostNetwork,
      programs: {
        docker: (ctx) =>
          runDocker(ctx.argv.slice(1), {
            client,
            io: ctx.io,
            hostFs: ctx.fs,
            cwd: ctx.cwd,
            env: ctx.env,
            now: () => clock.now(),
          }),
      },
    });
    if (init) sh.restoreHistory(init.history);
    return sh;
  };
  const shells = new Map<string, Shell>();
  const shellFor = (id: string, init?: HostShellState): Shell => {
    let sh = shells.get(id);
    if (!sh) {
      sh = makeShell(init);
      shells.set(id, sh);
    }
    return sh;
  };
  return {
    engine,
    client,
    hostFs,
    run: (line, io) => shellFor(DEFAULT_SHELL).run(line, io),
    containerNames: () => engine.containers.list().map((c) => c.Name.replace(/^\//, '')),
    prompt: () => shellFor(DEFAULT_SHELL).prompt(),
    shell: shellFor,
    closeShell: (id) => {
      shells.delete(id);
    },
    shells: () => shells,
  };
}
