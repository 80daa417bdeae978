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
import { Engine } from '../engine/engine';
import type { HubCatalog } from '../engine/registry/catalog';
import { createShell } from '../shell/shell';
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
}

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
  const hostFs = new MemoryFs({ now: () => clock.now(), uid: 1000, gid: 1000 });
  for (const d of ['/tmp', '/etc', '/usr/bin', '/usr/local/bin', '/bin', '/root', home, cwd]) hostFs.mkdir(d, { recursive: true });
  hostFs.chmod('/tmp', 0o1777);

  const engine = new Engine({ clock, ids, hostFs, catalog, runtime: createContainerRuntime() });
  const client = createInProcessClient(engine);
  const env: Record<string, string> = {
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
  const shell = createShell({
    fs: hostFs,
    cwd,
    env,
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
  return {
    engine,
    client,
    hostFs,
    run: (line, io) => shell.run(line, io),
    containerNames: () => engine.containers.list().map((c) => c.Name.replace(/^\//, '')),
    prompt: () => shell.prompt(),
  };
}
