/**
 * su (util-linux 2.38) on the learner's machine: root may become anyone
 * without a password (`sudo su`, `sudo su -`); anyone else is asked for the
 * target's password, and since root has none (the learner's machine uses
 * sudo) the answer is "su: Authentication failure". Without "-" the shell
 * keeps the directory and the environment, with HOME and SHELL (and USER,
 * LOGNAME for a user other than root) set; "-" gives a login shell in the
 * target's home with a fresh environment.
 */
import { textDecoder } from '../../api/fs';
import { parsePasswd } from '../../lib/users';
import type { ProgramResolver } from '../interpreter/state';
import type { Program, ProgramContext } from '../interpreter/types';
import { AccessFs } from '../vfs/access-fs';
import { processAs, runIn, SECURE_PATH } from './sudo';

export function makeSu(resolverFor: (fs: ProgramContext['fs']) => ProgramResolver): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    let login = false;
    let command: string | undefined;
    let user = 'root';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-' || a === '-l' || a === '--login') login = true;
      else if (a === '-c' || a === '--command') {
        command = args[++i];
        if (command === undefined) {
          ctx.io.stderr.write("su: option requires an argument -- 'c'\nTry 'su --help' for more information.\n");
          return 1;
        }
      } else if (a.startsWith('-')) {
        ctx.io.stderr.write(`su: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\nTry 'su --help' for more information.\n`);
        return 1;
      } else user = a;
    }
    let passwd = '';
    try {
      passwd = textDecoder.decode(ctx.fs.readFile('/etc/passwd'));
    } catch {
      // no user database: every user is unknown
    }
    const entry = parsePasswd(passwd).find((e) => e.name === user);
    if (!entry) {
      ctx.io.stderr.write(`su: user ${user} does not exist or the user entry does not contain all the required fields\n`);
      return 1;
    }
    const caller = AccessFs.credentialsOf(ctx.fs);
    if (caller && caller.uid !== 0) {
      ctx.io.stdout.write('Password: ');
      const prev = ctx.io.stdin.setMode?.('noecho');
      await ctx.io.stdin.readLine();
      if (prev && ctx.io.stdin.setMode) ctx.io.stdin.setMode(prev);
      ctx.io.stdout.write('\n');
      ctx.io.stderr.write('su: Authentication failure\n');
      return 1;
    }
    const groupIds = (() => {
      try {
        const text = textDecoder.decode(ctx.fs.readFile('/etc/group'));
        return text.split('\n').filter((l) => l.split(':')[3]?.split(',').includes(user)).map((l) => Number(l.split(':')[2]));
      } catch {
        return [];
      }
    })();
    const fs = AccessFs.as(ctx.fs, { uid: entry.uid, gid: entry.gid, groups: [entry.gid, ...groupIds.filter((g) => g !== entry.gid)] });
    const shell = entry.shell || '/bin/sh';
    const env: Record<string, string> = login ? { TERM: ctx.env.TERM ?? 'xterm-256color', PATH: SECURE_PATH } : { ...ctx.env };
    if (login && ctx.env.COLUMNS) env.COLUMNS = ctx.env.COLUMNS;
    Object.assign(env, { HOME: entry.home, SHELL: shell });
    if (login || entry.uid !== 0) Object.assign(env, { USER: user, LOGNAME: user });
    env.PS1 = '\\u@\\h:\\w\\$ ';
    env.HOSTNAME ??= ctx.env.HOSTNAME ?? 'dockyard';
    const sh = shell.split('/').pop() ?? 'sh';
    const state = processAs(ctx, resolverFor, fs, login ? entry.home : ctx.cwd, env);
    return runIn(state, command !== undefined ? [sh, '-c', command] : [sh], ctx.io);
  };
}
