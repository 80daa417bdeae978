import { describe, expect, it } from 'vitest';
import { execUser, groupName, parsePasswd, userName } from './users';

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1001:1001:app:/home/app:/bin/sh\n';
const GROUP = 'root:x:0:\ndaemon:x:1:\nstaff:x:50:app\nnogroup:x:65534:\napp:x:1001:\n';

describe('--user resolution (libcontainer GetExecUser rules, texts checked on Docker 20.10)', () => {
  it('names and uids from /etc/passwd; an unknown uid runs with gid 0', () => {
    expect(execUser('', PASSWD, GROUP)).toEqual({ uid: 0, gid: 0, groups: [0], name: 'root', home: '/root' });
    expect(execUser('nobody', PASSWD, GROUP)).toMatchObject({ uid: 65534, gid: 65534, groups: [65534] });
    expect(execUser('1000', PASSWD, GROUP)).toEqual({ uid: 1000, gid: 0, groups: [0], name: undefined, home: '/' });
    expect(execUser('1001', PASSWD, GROUP)).toMatchObject({ name: 'app', home: '/home/app' });
  });

  it('groups: an explicit one replaces the supplementary list; otherwise memberships by name', () => {
    expect(execUser('app', PASSWD, GROUP)).toMatchObject({ gid: 1001, groups: [1001, 50] });
    expect(execUser('0:nogroup', PASSWD, GROUP)).toMatchObject({ uid: 0, gid: 65534, groups: [65534] });
    expect(execUser('1000:1000', PASSWD, GROUP)).toMatchObject({ uid: 1000, gid: 1000, groups: [1000] });
  });

  it("dockerd's messages for unknown users and groups", () => {
    expect(execUser('nosuchuser', PASSWD, GROUP)).toEqual({ error: 'unable to find user nosuchuser: no matching entries in passwd file' });
    expect(execUser('nosuchuser:nogroup', PASSWD, GROUP)).toEqual({ error: 'unable to find user nosuchuser: no matching entries in passwd file' });
    expect(execUser('root:nosuchgroup', PASSWD, GROUP)).toEqual({ error: 'unable to find group nosuchgroup: no matching entries in group file' });
    expect(execUser('app', undefined, undefined)).toEqual({ error: 'unable to find user app: no matching entries in passwd file' });
  });

  it('names by id', () => {
    expect(parsePasswd(PASSWD).map((e) => e.name)).toEqual(['root', 'daemon', 'nobody', 'app']);
    expect(userName(PASSWD, 65534)).toBe('nobody');
    expect(userName(PASSWD, 5)).toBeUndefined();
    expect(groupName(GROUP, 50)).toBe('staff');
  });
});
