import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';

describe('chown, chgrp, chmod', () => {
  it('names and ids, -R, user:group and chgrp', async () => {
    const r = await sh('mkdir -p /srv/c && touch /srv/a /srv/c/f && chown nobody /srv/a && chown -R nobody:nogroup /srv/c && chown 1234:5678 /srv/c/f && chgrp daemon /srv/a && ls -ln /srv /srv/c');
    expect(r.out).toMatch(/-rw-r--r-- +1 65534 +1 +0 .* a\n/);
    expect(r.out).toMatch(/drwxr-xr-x +2 65534 +65534 .* c\n/);
    expect(r.out).toMatch(/-rw-r--r-- +1 1234 +5678 .* f\n/);
  });

  it("errors in busybox's words", async () => {
    expect((await sh('chown nosuch /tmp')).err).toBe('chown: unknown user nosuch\n');
    expect((await sh('chgrp nosuch /tmp')).err).toBe('chgrp: unknown group nosuch\n');
    expect((await sh('chown nobody /missing')).err).toBe('chown: /missing: No such file or directory\n');
    expect((await sh('chmod 755 /missing')).err).toBe('chmod: /missing: No such file or directory\n');
    const eperm = await sh('chown nobody /tmp', { user: 'nobody' });
    expect([eperm.status, eperm.err]).toEqual([1, 'chown: /tmp: Operation not permitted\n']);
  });

  it("GNU's words; chmod symbolic modes and -R", async () => {
    const { sh: host } = hostShell();
    expect((await run(host, 'chown nosuch /tmp')).err).toBe("chown: invalid user: 'nosuch'\n");
    expect((await run(host, 'chmod 755 missing')).err).toBe("chmod: cannot access 'missing': No such file or directory\n");
    expect((await run(host, 'mkdir -p d/e && touch d/e/f && chmod -R go-rx d && chmod u+x,g-r d/e/f && ls -l d/e')).out).toMatch(/^total 0\n-rwx------ 1 0 0 0 /);
    const bad = await run(host, 'chmod zz d');
    expect([bad.status, bad.err]).toEqual([1, "chmod: invalid mode: 'zz'\nTry 'chmod --help' for more information.\n"]);
  });
});
