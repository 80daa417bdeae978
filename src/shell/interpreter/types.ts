/** Programs, their context, and the signals the interpreter uses for control flow. */
import type { EditorHost } from '../../api/editor';
import type { Credentials, FileSystem } from '../../api/fs';
import type { ProcessIO } from '../../api/io';
import type { HostNetwork } from '../../api/net';
import type { ContainerNet, ProcessInfo } from '../../api/runtime';

export interface ShellClock {
  now(): number;
  /** resolves after `ms` of (simulated) time; rejects with an AbortError when `signal` aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** what a program inside a container can see about its container */
export interface ContainerInfo {
  hostname: string;
  user: string;
  processes(): ProcessInfo[];
  /** the container's full ID (the editor edits its files through the archive API) */
  id?: string;
  /** who shows files to the learner (vi, vim, nano); absent: nobody (the headless runner) */
  editor?: EditorHost;
}

export type Lang = 'en' | 'zh';

export interface ProgramContext {
  /** argv[0] is the name as typed (or as resolved by PATH in a container) */
  argv: string[];
  io: ProcessIO;
  /** exported environment */
  env: Record<string, string>;
  cwd: string;
  /** the filesystem as this process sees it (permission checks with `creds`) */
  fs: FileSystem;
  /** who the process is (effective uid, gid, groups); absent: root */
  creds?: Credentials;
  /**
   * which implementation of a tool runs: GNU (coreutils, procps, findutils…) or
   * busybox's applet; absent: busybox inside a container, GNU on the host
   */
  flavor?: 'gnu' | 'busybox';
  /** change the calling shell's working directory (builtins only) */
  setCwd?: (dir: string) => void;
  clock: ShellClock;
  net?: { host?: HostNetwork; container?: ContainerNet };
  container?: ContainerInfo;
  /** run another command by name with the shell's PATH rules (xargs, env, nohup…); 127 when not found */
  exec(argv: string[], io: ProcessIO, env?: Record<string, string>): Promise<number>;
  /** full path of a program the shell would run for `name` (which, type), undefined when none */
  lookup(name: string): string | undefined;
  /** message language, from LANG */
  lang: Lang;
  /**
   * inside a container: handle a signal sent to the process (docker stop/kill, Ctrl-C forwarded);
   * the handler returns true when it took care of the signal. Returns an unsubscribe function.
   */
  onSignal?: SignalSubscribe;
  /** inside a container: this process in the container's process table (fork, exec, kill) */
  proc?: ProcessControl;
}

/** What a program may do with processes (inside a container, or on the host). */
export interface ProcessControl {
  /** in-container PID ($$) */
  readonly pid: number;
  /** its process group (a job of an interactive shell leads its own); default: its PID */
  readonly pgid?: number;
  /** the command line the process table shows for it */
  readonly argv: readonly string[];
  /**
   * fork: a child process running `argv`, listed in the process table until it
   * exits; in the parent's process group unless `newGroup`. Throws ForkError
   * when the table is full.
   */
  fork(argv: string[], opts?: { user?: string; newGroup?: boolean }): ForkedProcess;
  /** exec: this process now runs `argv` */
  setArgv(argv: string[]): void;
  /** kill(2): send a signal to a process of the container; false when there is no such PID */
  signal(pid: number, signal: string): boolean;
  /** kill(2) with -PGID: send a signal to every process of a group; false when it has none */
  signalGroup?(pgid: number, signal: string): boolean;
}

/** fork(2) failed with EAGAIN: the process table is full (the fork bomb stops here) */
export class ForkError extends Error {
  constructor() {
    super('Resource temporarily unavailable');
    this.name = 'ForkError';
  }
}

export interface ForkedProcess {
  readonly pid: number;
  /** the child's own process control (its children get it as parent) */
  readonly control: ProcessControl;
  /** signals sent to the child */
  readonly onSignal: SignalSubscribe;
  /** aborted when a signal ends the child */
  readonly killed: AbortSignal;
  /** resolves with 128+n when signal n ends the child (never otherwise) */
  readonly death: Promise<number>;
  /** told (once, synchronously) when a signal ends the child: the fork that runs it; cheaper than `death` */
  onDeath?: DeathListener;
  /** the child ended with `status` */
  exit(status: number): void;
}

export interface DeathListener {
  died(status: number): void;
}

export type SignalSubscribe = (handler: (signal: string) => boolean) => () => void;

export type Program = (ctx: ProgramContext) => Promise<number>;

/** `exit N` */
export class ExitSignal {
  constructor(readonly status: number) {}
}
/** break N / continue N */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
/** return N from a function or a sourced file */
export class ReturnSignal {
  constructor(readonly status: number) {}
}
/** Ctrl-C / SIGINT reached the foreground job */
export class InterruptSignal {
  readonly status = 130;
}
/** Ctrl-C arrived: the foreground job ends (InterruptSignal) */
export function checkInterrupt(io: ProcessIO): void {
  if (io.interrupt.aborted) throw new InterruptSignal();
}
/**
 * bash's jump to top level (DISCARD): an error that abandons the rest of the
 * complete command being run (one line of input, of `bash -c`, of a script);
 * the shell goes on with the next one, $? = status. In a subshell it ends the subshell.
 */
export class DiscardSignal {
  constructor(readonly status: number) {}
}
/**
 * the shell process crashed as its C original does when it recurses without
 * end (ash and dash have no limit: SIGSEGV). It dies with 139; its parent
 * reports "Segmentation fault". Nothing of ours crashes.
 */
export class CrashSignal {
  readonly status = 139;
  readonly signal = 'SIGSEGV';
}

/** what a command's result means as $?: a number 0-255 whatever a program handed back (1 for anything else) */
export function exitStatus(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 1;
  return ((Math.trunc(v) % 256) + 256) % 256;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}
