/**
 * sudo 1.9.13 on the learner's machine. The learner may run anything as
 * anyone without a password (`learner ALL=(ALL) NOPASSWD:ALL`, as cloud images
 * set up their first user: the learner never chose a password, so there is
 * none to type). The command runs with the target user's credentials (files it
 * makes are that user's: root's, by default) and sudo's reset environment
 * (HOME, USER, LOGNAME, SHELL, MAIL of the target, secure_path, SUDO_*; TERM,
 * LANG, LC_*, COLUMNS kept). -i runs the target's login shell in its home
 * directory, -s a shell in the current one. Texts recorded from sudo 1.9.13p3
 * (test/fixtures/real-host/systemd/sudo-*).
 */
import type { Credentials } from '../../api/fs';
import type { ProcessIO } from '../../api/io';
import { textDecoder } from '../../api/fs';
import { execUser, parsePasswd } from '../../lib/users';
import { Interpreter } from '../interpreter/exec';
import { type ProgramResolver, ShellState } from '../interpreter/state';
import type { Program, ProgramContext } from '../interpreter/types';
import { AccessFs } from '../vfs/access-fs';

export const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const USAGE = [
  'usage: sudo -h | -K | -k | -V',
  'usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]',
  'usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user]',
  '            [command [arg ...]]',
  'usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g',
  '            group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user]',
  '            [VAR=value] [-i | -s] [command [arg ...]]',
  'usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group]',
  '            [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...',
].join('\n');

const HELP = `sudo - execute a command as another user

${USAGE}

Options:
  -A, --askpass                 use a helper program for password prompting
  -b, --background              run command in the background
  -B, --bell                    ring bell when prompting
  -C, --close-from=num          close all file descriptors >= num
  -D, --chdir=directory         change the working directory before running
                                command
  -E, --preserve-env            preserve user environment when running command
      --preserve-env=list       preserve specific environment variables
  -e, --edit                    edit files instead of running a command
  -g, --group=group             run command as the specified group name or ID
  -H, --set-home                set HOME variable to target user's home dir
  -h, --help                    display help message and exit
  -h, --host=host               run command on host (if supported by plugin)
  -i, --login                   run login shell as the target user; a command
                                may also be specified
  -K, --remove-timestamp        remove timestamp file completely
  -k, --reset-timestamp         invalidate timestamp file
  -l, --list                    list user's privileges or check a specific
                                command; use twice for longer format
  -n, --non-interactive         non-interactive mode, no prompts are used
  -P, --preserve-groups         preserve group vector instead of setting to
                                target's
  -p, --prompt=prompt           use the specified password prompt
  -R, --chroot=directory        change the root directory before running command
  -r, --role=role               create SELinux security context with specified
                                role
  -S, --stdin                   read password from standard input
  -s, --shell                   run shell as the target user; a command may
                                also be specified
  -t, --type=type               create SELinux security context with specified
                                type
  -T, --command-timeout=timeout terminate command after the specified time limit
  -U, --other-user=user         in list mode, display privileges for user
  -u, --user=user               run command (or edit file) as specified user
                                name or ID
  -V, --version                 display version information and exit
  -v, --validate                update user's timestamp without running a
                                command
  --                            stop processing command line arguments
`;

/** bash builtins sudo cannot run (no program of that name on the machine) */
const SHELL_BUILTINS = new Set(['cd', 'export', 'source', '.', 'alias', 'unalias', 'set', 'unset', 'exit', 'history', 'declare', 'local', 'shopt', 'ulimit', 'umask', 'bg', 'fg', 'jobs', 'wait', 'read', 'eval', 'exec', 'type', 'hash']);

/** variables sudo's env_reset keeps from the caller */
const KEEP = /^(TERM|COLORTERM|LANG|LANGUAGE|LC_\w+|COLUMNS|LINES|DISPLAY|HOSTNAME|TZ|COLORS|LS_COLORS|XAUTHORITY)$/;

export interface SudoLogEntry {
  /** the auth log line ("learner : TTY=pts/0 ; PWD=/srv/work ; USER=root ; COMMAND=/usr/bin/id") and the PAM session lines */
  messages: string[];
}

export interface SudoOptions {
  /** how the host finds programs, for a process that sees `fs` */
  resolverFor: (fs: ProgramContext['fs']) => ProgramResolver;
  /** where sudo's auth messages go (the journal) */
  log?: (e: SudoLogEntry) => void;
  hostname: string;
}

function readText(fs: ProgramContext['fs'], path: string): string | undefined {
  try {
    return textDecoder.decode(fs.readFile(path));
  } catch {
    return undefined;
  }
}

interface Parsed {
  user: string;
  login: boolean;
  shell: boolean;
  preserveEnv: boolean;
  chdir?: string;
  assigns: [string, string][];
  command: string[];
  mode: 'run' | 'help' | 'version' | 'list' | 'validate' | 'kill';
}

/** long options without a value, by the short flag they stand for */
const LONG_OPTIONS: Record<string, string> = {
  login: 'i',
  shell: 's',
  help: 'h',
  version: 'V',
  list: 'l',
  validate: 'v',
  'reset-timestamp': 'k',
  'remove-timestamp': 'K',
  'non-interactive': 'n',
  'preserve-env': 'E',
  'set-home': 'H',
};

/** apply a flag without a value; false when sudo has no such flag */
function setFlag(p: Parsed, c: string): boolean {
  switch (c) {
    case 'i':
      p.login = true;
      return true;
    case 's':
      p.shell = true;
      return true;
    case 'h':
      p.mode = 'help';
      return true;
    case 'V':
      p.mode = 'version';
      return true;
    case 'l':
      p.mode = 'list';
      return true;
    case 'v':
      p.mode = 'validate';
      return true;
    case 'k':
    case 'K':
      if (p.mode === 'run') p.mode = 'kill';
      return true;
    case 'E':
      p.preserveEnv = true;
      return true;
    case 'n':
    case 'H':
    case 'S':
    case 'A':
    case 'B':
    case 'P':
      return true;
    default:
      return false;
  }
}

function parse(args: string[]): Parsed | { error: string } {
  const p: Parsed = { user: 'root', login: false, shell: false, preserveEnv: false, assigns: [], command: [], mode: 'run' };
  let i = 0;
  const needArg = (opt: string) => {
    const v = args[++i];
    if (v === undefined) return { error: `sudo: option requires an argument -- '${opt}'` };
    return v;
  };
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (name === 'user' || name === 'chdir') {
        const v = eq < 0 ? args[++i] : a.slice(eq + 1);
        if (v === undefined) return { error: `sudo: option '--${name}' requires an argument` };
        if (name === 'user') p.user = v;
        else p.chdir = v;
        continue;
      }
      if (!Object.hasOwn(LONG_OPTIONS, name)) return { error: `sudo: unrecognized option '${a}'` };
      setFlag(p, LONG_OPTIONS[name]);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const rest = a.slice(j + 1);
      if (c === 'u' || c === 'D') {
        const v = rest !== '' ? rest : needArg(c);
        if (typeof v !== 'string') return v;
        if (c === 'u') p.user = v;
        else p.chdir = v;
        break;
      }
      if (!setFlag(p, c)) return { error: `sudo: invalid option -- '${c}'` };
    }
  }
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    p.assigns.push([args[i].slice(0, eq), args[i].slice(eq + 1)]);
  }
  p.command = args.slice(i);
  return p;
}

/** a process of the host that runs as the user `fs` checks for, with its own cwd and environment */
export function processAs(
  ctx: ProgramContext,
  resolverFor: (fs: ProgramContext['fs']) => ProgramResolver,
  fs: ProgramContext['fs'],
  cwd: string,
  env: Record<string, string>,
): ShellState {
  return new ShellState({ fs, cwd, env, clock: ctx.clock, resolver: resolverFor(fs), flavor: 'bash', name: 'bash', net: ctx.net });
}

/** run `argv` in a process made by processAs (its environment has no PWD: no shell set one) */
export function runIn(state: ShellState, argv: string[], io: ProcessIO): Promise<number> {
  const { PWD: _pwd, ...env } = state.env();
  return new Interpreter().runProgram(state, argv, io, env);
}

export function makeSudo(opts: SudoOptions): Program {
  return async (ctx) => {
    const err = ctx.io.stderr;
    const parsed = parse(ctx.argv.slice(1));
    if ('error' in parsed) {
      err.write(`${parsed.error}\n${USAGE}\n`);
      return 1;
    }
    const p = parsed;
    if (p.mode === 'help') {
      ctx.io.stdout.write(HELP);
      return 0;
    }
    if (p.mode === 'validate' || p.mode === 'kill') return 0;
    const caller = AccessFs.credentialsOf(ctx.fs) ?? { uid: 0, gid: 0, groups: [0] };
    const passwd = readText(ctx.fs, '/etc/passwd');
    const callerName = parsePasswd(passwd ?? '').find((e) => e.uid === caller.uid)?.name ?? String(caller.uid);
    if (p.mode === 'list') {
      ctx.io.stdout.write(
        `Matching Defaults entries for ${callerName} on ${opts.hostname}:\n` +
          '    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin, use_pty\n\n' +
          `User ${callerName} may run the following commands on ${opts.hostname}:\n    (ALL : ALL) ALL\n    (ALL) NOPASSWD: ALL\n`,
      );
      return 0;
    }
    if (p.mode === 'version') {
      ctx.io.stdout.write('Sudo version 1.9.13p3\n');
      return 0;
    }
    if (p.command.length === 0 && !p.login && !p.shell) {
      err.write(`${USAGE}\n`);
      return 1;
    }
    const target = execUser(p.user.startsWith('#') ? p.user.slice(1) : p.user, passwd, readText(ctx.fs, '/etc/group'));
    const entry = parsePasswd(passwd ?? '').find((e) => !('error' in target) && e.uid === target.uid);
    if ('error' in target || (!entry && !/^#?\d+$/.test(p.user))) {
      err.write(`sudo: unknown user ${p.user}\nsudo: error initializing audit plugin sudoers_audit\n`);
      return 1;
    }
    const creds: Credentials = { uid: target.uid, gid: target.gid, groups: target.groups };
    const name = entry?.name ?? p.user;
    const home = entry?.home || '/';
    const shell = entry?.shell || '/bin/sh';
    const fs = AccessFs.as(ctx.fs, creds);

    const env: Record<string, string> = {};
    if (p.preserveEnv) Object.assign(env, ctx.env);
    else for (const [k, v] of Object.entries(ctx.env)) if (KEEP.test(k)) env[k] = v;
    Object.assign(env, { PATH: SECURE_PATH, HOME: home, MAIL: `/var/mail/${name}`, SHELL: shell, LOGNAME: name, USER: name });
    env.HOSTNAME ??= opts.hostname;
    env.SUDO_USER = callerName;
    env.SUDO_UID = String(caller.uid);
    env.SUDO_GID = String(caller.gid);
    for (const [k, v] of p.assigns) env[k] = v;

    let cwd = p.login ? home : ctx.cwd;
    if (p.chdir) cwd = p.chdir.startsWith('/') ? p.chdir : `${ctx.cwd.replace(/\/$/, '')}/${p.chdir}`;
    let argv = p.command;
    if (p.login || p.shell) {
      // the shell reads /etc/bash.bashrc, which sets Debian's prompt
      env.PS1 = '\\u@\\h:\\w\\$ ';
      const sh = shell.split('/').pop() ?? 'bash';
      const command = p.command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
      argv = p.command.length ? [sh, '-c', command] : [sh];
    }
    const res = opts.resolverFor(fs).resolve(argv[0], env, cwd);
    if (res.kind === 'error') {
      err.write(`sudo: ${argv[0]}: command not found\n`);
      if (SHELL_BUILTINS.has(argv[0])) {
        err.write(`sudo: "${argv[0]}" is a shell built-in command, it cannot be run directly.\nsudo: the -s option may be used to run a privileged shell.\n`);
        if (argv[0] === 'cd') err.write('sudo: the -D option may be used to run a command in a specific directory.\n');
      }
      return 1;
    }
    env.SUDO_COMMAND = [res.path, ...argv.slice(1)].join(' ');
    const state = processAs(ctx, opts.resolverFor, fs, cwd, env);
    opts.log?.({
      messages: [
        `${callerName} : TTY=pts/0 ; PWD=${ctx.cwd} ; USER=${name} ; COMMAND=${env.SUDO_COMMAND}`,
        `pam_unix(sudo:session): session opened for user ${name}(uid=${creds.uid}) by ${callerName}(uid=${caller.uid})`,
      ],
    });
    const io: ProcessIO = ctx.io;
    try {
      return await runIn(state, argv, io);
    } finally {
      opts.log?.({ messages: [`pam_unix(sudo:session): session closed for user ${name}`] });
    }
  };
}
