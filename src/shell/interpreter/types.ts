/** Programs, their context, and the signals the interpreter uses for control flow. */
import type { FileSystem } from '../../api/fs';
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
}

export type Lang = 'en' | 'zh';

export interface ProgramContext {
  /** argv[0] is the name as typed (or as resolved by PATH in a container) */
  argv: string[];
  io: ProcessIO;
  /** exported environment */
  env: Record<string, string>;
  cwd: string;
  fs: FileSystem;
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

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}
