/**
 * The learner's host shell (bash-like): createShell() wires the virtual
 * filesystem, the host programs and the injected ones (docker) to the interpreter.
 */
import type { Credentials, FileSystem } from '../api/fs';
import type { ProcessIO } from '../api/io';
import type { HostNetwork } from '../api/net';
import { texts } from './i18n';
import { reportEndedJobs } from './interpreter/background';
import { Interpreter } from './interpreter/exec';
import { crashReport, processFailure } from './interpreter/failures';
import { defaultOptions } from './interpreter/options';
import { newCommandLine } from './interpreter/pace';
import { runSource } from './interpreter/session';
import { historyEntry } from './parser/incomplete';
import { type ProgramResolver, type Resolved, ShellState } from './interpreter/state';
import type { Program, ShellClock } from './interpreter/types';
import { HOST_PROGRAMS } from './programs/host-programs';
import { makeScriptRunner, makeShellProgram } from './programs/script';
import { makeSu } from './host/su';
import { makeSudo, type SudoOptions } from './host/sudo';
import { Control, LocalProcessTable } from './runtime/process-control';
import { AccessFs } from './vfs/access-fs';
import { resolvePath } from './vfs/path';

export interface ShellOptions {
  fs: FileSystem;
  env: Record<string, string>;
  cwd: string;
  /** extra programs (the composition root injects `docker`); they override the built-in ones */
  programs: Record<string, Program>;
  hostNetwork?: HostNetwork;
  clock: ShellClock;
  name?: 'bash' | 'sh';
  /** who the shell runs as (permission checks on `fs`); absent: no checks (root) */
  credentials?: Credentials;
  /** where sudo's auth messages go (the machine's journal) */
  sudoLog?: SudoOptions['log'];
  /**
   * the host's process table, shared by every terminal of one host (a PID in
   * one is `kill`able from another); default: one of its own
   */
  processes?: LocalProcessTable;
}

export interface Shell {
  /** run one command line as typed at the prompt; resolves with its exit status ($?) */
  run(commandLine: string, io: ProcessIO): Promise<number>;
  readonly cwd: string;
  /** exported variables */
  readonly env: Record<string, string>;
  readonly history: string[];
  /** the learner typed `exit` */
  readonly exited: boolean;
  /** $? */
  readonly status: number;
  /** the prompt bash would show (PS1 or "user@host:cwd$ ") */
  prompt(): string;
  /** the terminal closed: its jobs get SIGHUP (as from the kernel's hangup), the shell leaves the process table */
  close(): void;
}

/** the PID of the first login shell of a host */
export const HOST_SHELL_PID = 4242;

/** where `which` says host programs live */
export function hostProgramPath(name: string): string {
  return `/usr/bin/${name}`;
}

export function createHostResolver(fs: FileSystem, programs: Record<string, Program>): ProgramResolver {
  let runScript: Program | undefined;
  const resolver: ProgramResolver = {
    resolve(name: string, _env, cwd): Resolved {
      if (!name.includes('/')) {
        const p = Object.hasOwn(programs, name) ? programs[name] : undefined;
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
  const fs = opts.credentials ? AccessFs.as(opts.fs, opts.credentials) : opts.fs;
  const resolver = createHostResolver(fs, programs);
  programs.bash = makeShellProgram(() => resolver, { flavor: 'bash' });
  programs.sh = makeShellProgram(() => resolver, { flavor: 'dash' });
  // sudo and su run programs as another user: a resolver over that user's view of the filesystem
  const resolverFor = (f: FileSystem) => createHostResolver(f, programs);
  programs.sudo = makeSudo({ resolverFor, log: opts.sudoLog, hostname: 'dockyard' });
  programs.su = makeSu(resolverFor);
  Object.assign(programs, opts.programs);
  const name = opts.name ?? 'bash';
  const flavor = name === 'bash' ? 'bash' : 'dash';
  // the login shell is a process of the host: its jobs and commands are its children (kill, jobs, the process limit)
  const table = opts.processes ?? new LocalProcessTable(HOST_SHELL_PID, () => opts.clock.now());
  // an interactive shell ignores the signals a learner could send it (SIGTERM, SIGINT, SIGQUIT)
  const self = table.register([name], () => {});
  const sh = new ShellState({
    fs,
    cwd: opts.cwd,
    env: opts.env,
    clock: opts.clock,
    resolver,
    flavor,
    name,
    net: opts.hostNetwork ? { host: opts.hostNetwork } : undefined,
    pid: self.pid,
    proc: new Control(table.table, self.pid, [name], () => {}),
  });
  sh.interactive = true;
  for (const o of defaultOptions(flavor, true)) sh.otherOptions.add(o);
  const interp = new Interpreter();
  return {
    async run(commandLine: string, io: ProcessIO): Promise<number> {
      // a multi-line command is one entry, joined as bash joins it
      sh.remember(historyEntry(commandLine.replace(/\n$/, '').split('\n')));
      newCommandLine(sh.pace);
      let status: number;
      try {
        status = await runSource(sh, interp, commandLine, io);
      } catch (e) {
        if (processFailure(e) === 'crash') {
          // the login shell crashed (a parse or recursion past any stack): the terminal reports it
          io.stderr.write(crashReport());
          sh.exited = true;
          status = sh.status = 139;
        } else {
          // a failure of the simulator itself: said in its words, never as a JavaScript error
          io.stderr.write(texts(sh.lang()).internalError(name));
          status = sh.status = 1;
        }
      }
      // before the next prompt: the jobs that ended ("[1]+  Done  sleep 1")
      reportEndedJobs(sh, io);
      return status;
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
    get exited() {
      return sh.exited;
    },
    get status() {
      return sh.status;
    },
    close() {
      for (const job of sh.jobs.all()) if (job.ended === undefined) table.table.signalGroup(job.pgid, 'SIGHUP');
      self.exit();
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
