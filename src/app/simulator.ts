/**
 * The simulator's wiring, shared by both composition roots (the browser app,
 * src/app/start-app.tsx, and the Node runner, src/runner/session.ts): the learner's
 * host filesystem, the engine with the stand-in Docker Hub and the container
 * runtime, the in-process client, and the host shell whose `docker` program is
 * the docker CLI. Time and randomness come from the caller.
 */
import type { EditorHost } from '../api/editor';
import type { ProcessIO } from '../api/io';
import type { Internet } from '../api/net';
import { runDocker } from '../cli/main';
import type { EngineClient } from '../client/engine-client';
import type { AttachOptions } from '../api/container';
import { cannotConnectError } from '../client/errors';
import { createInProcessClient } from '../client/in-process';
import { engineDaemonProcess } from './engine-daemon-process';
import { daemonProcess } from '../engine/daemon/daemon-process';
import type { Clock } from '../engine/core/clock';
import type { IdSource } from '../engine/core/ids';
import { Engine, type EngineOptions } from '../engine/engine';
import type { CatalogSource } from '../engine/registry/registry-service';
import { makeEditor } from '../shell/programs/editor';
import { hostCredentials, seedHostUsers } from '../shell/host-users';
import type { HostServices } from '../shell/host/host-services';
import { installDockerPackages } from '../shell/host/install';
import { makeJournalctl } from '../shell/host/journalctl';
import { makeService } from '../shell/host/service';
import { makeSystemctl } from '../shell/host/systemctl';
import { ServiceManager, type ServiceManagerSnapshot } from '../shell/host/systemd/manager';
import { createShell, HOST_SHELL_PID, type Shell } from '../shell/shell';
import { createContainerRuntime } from '../shell/runtime/container-runtime';
import { LocalProcessTable } from '../shell/runtime/process-control';
import { MemoryFs } from '../shell/vfs/memory-fs';

export interface SimulatorOptions {
  clock: Clock;
  ids: IdSource;
  catalog: CatalogSource;
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
  /** the client the CLI and host network use, made from the in-process one (the protocol over a channel, a switch to a real engine); default: it as is */
  wrapClient?: (inProcess: EngineClient, hostFs: MemoryFs) => EngineClient;
  /** shows files to the learner for vi/vim/nano, on the host and in containers (the web app's editor pane); none: they say so */
  editor?: EditorHost;
  /**
   * The learner's app: Docker Hub accounts are made on first login (and
   * `docker login` says so); default: the fidelity kit's stand-in Hub with its
   * one password.
   */
  hubAccounts?: boolean;
  /** the host's services and journal to continue from (a restored sandbox); default: the machine has just booted */
  hostServices?: ServiceManagerSnapshot;
  /** the simulated Internet of the learner's app (containers, the host's curl, docker build from git); default: offline */
  internet?: Internet;
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
  /** the engine's API: the docker CLI's (a docker command may start dockerd through docker.socket) and the UI's (fails while dockerd is down) */
  readonly client: EngineClient;
  /** the machine's service manager (docker.service, docker.socket, containerd) and journal */
  readonly services: ServiceManager;
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
  /**
   * the container a docker command of terminal `id`'s shell is attached to
   * now (`run -it`, `start -a`, `attach`: the ID or name it asked for)
   */
  attachedContainer(id: string): string | undefined;
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
    // the system's directories are root's (the learner's home and working directory stay the learner's)
    for (const d of ['/', '/tmp', '/etc', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/bin', '/root', '/home', '/srv']) {
      if (hostFs.exists(d) && d !== home && d !== cwd) hostFs.chown(d, 0, 0);
    }
    hostFs.chmod('/root', 0o700);
    seedHostUsers(hostFs, user, home);
  }
  installDockerPackages(hostFs);

  const engineOpts: EngineOptions = { clock, ids, hostFs, catalog, runtime: createContainerRuntime({ editor: opts.editor }), hubAccounts: opts.hubAccounts, internet: opts.internet };
  const engine = opts.makeEngine ? opts.makeEngine(engineOpts) : new Engine(engineOpts);
  // docker.service runs the engine the CLI uses now: the simulator's, or a real session daemon
  let cliClient: EngineClient | undefined;
  const services = new ServiceManager({
    clock: shellClock(clock),
    fs: hostFs,
    daemon: engineDaemonProcess(daemonProcess(engine), () => cliClient, hostFs),
    hostname: 'dockyard',
    from: opts.hostServices,
  });
  // A docker command connecting to /run/docker.sock while docker.socket listens starts dockerd;
  // the app's own views (state view, lesson checks) only look: they start nothing.
  let dockerCommands = 0;
  const inProcess = createInProcessClient(engine, {
    connect: async () => {
      if (engine.daemon.running) return;
      if (dockerCommands === 0 || !(await services.connectDocker())) throw cannotConnectError();
    },
  });
  const client = opts.wrapClient ? opts.wrapClient(inProcess, hostFs) : inProcess;
  cliClient = client;
  const host: HostServices = {
    manager: services,
    containers: () => engine.containers.list().length,
    // containerd starts a container's shim just before its PID 1
    shims: () => engine.containers.list().filter((c) => c.State.Running && c.State.Pid > 0).map((c) => ({ pid: c.State.Pid - 1, id: c.ID })),
  };
  const systemctl = makeSystemctl(host);
  let sudoPid = 5100;
  const sudoLog = (e: { messages: string[] }) => {
    const pid = sudoPid++;
    for (const m of e.messages) services.journal.add({ t: clock.now(), ident: 'sudo', pid, priority: 5, message: m });
  };
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
  const editor = makeEditor(opts.editor);
  // one kernel: the terminals' shells and their jobs share the host's PIDs and its process limit
  const hostProcesses = new LocalProcessTable(HOST_SHELL_PID, () => clock.now());
  const attached = new Map<string, string>();
  const makeShell = (id: string, init?: HostShellState): Shell => {
    // the shell's docker notes what it attaches to (a reload attaches again: src/ui/terminal/resume.ts)
    const dockerClient: EngineClient = Object.assign(Object.create(client) as EngineClient, {
      containerAttach(container: string, options: AttachOptions, io: ProcessIO, signal?: AbortSignal) {
        attached.set(id, container);
        return client.containerAttach(container, options, io, signal);
      },
    });
    const sh = createShell({
      fs,
      processes: hostProcesses,
      cwd: init?.cwd ?? cwd,
      env: init ? { ...init.env } : { ...baseEnv },
      clock: shellClock(clock),
      credentials: hostCredentials(fs, (init?.env.USER ?? baseEnv.USER) || user),
      hostNetwork: client.hostNetwork,
      sudoLog,
      programs: {
        vi: editor,
        vim: editor,
        nano: editor,
        docker: async (ctx) => {
          dockerCommands++;
          try {
            return await runDocker(ctx.argv.slice(1), {
              client: dockerClient,
              io: ctx.io,
              hostFs: ctx.fs,
              cwd: ctx.cwd,
              env: ctx.env,
              now: () => clock.now(),
              hubSignUp: opts.hubAccounts,
              internet: opts.internet,
            });
          } finally {
            dockerCommands--;
            attached.delete(id);
          }
        },
        systemctl,
        service: makeService(host, systemctl),
        journalctl: makeJournalctl(host),
      },
    });
    if (init) sh.history.push(...init.history);
    return sh;
  };
  const shells = new Map<string, Shell>();
  const shellFor = (id: string, init?: HostShellState): Shell => {
    let sh = shells.get(id);
    if (!sh) {
      sh = makeShell(id, init);
      shells.set(id, sh);
    }
    return sh;
  };
  return {
    engine,
    client,
    services,
    hostFs,
    run: (line, io) => shellFor(DEFAULT_SHELL).run(line, io),
    containerNames: () => engine.containers.list().map((c) => c.Name.replace(/^\//, '')),
    prompt: () => shellFor(DEFAULT_SHELL).prompt(),
    shell: shellFor,
    closeShell: (id) => {
      shells.get(id)?.close();
      shells.delete(id);
      attached.delete(id);
    },
    attachedContainer: (id) => attached.get(id),
    shells: () => shells,
  };
}
