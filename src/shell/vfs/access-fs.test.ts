import { describe, expect, it } from 'vitest';
import { FsError, ROOT_CREDENTIALS } from '../../api/fs';
import { AccessFs, mayAccess } from './access-fs';
import { MemoryFs } from './memory-fs';

const APP = { uid: 1001, gid: 1001, groups: [1001] };
const NOBODY = { uid: 65534, gid: 65534, groups: [65534] };

function world(): MemoryFs {
  const fs = new MemoryFs();
  fs.mkdir('/etc');
  fs.writeFile('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
  fs.mkdir('/tmp');
  fs.chmod('/tmp', 0o1777);
  fs.mkdir('/home/app', { recursive: true });
  fs.chown('/home/app', 1001, 1001);
  fs.mkdir('/data/private', { recursive: true });
  fs.chmod('/data/private', 0o700);
  fs.writeFile('/data/private/x', 'x');
  fs.writeFile('/data/secret', 'secret');
  fs.chmod('/data/secret', 0o600);
  return fs;
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof FsError ? e.code : String(e);
  }
  return 'ok';
};

describe('AccessFs: the kernel permission rules for a process', () => {
  it('the owner, the group and the others get their own bits; root passes', () => {
    const st = { mode: 0o640, uid: 1001, gid: 50, type: 'file' as const };
    expect(mayAccess(st, APP, 6)).toBe(true);
    expect(mayAccess(st, { uid: 7, gid: 50, groups: [50] }, 4)).toBe(true);
    expect(mayAccess(st, { uid: 7, gid: 8, groups: [8, 50] }, 2)).toBe(false);
    expect(mayAccess(st, NOBODY, 4)).toBe(false);
    expect(mayAccess(st, ROOT_CREDENTIALS, 6)).toBe(true);
    // root still needs one x bit to execute a file
    expect(mayAccess(st, ROOT_CREDENTIALS, 1)).toBe(false);
  });

  it('a non-root user cannot write root files, read 0600 files or enter 0700 directories', () => {
    const fs = new AccessFs(world(), APP);
    expect(code(() => fs.writeFile('/etc/passwd', 'x'))).toBe('EACCES');
    expect(code(() => fs.appendFile('/etc/passwd', 'x'))).toBe('EACCES');
    expect(code(() => fs.writeFile('/etc/new', 'x'))).toBe('EACCES');
    expect(code(() => fs.mkdir('/data2'))).toBe('EACCES');
    expect(code(() => fs.unlink('/etc/passwd'))).toBe('EACCES');
    expect(code(() => fs.readFile('/data/secret'))).toBe('EACCES');
    expect(code(() => fs.readdir('/data/private'))).toBe('EACCES');
    expect(code(() => fs.stat('/data/private/x'))).toBe('EACCES');
    expect(fs.exists('/data/private/x')).toBe(false);
    expect(code(() => fs.chmod('/etc/passwd', 0o777))).toBe('EPERM');
    expect(code(() => fs.chown('/tmp', 1001, 1001))).toBe('EPERM');
    expect(fs.readFile('/etc/passwd').length).toBeGreaterThan(0);
  });

  it('what a user creates is theirs; its own home and /tmp are writable', () => {
    const base = world();
    const fs = new AccessFs(base, APP);
    fs.writeFile('/home/app/note', 'hi');
    fs.mkdir('/home/app/a/b', { recursive: true });
    fs.writeFile('/tmp/f', 'x');
    for (const p of ['/home/app/note', '/home/app/a', '/home/app/a/b', '/tmp/f']) expect([base.stat(p).uid, base.stat(p).gid]).toEqual([1001, 1001]);
    fs.chmod('/home/app/note', 0o600);
    expect(base.stat('/home/app/note').mode).toBe(0o600);
    // the owner may give a file to one of its groups, not to another user
    expect(code(() => fs.chown('/home/app/note', 1001, 1001))).toBe('ok');
    expect(code(() => fs.chown('/home/app/note', 0, 0))).toBe('EPERM');
  });

  it('the sticky /tmp keeps others from removing a file they do not own', () => {
    const base = world();
    new AccessFs(base, APP).writeFile('/tmp/mine', 'x');
    const other = new AccessFs(base, NOBODY);
    expect(code(() => other.unlink('/tmp/mine'))).toBe('EACCES');
    expect(code(() => other.rename('/tmp/mine', '/tmp/theirs'))).toBe('EACCES');
    expect(code(() => new AccessFs(base, APP).unlink('/tmp/mine'))).toBe('ok');
  });

  it('root passes every check; AccessFs.as swaps the credentials of a view', () => {
    const base = world();
    const app = new AccessFs(base, APP);
    const root = AccessFs.as(app, ROOT_CREDENTIALS);
    expect(new TextDecoder().decode(root.readFile('/data/secret'))).toBe('secret');
    root.writeFile('/data/private/y', 'y');
    expect(base.stat('/data/private/y').uid).toBe(0);
    expect(AccessFs.allows(app, '/data/private', 1)).toBe(false);
    expect(AccessFs.allows(root, '/data/private', 1)).toBe(true);
    expect(AccessFs.credentialsOf(app)).toEqual(APP);
  });
});
