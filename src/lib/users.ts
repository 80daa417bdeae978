/**
 * The user database of a Linux root filesystem (/etc/passwd, /etc/group) and
 * how a container runtime turns a `--user` value into credentials
 * (runc's libcontainer/user GetExecUser, which dockerd uses for `run -u`,
 * `exec -u` and USER):
 * - "name" or "uid", optionally ":group" or ":gid";
 * - a name must be in /etc/passwd ("unable to find user x: no matching entries in passwd file");
 * - a uid that is not there runs with gid 0 and HOME "/";
 * - a group name must be in /etc/group ("unable to find group x: no matching entries in group file");
 * - the supplementary groups are the primary group, plus, when no group was
 *   given, every group that lists the user's name as a member.
 */

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

const NUMERIC = /^\d+$/;

export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 4 || line.startsWith('#') || !NUMERIC.test(f[2]) || !NUMERIC.test(f[3])) continue;
    out.push({ name: f[0], uid: Number(f[2]), gid: Number(f[3]), gecos: f[4] ?? '', home: f[5] ?? '', shell: f[6] ?? '' });
  }
  return out;
}

export function parseGroup(text: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || line.startsWith('#') || !NUMERIC.test(f[2])) continue;
    out.push({ name: f[0], gid: Number(f[2]), members: (f[3] ?? '').split(',').filter((m) => m !== '') });
  }
  return out;
}

export interface ExecUser {
  uid: number;
  gid: number;
  /** supplementary groups, the primary one first */
  groups: number[];
  /** the passwd entry's name, when the user has one */
  name?: string;
  home: string;
}

/** resolve a `--user` value against a root filesystem's passwd and group files (undefined = the file is missing) */
export function execUser(spec: string, passwd: string | undefined, group: string | undefined): ExecUser | { error: string } {
  const colon = spec.indexOf(':');
  const userArg = colon < 0 ? spec : spec.slice(0, colon);
  const groupArg = colon < 0 ? undefined : spec.slice(colon + 1);
  const users = passwd === undefined ? [] : parsePasswd(passwd);
  const groups = group === undefined ? [] : parseGroup(group);
  let uid = 0;
  let gid = 0;
  let name: string | undefined;
  let home = '/';
  const u = userArg === '' ? users.find((e) => e.uid === 0) : NUMERIC.test(userArg) ? users.find((e) => e.uid === Number(userArg)) : users.find((e) => e.name === userArg);
  if (u) {
    uid = u.uid;
    gid = u.gid;
    name = u.name;
    home = u.home;
  } else if (userArg === '') {
    home = '/root';
  } else if (NUMERIC.test(userArg)) {
    uid = Number(userArg);
  } else {
    return { error: `unable to find user ${userArg}: no matching entries in passwd file` };
  }
  if (groupArg !== undefined && groupArg !== '') {
    if (NUMERIC.test(groupArg)) gid = Number(groupArg);
    else {
      const g = groups.find((e) => e.name === groupArg);
      if (!g) return { error: `unable to find group ${groupArg}: no matching entries in group file` };
      gid = g.gid;
    }
    return { uid, gid, groups: [gid], name, home };
  }
  const extra = name === undefined ? [] : groups.filter((g) => g.members.includes(name as string) && g.gid !== gid).map((g) => g.gid);
  return { uid, gid, groups: [gid, ...extra], name, home };
}

/** the name of `uid` in a passwd file, undefined when it has none */
export function userName(passwd: string | undefined, uid: number): string | undefined {
  return passwd === undefined ? undefined : parsePasswd(passwd).find((e) => e.uid === uid)?.name;
}

/** the name of `gid` in a group file, undefined when it has none */
export function groupName(group: string | undefined, gid: number): string | undefined {
  return group === undefined ? undefined : parseGroup(group).find((e) => e.gid === gid)?.name;
}
