/**
 * Adding users and groups to a root filesystem's /etc/passwd, /etc/group and
 * /etc/shadow: shadow-utils' useradd and groupadd (Debian, Ubuntu: what a
 * Dockerfile's `RUN useradd -m app` runs) and busybox's adduser and addgroup
 * (Alpine: `RUN adduser -D app`). Only root may change these files.
 */
import { FsError } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { AccessFs } from '../vfs/access-fs';
import { groupEntries, passwdEntries } from './accounts';
import { decode, errText } from './util';

interface NewUser {
  name: string;
  uid?: number;
  group?: string;
  groups: string[];
  home?: string;
  shell: string;
  system: boolean;
  createHome: boolean;
  gecos: string;
  /** make a group named after the user (useradd's USERGROUPS_ENAB, adduser without -G) */
  userGroup: boolean;
}

const NAME = /^[a-z_][a-z0-9_.-]*\$?$/i;

function appendLine(ctx: ProgramContext, path: string, line: string): void {
  let text = '';
  try {
    text = decode(ctx.fs.readFile(path));
  } catch (e) {
    if (!(e instanceof FsError && e.code === 'ENOENT')) throw e;
  }
  ctx.fs.writeFile(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
}

/** add `user` to the member list of each group in `names` */
function addMemberships(ctx: ProgramContext, user: string, names: string[]): void {
  if (names.length === 0) return;
  const text = decode(ctx.fs.readFile('/etc/group'));
  const out = text.split('\n').map((line) => {
    const f = line.split(':');
    if (f.length < 4 || !names.includes(f[0])) return line;
    const members = f[3].split(',').filter((m) => m !== '');
    if (!members.includes(user)) members.push(user);
    f[3] = members.join(',');
    return f.join(':');
  });
  ctx.fs.writeFile('/etc/group', out.join('\n'));
}

function freeId(taken: number[], system: boolean): number {
  const used = new Set(taken);
  if (system) {
    for (let id = 999; id >= 100; id--) if (!used.has(id)) return id;
  }
  let id = 1000;
  while (used.has(id)) id++;
  return id;
}

/** write the user (and its group, home) or return an error text and exit status */
function addUser(ctx: ProgramContext, u: NewUser): { error: string; status: number } | undefined {
  const users = passwdEntries(ctx);
  const groups = groupEntries(ctx);
  if (users.some((e) => e.name === u.name)) return { error: `user '${u.name}' already exists`, status: 9 };
  if (u.uid !== undefined && users.some((e) => e.uid === u.uid)) return { error: `UID ${u.uid} is not unique`, status: 4 };
  const uid = u.uid ?? freeId(users.map((e) => e.uid), u.system);
  let gid: number;
  if (u.group !== undefined) {
    const g = /^\d+$/.test(u.group) ? groups.find((e) => e.gid === Number(u.group)) : groups.find((e) => e.name === u.group);
    if (!g) return { error: `group '${u.group}' does not exist`, status: 6 };
    gid = g.gid;
  } else if (u.userGroup) {
    if (groups.some((e) => e.name === u.name)) return { error: `group ${u.name} exists - if you want to add this user to that group, use -g.`, status: 9 };
    gid = groups.some((e) => e.gid === uid) ? freeId(groups.map((e) => e.gid), u.system) : uid;
    appendLine(ctx, '/etc/group', `${u.name}:x:${gid}:`);
  } else gid = 100;
  for (const g of u.groups) if (!groups.some((e) => e.name === g)) return { error: `group '${g}' does not exist`, status: 6 };
  const home = u.home ?? `/home/${u.name}`;
  appendLine(ctx, '/etc/passwd', `${u.name}:x:${uid}:${gid}:${u.gecos}:${home}:${u.shell}`);
  if (ctx.fs.exists('/etc/shadow')) appendLine(ctx, '/etc/shadow', `${u.name}:!:19682:0:99999:7:::`);
  addMemberships(ctx, u.name, u.groups);
  if (u.createHome && !ctx.fs.exists(home)) {
    ctx.fs.mkdir(home, { recursive: true, mode: 0o755 });
    ctx.fs.chown(home, uid, gid);
  }
  return undefined;
}

/** only root may write the account files: shadow-utils' and busybox's refusals */
function mayEditAccounts(ctx: ProgramContext): boolean {
  return AccessFs.allows(ctx.fs, '/etc/passwd', 2) && AccessFs.allows(ctx.fs, '/etc', 2);
}

export const useradd: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const u: NewUser = { name: '', groups: [], shell: '/bin/sh', system: false, createHome: false, gecos: '', userGroup: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = () => args[++i] ?? '';
    if (a === '-m' || a === '--create-home') u.createHome = true;
    else if (a === '-M' || a === '--no-create-home') u.createHome = false;
    else if (a === '-r' || a === '--system') u.system = true;
    else if (a === '-u' || a === '--uid') u.uid = Number(val());
    else if (a === '-g' || a === '--gid') u.group = val();
    else if (a === '-G' || a === '--groups') u.groups = val().split(',').filter(Boolean);
    else if (a === '-s' || a === '--shell') u.shell = val();
    else if (a === '-d' || a === '--home-dir') u.home = val();
    else if (a === '-c' || a === '--comment') u.gecos = val();
    else if (a === '-N' || a === '--no-user-group') u.userGroup = false;
    else if (a === '-U' || a === '--user-group') u.userGroup = true;
    else if (a.startsWith('-')) {
      ctx.io.stderr.write(`useradd: invalid option -- '${a.replace(/^-+/, '')}'\n`);
      return 2;
    } else u.name = a;
  }
  if (u.name === '' || (u.uid !== undefined && !Number.isInteger(u.uid))) {
    ctx.io.stderr.write('Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n');
    return 2;
  }
  if (!NAME.test(u.name)) {
    ctx.io.stderr.write(`useradd: invalid user name '${u.name}'\n`);
    return 3;
  }
  if (!mayEditAccounts(ctx)) {
    ctx.io.stderr.write('useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n');
    return 1;
  }
  const r = addUser(ctx, u);
  if (r) {
    ctx.io.stderr.write(`useradd: ${r.error}\n`);
    return r.status;
  }
  return 0;
};

function addGroupEntry(ctx: ProgramContext, name: string, gid: number | undefined, system: boolean): string | undefined {
  const groups = groupEntries(ctx);
  if (groups.some((g) => g.name === name)) return `group '${name}' already exists`;
  if (gid !== undefined && groups.some((g) => g.gid === gid)) return `GID '${gid}' already exists`;
  appendLine(ctx, '/etc/group', `${name}:x:${gid ?? freeId(groups.map((g) => g.gid), system)}:`);
  return undefined;
}

export const groupadd: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let gid: number | undefined;
  let system = false;
  let name = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-g' || args[i] === '--gid') gid = Number(args[++i]);
    else if (args[i] === '-r' || args[i] === '--system') system = true;
    else if (args[i] === '-f' || args[i] === '--force') continue;
    else name = args[i];
  }
  if (name === '') {
    ctx.io.stderr.write('Usage: groupadd [options] GROUP\n');
    return 2;
  }
  if (!mayEditAccounts(ctx)) {
    ctx.io.stderr.write('groupadd: Permission denied.\ngroupadd: cannot lock /etc/group; try again later.\n');
    return 10;
  }
  const err = addGroupEntry(ctx, name, gid, system);
  if (err) {
    ctx.io.stderr.write(`groupadd: ${err}\n`);
    return err.startsWith('GID') ? 4 : 9;
  }
  return 0;
};

/** busybox adduser [-D] [-S] [-H] [-h HOME] [-s SHELL] [-g GECOS] [-G GROUP] [-u UID] USER [GROUP] */
export const adduser: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const u: NewUser = { name: '', groups: [], shell: '/bin/sh', system: false, createHome: true, gecos: 'Linux User,,,', userGroup: true };
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-D' || a === '--disabled-password') continue;
    if (a === '-S' || a === '--system') {
      u.system = true;
      u.shell = '/sbin/nologin';
    } else if (a === '-H' || a === '--no-create-home') u.createHome = false;
    else if (a === '-h' || a === '--home') u.home = args[++i];
    else if (a === '-s' || a === '--shell') u.shell = args[++i] ?? u.shell;
    else if (a === '-g' || a === '--gecos') u.gecos = args[++i] ?? '';
    else if (a === '-G' || a === '--ingroup') {
      u.group = args[++i];
      u.userGroup = false;
    } else if (a === '-u' || a === '--uid') u.uid = Number(args[++i]);
    else if (a.startsWith('-')) {
      ctx.io.stderr.write(`adduser: invalid option -- '${a.replace(/^-+/, '')}'\n`);
      return 1;
    } else operands.push(a);
  }
  // "adduser USER GROUP": add an existing user to an existing group
  if (operands.length === 2 && passwdEntries(ctx).some((e) => e.name === operands[0])) {
    if (!groupEntries(ctx).some((g) => g.name === operands[1])) {
      ctx.io.stderr.write(`adduser: unknown group ${operands[1]}\n`);
      return 1;
    }
    addMemberships(ctx, operands[0], [operands[1]]);
    return 0;
  }
  u.name = operands[0] ?? '';
  if (u.name === '') {
    ctx.io.stderr.write('BusyBox v1.36.1 multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]\n\nCreate new user, or add USER to GROUP\n');
    return 1;
  }
  if (!mayEditAccounts(ctx)) {
    ctx.io.stderr.write('adduser: need to be root\n');
    return 1;
  }
  if (passwdEntries(ctx).some((e) => e.name === u.name)) {
    ctx.io.stderr.write(`adduser: user '${u.name}' in use\n`);
    return 1;
  }
  try {
    const r = addUser(ctx, u);
    if (r) {
      ctx.io.stderr.write(`adduser: ${r.error.replace(/^group '(.*)' does not exist$/, 'unknown group $1')}\n`);
      return 1;
    }
  } catch (e) {
    ctx.io.stderr.write(`adduser: ${errText(e)}\n`);
    return 1;
  }
  return 0;
};

/** busybox addgroup [-g GID] [-S] GROUP, or addgroup USER GROUP */
export const addgroup: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let gid: number | undefined;
  let system = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-g' || args[i] === '--gid') gid = Number(args[++i]);
    else if (args[i] === '-S' || args[i] === '--system') system = true;
    else operands.push(args[i]);
  }
  if (operands.length === 0) {
    ctx.io.stderr.write('BusyBox v1.36.1 multi-call binary.\n\nUsage: addgroup [-g GID] [-S] [USER] GROUP\n\nAdd a group or add a user to a group\n');
    return 1;
  }
  if (!mayEditAccounts(ctx)) {
    ctx.io.stderr.write('addgroup: need to be root\n');
    return 1;
  }
  if (operands.length === 2) {
    if (!passwdEntries(ctx).some((e) => e.name === operands[0])) {
      ctx.io.stderr.write(`addgroup: unknown user ${operands[0]}\n`);
      return 1;
    }
    addMemberships(ctx, operands[0], [operands[1]]);
    return 0;
  }
  const err = addGroupEntry(ctx, operands[0], gid, system);
  if (err) {
    ctx.io.stderr.write(`addgroup: ${err.replace(/^group '(.*)' already exists$/, "group '$1' in use").replace(/^GID '(.*)' already exists$/, "gid '$1' in use")}\n`);
    return 1;
  }
  return 0;
};
