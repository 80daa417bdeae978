import { describe, expect, it } from 'vitest';
import { createShell } from '../shell';
import { hostShell, run } from '../testing/harness';
import { containerRun } from '../testing/container-run';
import { imageFs } from '../testing/catalog-fs';

function accounts() {
  const h = hostShell();
  h.fs.mkdir('/etc');
  h.fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  h.fs.writeFile('/etc/group', 'root:x:0:\nstaff:x:50:\nnogroup:x:65534:\n');
  h.fs.writeFile('/etc/shadow', 'root:*:19682:0:99999:7:::\n');
  return h;
}

describe('useradd, groupadd (shadow-utils)', () => {
  it('adds the user, its own group, a home with -m, and memberships', async () => {
    const { sh, fs } = accounts();
    expect((await run(sh, 'useradd -m -G staff -s /bin/bash app')).status).toBe(0);
    expect(new TextDecoder().decode(fs.readFile('/etc/passwd'))).toContain('app:x:1000:1000::/home/app:/bin/bash\n');
    expect(new TextDecoder().decode(fs.readFile('/etc/group'))).toContain('staff:x:50:app\n');
    expect(new TextDecoder().decode(fs.readFile('/etc/group'))).toContain('app:x:1000:\n');
    expect([fs.stat('/home/app').uid, fs.stat('/home/app').gid]).toEqual([1000, 1000]);
    expect((await run(sh, 'id app')).out).toBe('uid=1000(app) gid=1000(app) groups=1000(app),50(staff)\n');
    expect((await run(sh, 'useradd -r -u 999 svc && grep svc /etc/passwd')).out).toBe('svc:x:999:999::/home/svc:/bin/sh\n');
    const dup = await run(sh, 'useradd app');
    expect([dup.status, dup.err]).toEqual([9, "useradd: user 'app' already exists\n"]);
    expect((await run(sh, 'useradd -g nosuch bob')).err).toBe("useradd: group 'nosuch' does not exist\n");
    expect((await run(sh, 'groupadd -g 2000 devs && grep devs /etc/group')).out).toBe('devs:x:2000:\n');
    expect((await run(sh, 'groupadd devs')).status).toBe(9);
  });

  it('a non-root user may not add users', async () => {
    const { fs, clock } = accounts();
    const learner = createShell({ fs, env: { HOME: '/tmp', PATH: '/usr/bin:/bin', USER: 'x' }, cwd: '/', programs: {}, clock, credentials: { uid: 1000, gid: 1000, groups: [1000] } });
    const r = await run(learner, 'useradd app');
    expect([r.status, r.err]).toEqual([1, 'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n']);
    expect(new TextDecoder().decode(fs.readFile('/etc/passwd'))).not.toContain('app:');
  });
});

describe('adduser, addgroup (busybox)', () => {
  it('adds a user with a home and its group; adds a user to a group', async () => {
    // Alpine's busybox has these applets (the stand-in busybox image does not link them)
    const fs = imageFs('busybox', 'latest');
    fs.symlink('/bin/busybox', '/usr/sbin/adduser');
    fs.symlink('/bin/busybox', '/usr/sbin/addgroup');
    expect((await containerRun(['adduser', '-D', 'app'], { fs })).status).toBe(0);
    const id = await containerRun(['id', 'app'], { fs });
    expect(id.out).toBe('uid=1000(app) gid=1000(app) groups=1000(app)\n');
    expect(fs.stat('/home/app').uid).toBe(1000);
    expect((await containerRun(['addgroup', '-g', '3000', 'devs'], { fs })).status).toBe(0);
    expect((await containerRun(['addgroup', 'app', 'devs'], { fs })).status).toBe(0);
    expect((await containerRun(['id', 'app'], { fs })).out).toBe('uid=1000(app) gid=1000(app) groups=1000(app),3000(devs)\n');
    const again = await containerRun(['adduser', '-D', 'app'], { fs });
    expect([again.status, again.err]).toEqual([1, "adduser: user 'app' in use\n"]);
  });
});
