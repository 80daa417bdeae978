/** Who a process is and the names of users and groups, from the filesystem it sees (/etc/passwd, /etc/group). */
import { type Credentials, ROOT_CREDENTIALS, textDecoder } from '../../api/fs';
import { type GroupEntry, type PasswdEntry, parseGroup, parsePasswd } from '../../lib/users';
import type { ProgramContext } from '../interpreter/types';
import { AccessFs } from '../vfs/access-fs';

function readText(ctx: ProgramContext, path: string): string | undefined {
  try {
    return textDecoder.decode(ctx.fs.readFile(path));
  } catch {
    return undefined;
  }
}

export function passwdEntries(ctx: ProgramContext): PasswdEntry[] {
  const t = readText(ctx, '/etc/passwd');
  return t === undefined ? [] : parsePasswd(t);
}

export function groupEntries(ctx: ProgramContext): GroupEntry[] {
  const t = readText(ctx, '/etc/group');
  return t === undefined ? [] : parseGroup(t);
}

/** the process's credentials (root when the filesystem does no checks) */
export function credentials(ctx: ProgramContext): Credentials {
  return ctx.creds ?? AccessFs.credentialsOf(ctx.fs) ?? ROOT_CREDENTIALS;
}

/** uid → name and gid → name tables (what ls -l, stat, ps and find -user show) */
export interface NameTables {
  user(uid: number): string | undefined;
  group(gid: number): string | undefined;
  uidOf(name: string): number | undefined;
  gidOf(name: string): number | undefined;
}

export function nameTables(ctx: ProgramContext): NameTables {
  const users = passwdEntries(ctx);
  const groups = groupEntries(ctx);
  return {
    user: (uid) => users.find((u) => u.uid === uid)?.name,
    group: (gid) => groups.find((g) => g.gid === gid)?.name,
    uidOf: (name) => users.find((u) => u.name === name)?.uid,
    gidOf: (name) => groups.find((g) => g.gid !== undefined && g.name === name)?.gid,
  };
}
