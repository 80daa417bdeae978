/** A shell's state: variables, functions, positional parameters, cwd, options, jobs. */
import type { FileSystem } from '../../api/fs';
import type { Command } from '../parser/ast';
import { type LoopPace, newPace, PacedClock } from './pace';
import type { ContainerInfo, Lang, ProcessControl, Program, ProgramContext, ShellClock, SignalSubscribe } from './types';

/** how program names are found: the host's program table or PATH in a container's filesystem */
export type Resolved =
  /** `interpreter`: the program is a script run through this shebang line ("/bin/sh") */
  | { kind: 'program'; program: Program; path: string; interpreter?: string[] }
  | { kind: 'error'; status: 126 | 127; reason: 'not-found' | 'no-such-file' | 'permission-denied' | 'is-dir' };

export interface ProgramResolver {
  resolve(name: string, env: Record<string, string>, cwd: string): Resolved;
}

/** which shell we imitate: error texts and prompts differ */
export type Flavor = 'bash' | 'dash' | 'ash';

interface Var {
  value: string;
  exported: boolean;
}

export interface ShellConfig {
  fs: FileSystem;
  cwd: string;
  env: Record<string, string>;
  clock: ShellClock;
  resolver: ProgramResolver;
  flavor: Flavor;
  /** $0 and the prefix of error messages ("bash", "sh") */
  name: string;
  net?: ProgramContext['net'];
  container?: ContainerInfo;
  pid?: number;
  onSignal?: SignalSubscribe;
  /** inside a container: the shell's process (fork, exec, kill) */
  proc?: ProcessControl;
}

export class ShellState {
  fs: FileSystem;
  cwd: string;
  clock: ShellClock;
  resolver: ProgramResolver;
  flavor: Flavor;
  name: string;
  net?: ProgramContext['net'];
  container?: ContainerInfo;
  onSignal?: SignalSubscribe;
  proc?: ProcessControl;
  /** the next external command replaces this process instead of forking (a background job of one command) */
  execNext = false;
  /** trapped signals waiting for their action to run (names without SIG) */
  pendingTraps: string[] = [];
  /** wakes a `wait` builtin when a trapped signal arrives */
  trapWaiters: (() => void)[] = [];
  /** clock waits and idle loop rounds, shared with subshells (when loops give way to the event loop) */
  pace: LoopPace;
  /** SIGWINCH: an interactive shell redraws its prompt */
  onWinch?: () => void;
  /** drop the shell's signal handlers (exec: the program replaces the shell) */
  releaseSignals?: () => void;
  vars = new Map<string, Var>();
  functions = new Map<string, Command>();
  positional: string[] = [];
  status = 0;
  /** status of the last command substitution of the command being expanded */
  subStatus: number | undefined;
  pid: number;
  lastBackground?: number;
  jobs = new Map<number, Promise<number>>();
  nextJobPid: number;
  errexit = false;
  /** > 0 while evaluating an if/while condition or the left side of && || (errexit off) */
  conditionDepth = 0;
  /** `bash -c` / script mode: messages carry "line N:" */
  nonInteractive = false;
  traps = new Map<string, string>();
  aliases = new Map<string, string>();
  history: string[] = [];
  /** history entries dropped past $HISTSIZE (history.ts) */
  historyBase = 0;
  /** env() while no exported variable changes */
  private envCache: Record<string, string> | undefined;
  /** set when the shell ran `exit` */
  exited = false;
  /** pipeline / command-substitution subshell */
  isSubshell = false;

  constructor(cfg: ShellConfig) {
    this.fs = cfg.fs;
    this.cwd = cfg.cwd;
    this.pace = newPace();
    // programs sleep through the shell's clock: a loop that sleeps needs no other pause
    this.clock = new PacedClock(cfg.clock, this.pace);
    this.resolver = cfg.resolver;
    this.flavor = cfg.flavor;
    this.name = cfg.name;
    this.net = cfg.net;
    this.container = cfg.container;
    this.onSignal = cfg.onSignal;
    this.proc = cfg.proc;
    this.pid = cfg.pid ?? cfg.proc?.pid ?? 1;
    this.nextJobPid = this.pid + 1;
    for (const [k, v] of Object.entries(cfg.env)) this.vars.set(k, { value: v, exported: true });
    if (!this.vars.has('PWD')) this.vars.set('PWD', { value: cfg.cwd, exported: true });
  }

  /** a copy for a subshell: changes do not flow back */
  clone(): ShellState {
    const c = Object.create(ShellState.prototype) as ShellState;
    Object.assign(c, this);
    c.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    c.functions = new Map(this.functions);
    c.positional = [...this.positional];
    c.traps = new Map(this.traps);
    c.aliases = new Map(this.aliases);
    c.jobs = new Map();
    c.isSubshell = true;
    c.execNext = false;
    c.pendingTraps = [];
    c.trapWaiters = [];
    c.releaseSignals = undefined;
    return c;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }
  set(name: string, value: string, exported?: boolean): void {
    const v = this.vars.get(name);
    if (v) {
      if (v.exported || exported) this.envCache = undefined;
      v.value = value;
      if (exported) v.exported = true;
    } else {
      if (exported) this.envCache = undefined;
      this.vars.set(name, { value, exported: exported ?? false });
    }
  }
  export(name: string): void {
    this.envCache = undefined;
    const v = this.vars.get(name);
    if (v) v.exported = true;
    else this.vars.set(name, { value: '', exported: true });
  }
  unset(name: string): void {
    if (this.vars.get(name)?.exported) this.envCache = undefined;
    this.vars.delete(name);
  }
  isExported(name: string): boolean {
    return this.vars.get(name)?.exported ?? false;
  }
  /**
   * the exported variables; the same object until one of them changes (a loop
   * running a program per round does not copy the environment each time):
   * callers must not modify it
   */
  env(): Record<string, string> {
    if (this.envCache) return this.envCache;
    const out: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) out[k] = v.value;
    this.envCache = out;
    return out;
  }
  lang(): Lang {
    const l = this.get('LC_ALL') || this.get('LC_MESSAGES') || this.get('LANG') || '';
    return l.startsWith('zh') ? 'zh' : 'en';
  }
  setCwd(dir: string): void {
    const old = this.cwd;
    this.cwd = dir;
    this.set('OLDPWD', old, this.isExported('OLDPWD') || true);
    this.set('PWD', dir);
  }

  /** a trapped signal arrived: its action runs after the current command (a `wait` returns at once) */
  queueTrap(name: string): void {
    this.pendingTraps.push(name);
    const w = this.trapWaiters;
    this.trapWaiters = [];
    for (const f of w) f();
  }

  /** the prefix of an error message from the shell itself: "bash: ", "bash: line 3: ", "sh: 1: " */
  errPrefix(line = 1): string {
    if (this.flavor === 'dash') return `${this.name}: ${line}: `;
    if (this.flavor === 'bash' && this.nonInteractive) return `${this.name}: line ${line}: `;
    return `${this.name}: `;
  }
  /** "foo: command not found" in this shell's words */
  notFoundMessage(cmd: string, line = 1): string {
    if (this.flavor === 'bash') return `${this.errPrefix(line)}${cmd}: command not found\n`;
    return `${this.errPrefix(line)}${cmd}: not found\n`;
  }
}
