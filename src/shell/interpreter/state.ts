/** A shell's state: variables, functions, positional parameters, cwd, options, jobs. */
import type { FileSystem } from '../../api/fs';
import type { Command } from '../parser/ast';
import { JobTable } from './job-table';
import { type LoopPace, newPace, PacedClock } from './pace';
import { type ContainerInfo, DiscardSignal, ExitSignal, type Lang, type ProcessControl, type Program, type ProgramContext, type ShellClock, type SignalSubscribe } from './types';

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
  /** background jobs (`jobs`, %1, `wait`, `fg`) */
  jobs: JobTable;
  /** without a process table (unit tests of the interpreter alone): PIDs for background jobs */
  nextJobPid: number;
  /** set -e */
  errexit = false;
  /** set -u: expanding an unset variable is an error */
  nounset = false;
  /** set -x: each command is printed to stderr before it runs (PS4, "+ ") */
  xtrace = false;
  /** set -o pipefail: a pipeline's status is its last failing command's */
  pipefail = false;
  /** set -f: no pathname expansion */
  noglob = false;
  /** set -C: `>` does not overwrite an existing file */
  noclobber = false;
  /** set -v: input is printed to stderr as it is read */
  verbose = false;
  /** set -a: variables that are set are exported */
  allexport = false;
  /** options that are on and change nothing here (hashall, monitor …), for `set -o` */
  otherOptions = new Set<string>();
  /** reads its commands from stdin (`sh -s`, `docker exec -i c sh`): `$-` has s */
  readsStdin = false;
  /** > 0 while evaluating an if/while condition or the left side of && || (errexit off) */
  conditionDepth = 0;
  /** `bash -c` / script mode: messages carry "line N:" */
  nonInteractive = false;
  /** reads commands from a terminal: job notices, `fg`, errors that end only the line */
  interactive = false;
  /** runs `sh -c STRING` (not a script file): bash ends it with 127 on a `${x:?}` error */
  commandString = false;
  /** levels of command substitution and eval: set -x repeats PS4's first character (bash) */
  traceLevel = 0;
  /** functions running now, nested (FUNCNEST) */
  funcNest = 0;
  /** functions, subshells, eval and source running now, nested */
  nesting = 0;
  traps = new Map<string, string>();
  aliases = new Map<string, string>();
  /** the lines typed, the last HISTSIZE of them (the line editor holds this very array) */
  history: string[] = [];
  /** how many lines were dropped from the front of `history` (its numbers go on) */
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
    this.jobs = new JobTable(cfg.flavor);
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
    c.otherOptions = new Set(this.otherOptions);
    c.aliases = new Map(this.aliases);
    c.jobs = new JobTable(this.flavor);
    c.interactive = false;
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
    // set -a: every variable set is exported
    if (this.allexport) exported = true;
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
    // no prototype: `export __proto__=x` is a variable like any other
    const out: Record<string, string> = Object.create(null);
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

  /** a line typed at the prompt: kept in the history, which holds HISTSIZE lines (bash 500, ash 255) */
  remember(line: string): void {
    if (line.trim() === '') return;
    this.history.push(line);
    const v = this.get('HISTSIZE')?.trim() ?? '';
    const max = /^\d+$/.test(v) ? Number(v) : this.flavor === 'bash' ? 500 : 255;
    const drop = this.history.length - max;
    if (drop > 0) {
      this.history.splice(0, drop);
      this.historyBase += drop;
    }
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
    if (this.flavor === 'bash' && this.nonInteractive) {
      // bash 5.2 names the source of a function defined by `bash -c` "environment"
      if (this.commandString && this.funcNest > 0) return `environment: line ${line}: `;
      return `${this.name}: line ${line}: `;
    }
    if (this.flavor === 'ash' && this.nonInteractive && !this.commandString) return `${this.name}: line ${line}: `;
    return `${this.name}: `;
  }
  /** the prefix of an expansion error (`${x:?}`, unbound variable, arithmetic): `bash -c` gives no line */
  expansionErrPrefix(line = 1): string {
    if (this.flavor === 'bash' && this.commandString && this.funcNest === 0) return `${this.name}: `;
    return this.errPrefix(line);
  }
  /**
   * an error the shell cannot go on from in this command (`${x:?}`, set -u, a
   * failed fork in ash): an interactive shell drops the rest of the line, any
   * other exits — bash 127 from `bash -c` and 1 from a script or a subshell, ash and dash 2
   */
  fatal(): DiscardSignal | ExitSignal {
    const status = this.flavor === 'bash' ? 1 : 2;
    if (this.interactive) return new DiscardSignal(status);
    // 127 is what `bash -c` itself ends with; a subshell of it exits 1
    if (this.flavor === 'bash' && this.commandString && !this.isSubshell) return new ExitSignal(127);
    return new ExitSignal(status);
  }
  /** "foo: command not found" in this shell's words */
  notFoundMessage(cmd: string, line = 1): string {
    if (this.flavor === 'bash') return `${this.errPrefix(line)}${cmd}: command not found\n`;
    return `${this.errPrefix(line)}${cmd}: not found\n`;
  }
}
