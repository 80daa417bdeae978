import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';

const SETUP = 'mkdir -p /srv/app/logs /srv/app/conf && echo hello > /srv/app/a.txt && seq 1 300 > /srv/app/logs/big.log && echo x=1 > /srv/app/conf/app.conf && ';

describe('find', () => {
  it('walks depth first with tests, operators and depth limits', async () => {
    expect((await sh(`${SETUP}find /srv`)).out).toBe('/srv\n/srv/app\n/srv/app/a.txt\n/srv/app/conf\n/srv/app/conf/app.conf\n/srv/app/logs\n/srv/app/logs/big.log\n');
    expect((await sh(`${SETUP}find /srv -type f -name '*.txt' -o -name '*.conf'`)).out).toBe('/srv/app/a.txt\n/srv/app/conf/app.conf\n');
    expect((await sh(`${SETUP}find /srv -mindepth 2 -maxdepth 2 -type d`)).out).toBe('/srv/app/conf\n/srv/app/logs\n');
    expect((await sh(`${SETUP}find /srv -type f ! -name '*.txt' -size +1k`)).out).toBe('/srv/app/logs/big.log\n');
    expect((await sh(`${SETUP}find /srv -iname 'A.TXT' -path '*app*'`)).out).toBe('/srv/app/a.txt\n');
    expect((await sh(`${SETUP}find /srv/app -name conf -prune -o -type f -print`)).out).toBe('/srv/app/a.txt\n/srv/app/logs/big.log\n');
  });

  it('-exec with ; and +, -delete, -user', async () => {
    expect((await sh(`${SETUP}find /srv -name '*.conf' -exec cat {} \\;`)).out).toBe('x=1\n');
    expect((await sh(`${SETUP}find /srv -name '*.txt' -exec wc -l {} +`)).out).toBe('1 /srv/app/a.txt\n');
    expect((await sh(`${SETUP}find /srv -name '*.log' -delete && find /srv/app/logs`)).out).toBe('/srv/app/logs\n');
    expect((await sh(`${SETUP}chown nobody /srv/app/a.txt && find /srv -user nobody`)).out).toBe('/srv/app/a.txt\n');
  });

  it("errors in busybox's and GNU's words", async () => {
    const bb = await sh('find /nonexist');
    expect([bb.status, bb.err]).toEqual([1, 'find: /nonexist: No such file or directory\n']);
    expect((await sh('find / -bogus')).err).toBe('find: unrecognized: -bogus\n');
    const { sh: host } = hostShell();
    const gnu = await run(host, 'find nosuch');
    expect([gnu.status, gnu.err]).toEqual([1, 'find: \u2018nosuch\u2019: No such file or directory\n']);
    expect((await run(host, 'find . -bogus')).err).toBe("find: unknown predicate `-bogus'\n");
  });

  it('a directory the user may not read is reported and skipped', async () => {
    const setup = await sh('mkdir -p /srv/locked/in /srv/open && chmod 700 /srv/locked');
    const r = await sh('find /srv', { user: 'nobody', fs: setup.fs });
    expect([r.status, r.out, r.err]).toEqual([1, '/srv\n/srv/locked\n/srv/open\n', 'find: /srv/locked: Permission denied\n']);
  });
});
