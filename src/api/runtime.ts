/**
 * The contract between the engine (which owns containers) and the process
 * runtime (which runs programs). The engine never imports the shell: the
 * composition root (src/app, src/runner) hands it a ProcessRuntime built by
 * src/shell (createContainerRuntime). This mirrors dockerd → containerd/runc.
 */
import type { Credentials, FileSystem } from './fs';
import type { ProcessIO } from './io';
import type { HttpHandler, HttpRequest, HttpResponse, NetFailure } from './net';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  /** full command line words */
  argv: string[];
  /** when it started, ms since the epoch */
  started: number;
  tty: boolean;
}

/** The network as seen from inside one container. */
export interface ContainerNet {
  /** IPv4 address of a name (container name/alias on a user network, "localhost", an IP); undefined = bad address */
  resolve(name: string): string | undefined;
  /** is there a route to this IPv4 address (false for anything but loopback with --network none) */
  hasRoute?(ip: string): boolean;
  http(req: HttpRequest): Promise<HttpResponse | NetFailure>;
  /** start accepting HTTP on a container port; returns a function that stops listening */
  listen(port: number, handler: HttpHandler): () => void;
  /** the Docker registry (distribution) API on `port`, stored under `root` of the container's fs */
  serveRegistry(port: number, root: string): () => void;
}

export interface ProcessSpec {
  /** the container's full ID */
  containerId?: string;
  /** entrypoint + cmd, already resolved by the engine */
  argv: string[];
  /** KEY=VALUE */
  env: string[];
  cwd: string;
  user: string;
  /**
   * who the process is for permission checks: `user` resolved against the
   * container's /etc/passwd and /etc/group by the engine (as runc does);
   * absent: the runtime resolves `user` itself
   */
  credentials?: Credentials;
  hostname: string;
  /** the container's filesystem with its mounts applied */
  fs: FileSystem;
  tty: boolean;
  /** is this PID 1 (run/start) or an exec'd process */
  init: boolean;
  io: ProcessIO;
  clock: {
    now(): number;
    /** resolves after `ms` of simulated time; rejects with AbortError when `signal` aborts */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
  };
  net: ContainerNet;
  /** the container's process table, for `ps` */
  processes(): ProcessInfo[];
  /** how many processes processes() would list (a fork checks the limit: no list made for it) */
  processCount?(): number;
  /** this process's PID inside the container (1 for PID 1); absent: the runtime numbers it itself */
  pid?: number;
  /**
   * register a process this one starts (a shell's background job, a command it
   * forks) in the container's process table, so `ps` inside and `docker top`
   * outside see it. The engine assigns its PID; when the container ends it
   * calls child.kill('SIGKILL').
   */
  spawnChild?(child: ChildProcessSpec): ChildProcessEntry;
  /** the process ran exec (or the kernel started a script through its interpreter): its command line is now `argv` */
  setArgv?(argv: string[]): void;
  /** kill(2) for a process of this container by its in-container PID; false when there is no such process */
  signal?(pid: number, signal: string): boolean;
}

/** A process started inside the container by another one (fork). */
export interface ChildProcessSpec {
  argv: string[];
  /** in-container PID of its parent; default: the process whose spec was asked */
  ppid?: number;
  /** default: the parent's user */
  user?: string;
  /** deliver a signal to it; the runtime decides what the signal does */
  kill(signal: string): void;
}

export interface ChildProcessEntry {
  /** its PID inside the container */
  readonly pid: number;
  /** it ran exec: its command line is now `argv` */
  setArgv(argv: string[]): void;
  /** it ended: it leaves the process table */
  exit(status: number): void;
}

/**
 * Why a process could not be started: Docker maps these to exit 127 / 126.
 * `message` is runc's text, e.g. `exec: "foo": executable file not found in $PATH`.
 */
export class ExecError extends Error {
  constructor(
    readonly reason: 'not-found' | 'permission-denied' | 'no-such-file',
    message: string,
  ) {
    super(message);
    this.name = 'ExecError';
  }
}

export interface ProcessHandle {
  /** resolves with the exit status (128+n when killed by signal n) */
  readonly exited: Promise<number>;
  /** deliver a signal ("SIGTERM", "SIGKILL", "SIGINT", "SIGQUIT", "SIGHUP", …); the program decides what a catchable one does */
  kill(signal: string): void;
}

export interface ProcessRuntime {
  /** throws ExecError when argv[0] cannot be executed in spec.fs */
  spawn(spec: ProcessSpec): ProcessHandle;
}
