/**
 * The learner's host shell (bash-like): createShell() wires the virtual
 * filesystem, the host programs and the injected ones (docker) to the interpreter.
 */
import type { FileSystem } from '../api/fs';
import type { ProcessIO } from '../api/io';
import type { HostNetwork } from '../api/net';
import { Interpreter } from './interpreter/exec';
import { runSource } from './interpreter/session';
import { type ProgramResolver, type Resolved, ShellState } from './interpreter/state';
import type { Program, ShellClock } from './interpreter/types';
import { HOST_PROGRAMS } from './programs/host-programs';
import { makeScriptRunner, makeShellProgram } from './programs/script';
import { resolvePath } from './vfs/path';
import { addHistory, MAX_HISTORY, trimHistory } from './interpreter/history';

export interface ShellOptions {
  fs: FileSystem;
  env: Record<string, string>;
  cwd: string;
  /** extra programs (the composition root injects `docker`); they override the built-in ones */
  programs: Record<string, Program>;
  hostNetwork?: HostNetwork;
  clock: ShellClock;
  name?: 'bash' | 'sh';
}

export interface Shell {
  /** run one command line as typed at the prompt; resolves with its exit status ($?) */
  run(commandLine: string, io: ProcessIO): Promise<number>;
  readonly cwd: string;
  /** exported variables */
  readonly env: Record<string, string>;
  readonly history: string[];
  /** set the history (a restored terminal), kept to $HISTSIZE like every addition */
  restoreHistory(lines: readonly string[]): void;
  /** the learner typed `exit` */
  readonly exited: boolean;
  /** $? */
  readonly status: number;
  /** the prompt bash would show (PS1 or "user@host:cwd$ ") */
  prompt(): string;
}

/** where `which` says host programs live */
export function hostProgramPath(name: string): string {
  return `/usr/bin/${name}`;
}

export function createHostResolver(fs: FileSystem, programs: Record<string, Program>): ProgramResolver {
  let runScript: Program | undefined;
  const resolver: ProgramResolver = {
    resolve(name: string, _env, cwd): Resolved {
      if (!name.includes('/')) {
        const p = programs[name];
        return p ? { kind: 'program', program: p, path: hostProgramPath(name) } : { kind: 'error', status: 127, reason: 'not-found' };
      }
      const path = resolvePath(cwd, name);
      if (!fs.exists(path)) return { kind: 'error', status: 127, reason: 'no-such-file' };
      const st = fs.stat(path);
      if (st.type === 'dir') return { kind: 'error', status: 126, reason: 'is-dir' };
      if ((st.mode & 0o111) === 0) return { kind: 'error', status: 126, reason: 'permission-denied' };
      runScript ??= makeScriptRunner(() => resolver, 'bash');
      return { kind: 'program', program: runScript, path };
    },
  };
  return resolver;
}

export function createShell(opts: ShellOptions): Shell {
  const programs: Record<string, Program> = { ...HOST_PROGRAMS };
  const resolver = createHostResolver(opts.fs, programs);
  programs.bash = makeShellProgram(() => resolver, { flavor: 'bash' });
  programs.sh = makeShellProgram(() => resolver, { flavor: 'dash' });
  Object.assign(programs, opts.programs);
  const name = opts.name ?? 'bash';
  const sh = new ShellState({
    fs: opts.fs,
    cwd: opts.cwd,
    env: opts.env,
    clock: opts.clock,
    resolver,
    flavor: name === 'bash' ? 'bash' : 'dash',
    name,
    net: opts.hostNetwork ? { host: opts.hostNetwork } : undefined,
    pid: 4242,
  });
  const interp = new Interpreter();
  return {
    async run(commandLine: string, io: ProcessIO): Promise<number> {
      if (commandLine.trim() !== '') addHistory(sh, commandLine.replace(/\n$/, ''));
      return runSource(sh, interp, commandLine, io);
    },
    get cwd() {
      return sh.cwd;
    },
    get env() {
      return sh.env();
    },
    get history() {
      return sh.history;
    },
    restoreHistory(lines) {
      sh.history.splice(0, sh.history.length, ...lines.slice(-MAX_HISTORY));
      trimHistory(sh);
    },
    get exited() {
      return sh.exited;
    },
    get status() {
      return sh.status;
    },
    prompt() {
      const ps1 = sh.get('PS1');
      if (ps1 !== undefined) return ps1;
      const user = sh.get('USER') ?? 'root';
      const home = sh.get('HOME');
      const w = home && (sh.cwd === home || sh.cwd.startsWith(`${home}/`)) ? `~${sh.cwd.slice(home.length)}` : sh.cwd;
      return `${user}@${sh.get('HOSTNAME') ?? 'dockyard'}:${w}${user === 'root' ? '#' : '$'} `;
    },
  };
}
