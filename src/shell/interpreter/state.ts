/** A shell's state: variables, functions, positional parameters, cwd, options, jobs. */
import type { FileSystem } from '../../api/fs';
import type { Command } from '../parser/ast';
import type { ContainerInfo, Lang, Program, ProgramContext, ShellClock, SignalSubscribe } from './types';

/** how program names are found: the host's program table or PATH in a container's filesystem */
export type Resolved =
  | { kind: 'program'; program: Program; path: string }
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
  /** set when the shell ran `exit` */
  exited = false;
  /** pipeline / command-substitution subshell */
  isSubshell = false;

  constructor(cfg: ShellConfig) {
    this.fs = cfg.fs;
    this.cwd = cfg.cwd;
    this.clock = cfg.clock;
    this.resolver = cfg.resolver;
    this.flavor = cfg.flavor;
    this.name = cfg.name;
    this.net = cfg.net;
    this.container = cfg.container;
    this.onSignal = cfg.onSignal;
    this.pid = cfg.pid ?? 1;
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
    return c;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }
  set(name: string, value: string, exported?: boolean): void {
    const v = this.vars.get(name);
    if (v) {
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: exported ?? false });
  }
  export(name: string): void {
    const v = this.vars.get(name);
    if (v) v.exported = true;
    else this.vars.set(name, { value: '', exported: true });
  }
  unset(name: string): void {
    this.vars.delete(name);
  }
  isExported(name: string): boolean {
    return this.vars.get(name)?.exported ?? false;
  }
  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) out[k] = v.value;
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
